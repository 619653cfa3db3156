// Everything declared twice: facts, causes, code groups, rules, tests, enum
// values, fix steps, givens, texts of one language.
#include <gtest/gtest.h>

#include "check_fixture.hpp"

namespace triage::dsl {
namespace {

using testing::compileFiles;
using testing::connectedBase;
using testing::diagnosticsOf;

TEST(CheckDeclarations, DuplicateFactHasANoteAtTheFirstDeclaration) {
    const std::string text = std::string(connectedBase) + R"(fact error_code: number
)";
    EXPECT_EQ(diagnosticsOf(text),
              "test.rules:11:6: error: duplicate fact 'error_code'\n"
              "  fact error_code: number\n"
              "       ^~~~~~~~~~\n"
              "test.rules:1:6: note: fact 'error_code' first declared here\n"
              "  fact error_code: code\n"
              "       ^~~~~~~~~~\n");
}

TEST(CheckDeclarations, DuplicateCauseAcrossImportedFiles) {
    const auto compiled =
        compileFiles({{"main.rules", std::string("import \"other.rules\"\n") + connectedBase},
                      {"other.rules", "cause no_license\n  title\n    en \"Also no license\"\n"}},
                     {"main.rules"});
    EXPECT_EQ(compiled.text(),
              "main.rules:6:7: error: duplicate cause 'no_license'\n"
              "  cause no_license\n"
              "        ^~~~~~~~~~\n"
              "other.rules:1:7: note: cause 'no_license' first declared here\n"
              "  cause no_license\n"
              "        ^~~~~~~~~~\n");
}

TEST(CheckDeclarations, DuplicateRuleCodeGroupAndTest) {
    const std::string text = std::string(connectedBase) + R"(codes activation_codes = { 0xC004F213 }
rule code_means_no_license
  when error_code = 0xC004F213
  then supports no_license 0.5
test "one"
  expect cause no_license
test "one"
  expect cause no_license
)";
    EXPECT_EQ(diagnosticsOf(text),
              "test.rules:11:7: error: duplicate code group 'activation_codes'\n"
              "  codes activation_codes = { 0xC004F213 }\n"
              "        ^~~~~~~~~~~~~~~~\n"
              "test.rules:4:7: note: code group 'activation_codes' first declared here\n"
              "  codes activation_codes = { 0xC004F211 }\n"
              "        ^~~~~~~~~~~~~~~~\n"
              "test.rules:12:6: error: duplicate rule 'code_means_no_license'\n"
              "  rule code_means_no_license\n"
              "       ^~~~~~~~~~~~~~~~~~~~~\n"
              "test.rules:8:6: note: rule 'code_means_no_license' first declared here\n"
              "  rule code_means_no_license\n"
              "       ^~~~~~~~~~~~~~~~~~~~~\n"
              "test.rules:17:6: error: duplicate test 'one'\n"
              "  test \"one\"\n"
              "       ^~~~~\n"
              "test.rules:15:6: note: test 'one' first declared here\n"
              "  test \"one\"\n"
              "       ^~~~~\n");
}

TEST(CheckDeclarations, RuleNamesDeclaredAgainAcrossFilesAmongMany) {
    // Hundreds of distinct names around the duplicates: each is checked in a
    // table of first declarations, across files, whatever the hash order.
    auto rules = [](const char* prefix, int count) {
        std::string text;
        for (int i = 0; i < count; ++i)
            text += std::string("rule ") + prefix + std::to_string(i) +
                    "\n  when error_code = 0xC004F211\n  then supports no_license 0.5\n";
        return text;
    };
    const std::string again = "rule again\n  when error_code = 0xC004F211\n  then supports no_license 0.5\n";
    const auto compiled = compileFiles(
        {{"main.rules", std::string("import \"other.rules\"\n") + connectedBase + rules("r", 300) + again +
                            rules("s", 100) + again},
         {"other.rules", rules("t", 50) + again}},
        {"main.rules"});
    const std::string note = "other.rules:151:6: note: rule 'again' first declared here\n"
                             "  rule again\n"
                             "       ^~~~~\n";
    EXPECT_EQ(compiled.text(), "main.rules:912:6: error: duplicate rule 'again'\n"
                               "  rule again\n"
                               "       ^~~~~\n" +
                                   note +
                                   "main.rules:1215:6: error: duplicate rule 'again'\n"
                                   "  rule again\n"
                                   "       ^~~~~\n" +
                                   note);
}

TEST(CheckDeclarations, DuplicateEnumValue) {
    const std::string text =
        std::string(connectedBase) + R"(fact windows_version: enum { win10, win11, win10 }
rule old
  when windows_version = win10
  then supports no_license 0.2
)";
    EXPECT_EQ(diagnosticsOf(text),
              "test.rules:11:6: warning: fact 'windows_version' has no question and no rule sets it: only a "
              "ticket can give it [input-only-fact]\n"
              "  fact windows_version: enum { win10, win11, win10 }\n"
              "       ^~~~~~~~~~~~~~~\n"
              "test.rules:11:44: error: duplicate value 'win10' in the enum of fact 'windows_version'\n"
              "  fact windows_version: enum { win10, win11, win10 }\n"
              "                                             ^~~~~\n");
}

TEST(CheckDeclarations, DuplicateStepInACause) {
    const std::string text = std::string(connectedBase) + R"(cause server_busy
  title
    en "The activation server is busy"
  fix
    step retry
      en "Try again."
    step retry
      en "Try once more."
rule busy
  when error_code = 0xC004F211
  then supports server_busy 0.1
)";
    EXPECT_EQ(diagnosticsOf(text),
              "test.rules:17:10: error: duplicate step 'retry' in cause 'server_busy'\n"
              "      step retry\n"
              "           ^~~~~\n"
              "test.rules:15:10: note: step 'retry' first declared here\n"
              "      step retry\n"
              "           ^~~~~\n");
}

TEST(CheckDeclarations, FactGivenTwiceInOneTest) {
    const std::string text = std::string(connectedBase) + R"(test "twice"
  given error_code = 0xC004F211, error_code = 0xC004F213
  expect cause no_license
)";
    EXPECT_EQ(diagnosticsOf(text),
              "test.rules:12:34: error: fact 'error_code' is given twice in test 'twice'\n"
              "    given error_code = 0xC004F211, error_code = 0xC004F213\n"
              "                                   ^~~~~~~~~~\n");
}

TEST(CheckDeclarations, LanguageGivenTwiceInOneText) {
    const std::string text = std::string(connectedBase) + R"(fact reinstalled: bool
  question
    en "Reinstalled?"
    en "Did you reinstall?"
rule reinstall
  when reinstalled
  then supports no_license 0.3
)";
    EXPECT_EQ(diagnosticsOf(text),
              "test.rules:14:5: error: 'en' text given twice in the question of fact 'reinstalled'\n"
              "      en \"Did you reinstall?\"\n"
              "      ^~\n");
}

}  // namespace
}  // namespace triage::dsl
