// Name resolution: unknown facts, causes and code groups, with "did you mean".
#include <gtest/gtest.h>

#include "../../dsl/src/spelling.hpp"
#include "check_fixture.hpp"

namespace triage::dsl {
namespace {

using testing::connectedBase;
using testing::diagnosticsOf;

TEST(Spelling, EditDistanceCountsSwapsAsOneEdit) {
    EXPECT_EQ(editDistance("hardware_chaged", "hardware_changed"), 1u);
    EXPECT_EQ(editDistance("hardwaer", "hardware"), 1u);
    EXPECT_EQ(editDistance("", "abc"), 3u);
    EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
}

TEST(Spelling, SuggestsOnlyCloseNames) {
    const std::vector<std::string> names = {"windows_version", "hardware_changed", "error_code"};
    EXPECT_EQ(closestName("hardware_chaged", names), "hardware_changed");
    EXPECT_EQ(closestName("error_cod", names), "error_code");
    EXPECT_EQ(closestName("printer_jammed", names), std::nullopt);
    // Two letters off in a three-letter name is another name, not a typo.
    EXPECT_EQ(closestName("abc", {"xyc"}), std::nullopt);
}

TEST(CheckNames, UnknownFactSuggestsTheClosestDeclaredFact) {
    const std::string text = std::string(connectedBase) + R"(fact hardware_changed: bool
  question
    en "New motherboard?"
rule hardware
  when error_code in activation_codes and hardware_chaged
  then supports no_license 0.9
)";
    // With its only reader misspelt, the question is unused too.
    EXPECT_EQ(
        diagnosticsOf(text),
        "test.rules:11:6: warning: fact 'hardware_changed' has a question, but no rule or fix step reads "
        "it [unused-question]\n"
        "  fact hardware_changed: bool\n"
        "       ^~~~~~~~~~~~~~~~\n"
        "test.rules:15:43: error: unknown fact 'hardware_chaged'; did you mean 'hardware_changed'?\n"
        "    when error_code in activation_codes and hardware_chaged\n"
        "                                            ^~~~~~~~~~~~~~~\n");
}

TEST(CheckNames, UnknownFactWithoutCloseNameHasNoSuggestion) {
    const std::string text = std::string(connectedBase) + R"(rule printer
  when printer_jammed
  then supports no_license 0.2
)";
    EXPECT_EQ(diagnosticsOf(text),
              "test.rules:12:8: error: unknown fact 'printer_jammed'\n"
              "    when printer_jammed\n"
              "         ^~~~~~~~~~~~~~\n");
}

TEST(CheckNames, UnknownCauseInAConclusion) {
    const std::string text = std::string(connectedBase) + R"(rule other
  when error_code = 0xC004F211
  then supports no_licence 0.5
)";
    EXPECT_EQ(diagnosticsOf(text),
              "test.rules:13:17: error: unknown cause 'no_licence'; did you mean 'no_license'?\n"
              "    then supports no_licence 0.5\n"
              "                  ^~~~~~~~~~\n");
}

TEST(CheckNames, UnknownCodeGroup) {
    const std::string text = std::string(connectedBase) + R"(rule other
  when error_code in activation_code
  then supports no_license 0.5
)";
    EXPECT_EQ(
        diagnosticsOf(text),
        "test.rules:12:22: error: unknown code group 'activation_code'; did you mean 'activation_codes'?\n"
        "    when error_code in activation_code\n"
        "                       ^~~~~~~~~~~~~~~\n");
}

TEST(CheckNames, TestsNameFactsAndCauses) {
    const std::string text = std::string(connectedBase) + R"(test "typos"
  given eror_code = 0xC004F211
  expect cause no_lisence
)";
    EXPECT_EQ(diagnosticsOf(text),
              "test.rules:12:9: error: unknown fact 'eror_code'; did you mean 'error_code'?\n"
              "    given eror_code = 0xC004F211\n"
              "          ^~~~~~~~~\n"
              "test.rules:13:16: error: unknown cause 'no_lisence'; did you mean 'no_license'?\n"
              "    expect cause no_lisence\n"
              "                 ^~~~~~~~~~\n");
}

TEST(CheckNames, NamesMayBeUsedBeforeTheirDeclarationAndNamespacesAreSeparate) {
    // A fact and a cause share a name; the rule comes before both.
    const std::string text = R"(rule hardware_code
  when hardware_changed
  then supports hardware_changed 0.7
fact hardware_changed: bool
  question
    en "New motherboard?"
cause hardware_changed
  title
    en "Hardware changed"
)";
    EXPECT_EQ(diagnosticsOf(text), "");
}

}  // namespace
}  // namespace triage::dsl
