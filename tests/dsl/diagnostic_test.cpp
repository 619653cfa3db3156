// SourceFile's line table and the clang-style diagnostic format.
#include "triage/dsl/diagnostic.hpp"

#include <gtest/gtest.h>

namespace triage {
namespace {

TEST(SourceFile, MapsOffsetsToLinesAndColumns) {
    const dsl::SourceFile file("f.rules", "ab\ncd\r\n\nx");
    EXPECT_EQ(file.lineCount(), 4);
    EXPECT_EQ(file.lineCol(0).line, 1);
    EXPECT_EQ(file.lineCol(1).column, 2);
    EXPECT_EQ(file.lineCol(3).line, 2);
    EXPECT_EQ(file.lineCol(3).column, 1);
    EXPECT_EQ(file.lineCol(8).line, 4);
    EXPECT_EQ(file.lineText(1), "ab");
    EXPECT_EQ(file.lineText(2), "cd");  // the CR of a CRLF is not part of the line
    EXPECT_EQ(file.lineText(3), "");
    EXPECT_EQ(file.lineText(4), "x");
    EXPECT_EQ(file.lineText(5), "");
}

TEST(SourceFile, LineTableAgreesWithCountingNewlinesAcrossManyLines) {
    // The table keeps every linesPerEntry-th line start: check every offset
    // and line of texts long enough to span many entries, against a count.
    std::uint32_t seed = 7;
    auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
    for (int round = 0; round < 20; ++round) {
        std::string text;
        const int length = 1 + static_cast<int>(next() % 2000);
        for (int i = 0; i < length; ++i) {
            const std::uint32_t pick = (next() >> 8) % 10;
            text += pick < 3 ? '\n' : pick == 3 ? '\r' : static_cast<char>('a' + pick);
        }
        const dsl::SourceFile file("f.rules", text);
        std::vector<std::uint32_t> starts{0};
        for (std::uint32_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') starts.push_back(i + 1);
        ASSERT_EQ(file.lineCount(), static_cast<int>(starts.size()));
        int line = 1;
        for (std::uint32_t offset = 0; offset <= text.size(); ++offset) {
            while (line < static_cast<int>(starts.size()) && starts[line] <= offset) ++line;
            const dsl::SourceFile::LineCol at = file.lineCol(offset);
            ASSERT_EQ(at.line, line) << "offset " << offset;
            ASSERT_EQ(at.column, static_cast<int>(offset - starts[line - 1]) + 1) << "offset " << offset;
        }
        for (int l = 1; l <= file.lineCount(); ++l) {
            ASSERT_EQ(file.offsetOf(l, 1), starts[l - 1]);
            std::size_t end = l < file.lineCount() ? starts[l] - 1 : text.size();
            if (end > starts[l - 1] && text[end - 1] == '\r') --end;
            ASSERT_EQ(file.lineText(l), std::string_view(text).substr(starts[l - 1], end - starts[l - 1]));
        }
    }
}

dsl::Diagnostic at(const dsl::SourceFile& file, std::uint32_t begin, std::uint32_t end, std::string message,
                   dsl::Severity severity = dsl::Severity::Error) {
    return {severity, &file, {begin, end}, std::move(message), {}};
}

TEST(DiagnosticFormat, ShowsLocationLineAndCaret) {
    const dsl::SourceFile file("rules/a.rules", "fact x: bool\n  when error_code in x and hardware_chaged\n");
    EXPECT_EQ(dsl::format(at(file, 40, 55, "unknown fact 'hardware_chaged'")),
              "rules/a.rules:2:28: error: unknown fact 'hardware_chaged'\n"
              "    when error_code in x and hardware_chaged\n"
              "                             ^~~~~~~~~~~~~~~\n");
}

TEST(DiagnosticFormat, WarningAndEmptySpan) {
    const dsl::SourceFile file("a.rules", "cost\n");
    EXPECT_EQ(dsl::format(at(file, 4, 4, "w", dsl::Severity::Warning)),
              "a.rules:1:5: warning: w\n  cost\n      ^\n");
}

TEST(DiagnosticFormat, KeepsTabsForAlignmentAndCountsCharactersNotBytes) {
    const dsl::SourceFile file("a.rules", "\tnl \"vóór\" x\n");
    EXPECT_EQ(dsl::format(at(file, 4, 12, "m")), "a.rules:1:5: error: m\n  \tnl \"vóór\" x\n  \t   ^~~~~~\n");
    EXPECT_EQ(dsl::format(at(file, 13, 14, "m")),
              "a.rules:1:14: error: m\n  \tnl \"vóór\" x\n  \t          ^\n");
}

TEST(DiagnosticFormat, SpanIsCutAtTheEndOfItsLine) {
    const dsl::SourceFile file("a.rules", "ab\r\ncd\r\n");
    EXPECT_EQ(dsl::format(at(file, 1, 7, "m")), "a.rules:1:2: error: m\n  ab\n   ^\n");
}

TEST(DiagnosticFormat, UnprintableBytesAreShownAsQuestionMarks) {
    const dsl::SourceFile file("a.rules", std::string("a\0b\xff", 4));
    EXPECT_EQ(dsl::format(at(file, 3, 4, "m")), "a.rules:1:4: error: m\n  a?b?\n     ^\n");
}

TEST(DiagnosticFormat, WithoutAFile) {
    dsl::Diagnostic diagnostic;
    diagnostic.message = "cannot open 'x.rules': no such file";
    EXPECT_EQ(dsl::format(diagnostic), "error: cannot open 'x.rules': no such file\n");
}

TEST(DiagnosticFormat, Colour) {
    const dsl::SourceFile file("a.rules", "x\n");
    EXPECT_EQ(
        dsl::format(at(file, 0, 1, "m"), {.colour = true}),
        "\033[1ma.rules:1:1:\033[0m \033[1;31merror:\033[0m\033[1m m\033[0m\n  x\n  \033[1;32m^\033[0m\n");
    EXPECT_NE(
        dsl::format(at(file, 0, 1, "m", dsl::Severity::Warning), {.colour = true}).find("\033[1;35mwarning:"),
        std::string::npos);
}

TEST(Diagnostics, SortAndErrors) {
    const dsl::SourceFile b("b.rules", "xxxxxxxxxx"), a("a.rules", "xxxxxxxxxx");
    std::vector<dsl::Diagnostic> all{at(b, 1, 1, "b1"), at(a, 5, 5, "a5", dsl::Severity::Warning),
                                     at(a, 5, 5, "a5e"), at(a, 2, 2, "a2")};
    dsl::Diagnostic fileless;
    fileless.message = "none";
    all.push_back(fileless);
    dsl::sortDiagnostics(all);
    std::vector<std::string> order;
    for (const auto& d : all) order.push_back(d.message);
    EXPECT_EQ(order, (std::vector<std::string>{"none", "a2", "a5e", "a5", "b1"}));
    EXPECT_TRUE(dsl::hasErrors(all));
    EXPECT_FALSE(dsl::hasErrors({at(a, 1, 1, "w", dsl::Severity::Warning)}));
}

}  // namespace
}  // namespace triage
