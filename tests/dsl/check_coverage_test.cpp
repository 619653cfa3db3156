// Coverage warnings: parts of a program that rules do not connect, missing
// translations, and --werror.
#include <gtest/gtest.h>

#include "check_fixture.hpp"

namespace triage::dsl {
namespace {

using testing::compileText;
using testing::connectedBase;
using testing::diagnosticsOf;

TEST(CheckCoverage, ConnectedProgramHasNoDiagnostics) {
    const auto compiled = compileText(connectedBase);
    EXPECT_EQ(compiled.text(), "");
    EXPECT_NE(compiled.result.knowledgeBase, nullptr);
}

TEST(CheckCoverage, CauseNoRuleSupports) {
    EXPECT_EQ(diagnosticsOf(std::string(connectedBase) + R"(cause orphan
  title
    en "Nobody points here"
rule against
  when error_code = 0xC004F211
  then excludes orphan 0.5
)"),
              "test.rules:11:7: warning: cause 'orphan' has no rule that supports it [no-support]\n"
              "  cause orphan\n"
              "        ^~~~~~\n");
}

TEST(CheckCoverage, CauseNoRuleMentionsIsReportedOnce) {
    // The model would call it unreachable as well; one warning says it all.
    EXPECT_EQ(diagnosticsOf(std::string(connectedBase) + R"(cause lonely
  title
    en "Nobody mentions this"
)"),
              "test.rules:11:7: warning: cause 'lonely' has no rule that supports it [no-support]\n"
              "  cause lonely\n"
              "        ^~~~~~\n");
}

TEST(CheckCoverage, QuestionNoRuleReads) {
    EXPECT_EQ(
        diagnosticsOf(std::string(connectedBase) + R"(fact reinstalled: bool
  question
    en "Did you reinstall Windows?"
)"),
        "test.rules:11:6: warning: fact 'reinstalled' has a question, but no rule or fix step reads it [unused-question]\n"
        "  fact reinstalled: bool\n"
        "       ^~~~~~~~~~~\n");
}

TEST(CheckCoverage, FixStepConditionCountsAsAUse) {
    EXPECT_EQ(diagnosticsOf(std::string(connectedBase) + R"(fact has_key: bool
  question
    en "Do you have a product key?"
cause key_lost
  title
    en "Key lost"
  fix
    step enter_key when has_key
      en "Enter the key."
rule lost
  when error_code = 0xC004F211
  then supports key_lost 0.2
)"),
              "");
}

TEST(CheckCoverage, FactOnlyATicketCanGive) {
    EXPECT_EQ(
        diagnosticsOf(std::string(connectedBase) + R"(fact edition: enum { home, pro }
rule pro_edition
  when edition = pro
  then supports no_license 0.3
)"),
        "test.rules:11:6: warning: fact 'edition' has no question and no rule sets it: only a ticket can "
        "give it [input-only-fact]\n"
        "  fact edition: enum { home, pro }\n"
        "       ^~~~~~~\n");
}

TEST(CheckCoverage, DerivedFactIsNotAnInput) {
    EXPECT_EQ(diagnosticsOf(std::string(connectedBase) + R"(fact code_seen: bool
rule derive
  when known error_code
  then set code_seen
rule use
  when code_seen
  then supports no_license 0.1
)"),
              "");
}

TEST(CheckCoverage, UnusedCodeGroup) {
    EXPECT_EQ(diagnosticsOf(std::string(connectedBase) + R"(codes spare_codes = { 0xC004F213 }
)"),
              "test.rules:11:7: warning: code group 'spare_codes' is never used [unused-group]\n"
              "  codes spare_codes = { 0xC004F213 }\n"
              "        ^~~~~~~~~~~\n");
}

TEST(CheckCoverage, MissingTranslation) {
    // Every text has nl and en, except one question that has only nl.
    EXPECT_EQ(
        diagnosticsOf(R"(fact reinstalled: bool
  question
    nl "Opnieuw geinstalleerd?"
    en "Reinstalled?"
fact hardware_changed: bool
  question
    nl "Nieuw moederbord?"
cause reinstall
  title
    nl "Opnieuw geinstalleerd"
    en "Reinstalled"
rule reinstall_rule
  when reinstalled and not hardware_changed
  then supports reinstall 0.8
)"),
        "test.rules:7:5: warning: question of fact 'hardware_changed' has no 'en' text, while other texts "
        "have one [missing-translation]\n"
        "      nl \"Nieuw moederbord?\"\n"
        "      ^~~~~~~~~~~~~~~~~~~~~~\n");
}

TEST(CheckCoverage, UnusedFact) {
    EXPECT_EQ(
        diagnosticsOf(std::string(connectedBase) + R"(fact forgotten: bool
)"),
        "test.rules:11:6: warning: fact 'forgotten' is never used: no question, and no rule reads or sets "
        "it [unused-fact]\n"
        "  fact forgotten: bool\n"
        "       ^~~~~~~~~\n");
}

TEST(CheckCoverage, CauseWithoutTitleAndTestWithoutExpectation) {
    EXPECT_EQ(diagnosticsOf(std::string(connectedBase) + R"(cause untitled
rule untitled_rule
  when error_code = 0xC004F211
  then supports untitled 0.3
test "nothing expected"
  given error_code = 0xC004F211
)"),
              "test.rules:11:7: warning: cause 'untitled' has no title [no-title]\n"
              "  cause untitled\n"
              "        ^~~~~~~~\n"
              "test.rules:15:6: warning: test 'nothing expected' has no expectation, so it cannot fail [no-expectation]\n"
              "  test \"nothing expected\"\n"
              "       ^~~~~~~~~~~~~~~~~~\n");
}

TEST(CheckCoverage, WarningsAsErrorsWithholdsTheKnowledgeBase) {
    const std::string text = std::string(connectedBase) + "codes spare_codes = { 0xC004F213 }\n";
    const auto lenient = compileText(text);
    ASSERT_EQ(lenient.result.diagnostics.size(), 1u);
    EXPECT_EQ(lenient.result.diagnostics[0].severity, Severity::Warning);
    EXPECT_EQ(lenient.result.diagnostics[0].id, "unused-group");
    EXPECT_NE(lenient.result.knowledgeBase, nullptr);

    const auto strict = compileText(text, {.warningsAsErrors = true});
    ASSERT_EQ(strict.result.diagnostics.size(), 1u);
    EXPECT_EQ(strict.result.diagnostics[0].severity, Severity::Error);
    EXPECT_EQ(strict.result.diagnostics[0].id, "unused-group");
    EXPECT_EQ(strict.result.knowledgeBase, nullptr);
}

TEST(CheckCoverage, EveryErrorIsReportedNotJustTheFirst) {
    const auto compiled = compileText(std::string(connectedBase) + R"(rule many
  when eror_code = 0xC004F211 and error_code = 0x123
  then supports no_licence 2
)");
    EXPECT_EQ(compiled.result.diagnostics.size(), 4u) << compiled.text();
    EXPECT_EQ(compiled.result.knowledgeBase, nullptr);
}

}  // namespace
}  // namespace triage::dsl
