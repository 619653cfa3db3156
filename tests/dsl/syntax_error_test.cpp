// Syntax errors compared as the whole formatted text, and the limits that
// keep hostile input from crashing or hanging the parser.
#include <gtest/gtest.h>

#include <ctime>

#include "triage/dsl/parser.hpp"

namespace triage {
namespace {

std::string diagnosticsOf(const std::string& text) {
    const dsl::SourceFile source("x.rules", text);
    std::string out;
    for (const dsl::Diagnostic& d : dsl::parse(source).diagnostics) out += dsl::format(d);
    return out;
}

TEST(SyntaxErrors, MissingColonPointsAtWhatWasFound) {
    EXPECT_EQ(diagnosticsOf("fact x bool\n"),
              "x.rules:1:8: error: expected ':', found 'bool'\n  fact x bool\n         ^~~~\n");
}

TEST(SyntaxErrors, MissingTokenAtLineEndStaysOnThatLine) {
    EXPECT_EQ(diagnosticsOf("fact x:   # the type is missing\n  question\n    en \"Q\"\n"),
              "x.rules:1:8: error: expected type ('bool', 'code', 'number' or 'enum'), found end of line\n"
              "  fact x:   # the type is missing\n         ^\n");
}

TEST(SyntaxErrors, ConditionAfterKeyword) {
    EXPECT_EQ(diagnosticsOf("rule r\n  when then supports c 0.5\n"),
              "x.rules:2:8: error: expected condition, found 'then'\n    when then supports c 0.5\n         "
              "^~~~\n");
}

TEST(SyntaxErrors, MisspelledClauseSuggestsTheKeyword) {
    EXPECT_EQ(
        diagnosticsOf("fact x: bool\n  questoin\n    en \"Q\"\n"),
        "x.rules:2:3: error: expected 'question', 'help', 'cost' or a new declaration, found 'questoin'; "
        "did you mean 'question'?\n    questoin\n    ^~~~~~~~\n");
}

TEST(SyntaxErrors, UnterminatedText) {
    EXPECT_EQ(diagnosticsOf("fact x: bool\n  question\n    en \"Q?\n  cost 2\n"),
              "x.rules:3:11: error: expected '\"' to end the text, found end of line\n      en \"Q?\n        "
              "    ^\n");
}

TEST(SyntaxErrors, DuplicateClause) {
    EXPECT_EQ(diagnosticsOf("cause c\n  prior 0.1\n  prior 0.2\n"),
              "x.rules:3:3: error: duplicate 'prior' clause\n    prior 0.2\n    ^~~~~\n");
}

TEST(SyntaxErrors, NotADeclaration) {
    EXPECT_EQ(
        diagnosticsOf("fcat x: bool\n"),
        "x.rules:1:1: error: expected a declaration ('import', 'fact', 'codes', 'cause', 'rule' or 'test'), "
        "found 'fcat'; did you mean 'fact'?\n  fcat x: bool\n  ^~~~\n");
}

TEST(SyntaxErrors, EndOfInput) {
    EXPECT_EQ(diagnosticsOf("rule r when a then supports"),
              "x.rules:1:28: error: expected name, found end of input\n  rule r when a then supports\n"
              "                             ^\n");
}

TEST(InputLimits, TenThousandParenthesesAreAnErrorNotACrash) {
    const std::string text = "rule r\n  when " + std::string(10000, '(') + "a" + std::string(10000, ')') +
                             "\n  then set b\nfact ok: bool\n";
    const dsl::SourceFile source("deep.rules", text);
    const dsl::ParseResult result = dsl::parse(source);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].message, "condition nested deeper than 256 levels");
    EXPECT_EQ(source.lineCol(result.diagnostics[0].span.begin).column, 8 + 256);  // the 257th '('
    EXPECT_EQ(result.file.facts.size(), 1u);  // the parse went on after it
}

TEST(InputLimits, AMillionOpenParentheses) {
    const dsl::ParseResult result =
        dsl::parse(dsl::SourceFile("deep.rules", "rule r when " + std::string(1000000, '(')));
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].message, "condition nested deeper than 256 levels");
}

TEST(InputLimits, DeepNotsCountToo) {
    std::string nots;
    for (int i = 0; i < 300; ++i) nots += "not ";
    const dsl::ParseResult result =
        dsl::parse(dsl::SourceFile("n.rules", "rule r when " + nots + "a then set b\n"));
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].message, "condition nested deeper than 256 levels");
}

TEST(InputLimits, NestingUpToTheLimitParses) {
    std::string condition = "a";
    for (int i = 0; i < 128; ++i) condition = "not (" + condition + " and b)";  // 256 levels
    const dsl::ParseResult result =
        dsl::parse(dsl::SourceFile("ok.rules", "rule r when " + condition + " then set c\n"));
    EXPECT_TRUE(result.ok()) << dsl::format(result.diagnostics.at(0));
}

TEST(InputLimits, FilesOver16MiBAreRefused) {
    const dsl::ParseResult result =
        dsl::parse(dsl::SourceFile("big.rules", std::string(16 * 1024 * 1024 + 1, ' ')));
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].message, "file is larger than 16 MiB");
}

TEST(InputLimits, FiveMegabytesParseInReasonableTime) {
    const std::string unit =
        "fact f: enum { a, b }\n  question\n    nl \"Welke versie van Windows is geïnstalleerd?\"\n"
        "    en \"Which version of Windows is installed?\"\n  cost 2\n\n"
        "rule r\n  when f = a and not (g or known h) # why\n  then supports c 0.5\n   and set x\n\n";
    std::string text;
    while (text.size() < 5 * 1000 * 1000) text += unit;
    const std::clock_t start = std::clock();  // CPU time: the machine may be busy
    const dsl::ParseResult result = dsl::parse(dsl::SourceFile("big.rules", text));
    const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    EXPECT_TRUE(result.ok());
    EXPECT_EQ(result.file.facts.size(), text.size() / unit.size());
    EXPECT_LT(seconds, 30.0);  // Debug build on a shared machine; a release build takes well under a second
}

}  // namespace
}  // namespace triage
