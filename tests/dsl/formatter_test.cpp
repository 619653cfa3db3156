// The formatter's guarantees: canonical layout, a fixpoint after one run,
// the same AST after formatting, and comments kept in place.
#include "triage/dsl/formatter.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ast_dump.hpp"
#include "triage/dsl/parser.hpp"

namespace triage {
namespace {

std::string formatText(const std::string& text) {
    const dsl::SourceFile source("f.rules", text);
    const dsl::ParseResult result = dsl::parse(source);
    EXPECT_TRUE(result.ok()) << (result.diagnostics.empty() ? "" : dsl::format(result.diagnostics.front()));
    return dsl::formatFile(result.file, source);
}

std::string dumpOf(const std::string& text) {
    return testing::dumpFile(dsl::parse(dsl::SourceFile("f.rules", text)).file);
}

/// The three guarantees, for any parseable text.
void expectFormatGuarantees(const std::string& text) {
    const std::string once = formatText(text);
    EXPECT_EQ(formatText(once), once) << "not a fixpoint:\n" << once;
    EXPECT_EQ(dumpOf(once), dumpOf(text)) << "the AST changed:\n" << once;
}

const char* const messy = R"(# Activation.
import   "common.rules"
fact error_code :code
  question nl "Welke foutcode?" en "Which error code?"   # asked first
fact v: enum {win7,win10}
   cost 2
codes g = {0xC004F211,0xC004F213}
cause hardware_changed
    title en "Title" nl "Titel"
    prior 0.08
    fix step a when k and (x or y) nl "A" step b en "B"
rule r when ((error_code in g)) and not (v = win7 or v != win10)
  then supports hardware_changed 0.7 and excludes other 0.2 and set d
  priority 5
test "t \"quoted\"" given error_code = 0xC004F211, v = win7 given k expect cause hardware_changed
  expect no question
)";

TEST(Formatter, CanonicalLayout) {
    EXPECT_EQ(formatText(messy), R"(# Activation.
import "common.rules"

fact error_code: code
  question
    nl "Welke foutcode?"
    en "Which error code?"  # asked first

fact v: enum { win7, win10 }
  cost 2

codes g = { 0xC004F211, 0xC004F213 }

cause hardware_changed
  title
    en "Title"
    nl "Titel"
  prior 0.08
  fix
    step a when k and (x or y)
      nl "A"
    step b
      en "B"

rule r
  when error_code in g and not (v = win7 or v != win10)
  then supports hardware_changed 0.7
   and excludes other 0.2
   and set d
  priority 5

test "t \"quoted\""
  given error_code = 0xC004F211, v = win7
  given k
  expect cause hardware_changed
  expect no question
)");
}

TEST(Formatter, GuaranteesHoldForAMessyFile) { expectFormatGuarantees(messy); }

TEST(Formatter, LongCodeGroupsFillLinesOfEightyColumns) {
    const std::string text =
        "codes g = { 0xC004F211, 0xC004F212, 0xC004F213, 0xC004F214, 0xC004F215, 0xC004F216, 0xC004F217, "
        "0xC004F218 }\n";
    EXPECT_EQ(formatText(text),
              "codes g = {\n  0xC004F211, 0xC004F212, 0xC004F213, 0xC004F214, 0xC004F215, 0xC004F216,\n"
              "  0xC004F217, 0xC004F218\n}\n");
    expectFormatGuarantees(text);
}

TEST(Formatter, LongConditionsBreakAtOrAndAnd) {
    const std::string text =
        "rule r when error_code = 0xC004F034 and (key_edition = home and edition_installed != home or "
        "key_edition = pro and edition_installed != pro) then set x\n";
    EXPECT_EQ(formatText(text),
              "rule r\n"
              "  when error_code = 0xC004F034\n"
              "   and (key_edition = home and edition_installed != home\n"
              "     or key_edition = pro and edition_installed != pro)\n"
              "  then set x\n");
    expectFormatGuarantees(text);
}

TEST(Formatter, MinimalParentheses) {
    EXPECT_EQ(formatText("rule r when (a or b) and (c and (d)) or not (not e) then set x\n"),
              "rule r\n  when (a or b) and c and d or not not e\n  then set x\n");
    EXPECT_EQ(formatText("rule r when not (a and b) and (a or (b or c)) then set x\n"),
              "rule r\n  when not (a and b) and (a or b or c)\n  then set x\n");
}

TEST(Formatter, CommentsStayInPlace) {
    const std::string text = R"(# file header

# about a
fact a: bool   # trailing on the header
  # before the question
  question
    en "Q"  # on a text
  # before cost
  cost 2
  # end of a, indented

# loose comment before r
rule r
  when a # on the condition
  then set b
# at the end of the file
)";
    const std::string expected = R"(# file header

# about a
fact a: bool  # trailing on the header
  # before the question
  question
    en "Q"  # on a text
  # before cost
  cost 2
  # end of a, indented

# loose comment before r
rule r
  when a  # on the condition
  then set b

# at the end of the file
)";
    EXPECT_EQ(formatText(text), expected);
    expectFormatGuarantees(text);
}

TEST(Formatter, EmptyAndCommentOnlyFiles) {
    EXPECT_EQ(formatText(""), "");
    EXPECT_EQ(formatText("  # only\n\n"), "# only\n");
}

TEST(Formatter, DocumentationExamplesAreCanonical) {
    std::ifstream in(std::string(TRIAGE_SOURCE_DIR) + "/docs/language.md");
    std::stringstream content;
    content << in.rdbuf();
    const std::string doc = content.str();
    int examples = 0;
    for (std::size_t start = doc.find("```rules\n"); start != std::string::npos;
         start = doc.find("```rules\n", start)) {
        start += 9;
        const std::string example = doc.substr(start, doc.find("```", start) - start);
        EXPECT_EQ(formatText(example), example);
        ++examples;
    }
    EXPECT_GE(examples, 4);
}

TEST(Formatter, EveryRulesFileInTheRepositoryIsAFixpointAfterOneFormat) {
    namespace fs = std::filesystem;
    const fs::path root(TRIAGE_SOURCE_DIR);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(root / "rules")) {
        if (entry.path().extension() == ".rules") files.push_back(entry.path());
    }
    for (const auto& entry : fs::recursive_directory_iterator(root / "tests")) {
        if (entry.path().extension() == ".rules") files.push_back(entry.path());
    }
    int checked = 0;
    for (const fs::path& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        const dsl::SourceFile source(path.string(), content.str());
        const dsl::ParseResult parsed = dsl::parse(source);
        if (!parsed.ok()) continue;  // broken on purpose (golden cases)
        SCOPED_TRACE(path.string());
        expectFormatGuarantees(content.str());
        ++checked;
    }
    std::cout << "checked " << checked << " of " << files.size() << " .rules files\n";
}

}  // namespace
}  // namespace triage
