// Type checks: values must fit their fact, and each test needs its kind of fact.
#include <gtest/gtest.h>

#include "check_fixture.hpp"

namespace triage::dsl {
namespace {

using testing::connectedBase;
using testing::diagnosticsOf;

/// connectedBase plus facts of every type, each read by a rule.
std::string withFacts(const std::string& more) {
    return std::string(connectedBase) + R"(fact windows_version: enum { win7, win81, win10, win11 }
  question
    en "Which Windows?"
fact hardware_changed: bool
  question
    en "New motherboard?"
fact attempts: number
  question
    en "How often did you try?"
rule all_read
  when windows_version = win10 and hardware_changed and attempts > 2
  then supports no_license 0.1
)" + more;
}

TEST(CheckTypes, EnumValueTheFactLacks) {
    EXPECT_EQ(
        diagnosticsOf(withFacts(R"(rule new_windows
  when windows_version = win12
  then supports no_license 0.2
)")),
        "test.rules:24:26: error: 'win12' is not a value of 'windows_version' (win7, win81, win10, win11)\n"
        "    when windows_version = win12\n"
        "                           ^~~~~\n");
}

TEST(CheckTypes, MalformedErrorCode) {
    EXPECT_EQ(diagnosticsOf(withFacts(R"(rule short_code
  when error_code = 0xC004F21
  then supports no_license 0.2
)")),
              "test.rules:24:21: error: malformed error code '0xC004F21': expected 0x and 8 hex digits\n"
              "    when error_code = 0xC004F21\n"
              "                      ^~~~~~~~~\n");
}

TEST(CheckTypes, MalformedErrorCodeInACodeGroup) {
    EXPECT_EQ(diagnosticsOf(withFacts(R"(codes more_codes = { 0xC004F211, 0xC004F2113 }
rule more
  when error_code in more_codes
  then supports no_license 0.2
)")),
              "test.rules:23:34: error: malformed error code '0xC004F2113': expected 0x and 8 hex digits\n"
              "  codes more_codes = { 0xC004F211, 0xC004F2113 }\n"
              "                                   ^~~~~~~~~~~\n");
}

TEST(CheckTypes, BoolComparedWithANumber) {
    EXPECT_EQ(diagnosticsOf(withFacts(R"(rule numeric_bool
  when hardware_changed = 1
  then supports no_license 0.2
)")),
              "test.rules:24:27: error: bool fact 'hardware_changed' takes true or false, not the number 1\n"
              "    when hardware_changed = 1\n"
              "                            ^\n");
}

TEST(CheckTypes, OrderingNeedsANumberFact) {
    EXPECT_EQ(diagnosticsOf(withFacts(R"(rule newer
  when windows_version > win7
  then supports no_license 0.2
)")),
              "test.rules:24:8: error: '>' needs a number fact; 'windows_version' is an enum fact\n"
              "    when windows_version > win7\n"
              "         ^~~~~~~~~~~~~~~\n");
}

TEST(CheckTypes, InGroupNeedsACodeFact) {
    EXPECT_EQ(diagnosticsOf(withFacts(R"(rule grouped
  when attempts in activation_codes
  then supports no_license 0.2
)")),
              "test.rules:24:8: error: 'in activation_codes' needs a code fact; 'attempts' is a number fact\n"
              "    when attempts in activation_codes\n"
              "         ^~~~~~~~\n");
}

TEST(CheckTypes, BareConditionNeedsABoolFact) {
    EXPECT_EQ(diagnosticsOf(withFacts(R"(rule bare
  when windows_version
  then supports no_license 0.2
)")),
              "test.rules:24:8: error: 'windows_version' is an enum fact: a condition without a comparison "
              "needs a bool fact\n"
              "    when windows_version\n"
              "         ^~~~~~~~~~~~~~~\n");
}

TEST(CheckTypes, SetWithoutValueNeedsABoolFact) {
    EXPECT_EQ(diagnosticsOf(withFacts(R"(rule derive
  when hardware_changed
  then set attempts
)")),
              "test.rules:25:12: error: 'attempts' is a number fact: 'set attempts' without a value needs a "
              "bool fact\n"
              "    then set attempts\n"
              "             ^~~~~~~~\n");
}

TEST(CheckTypes, SetToAValueOfTheWrongType) {
    EXPECT_EQ(diagnosticsOf(withFacts(R"(rule derive
  when hardware_changed
  then set windows_version = 0xC004F211
)")),
              "test.rules:25:30: error: the error code 0xC004F211 is not a value of 'windows_version' (win7, "
              "win81, win10, win11)\n"
              "    then set windows_version = 0xC004F211\n"
              "                               ^~~~~~~~~~\n");
}

TEST(CheckTypes, GivenOfTheWrongType) {
    EXPECT_EQ(diagnosticsOf(withFacts(R"(test "wrong given"
  given attempts = many
  expect cause no_license
)")),
              "test.rules:24:20: error: number fact 'attempts' takes a number, not 'many'\n"
              "    given attempts = many\n"
              "                     ^~~~\n");
}

TEST(CheckTypes, AnAskableFactMayBeSetByARule) {
    EXPECT_EQ(diagnosticsOf(withFacts(R"(rule derive
  when error_code in activation_codes
  then set hardware_changed = yes
)")),
              "");
}

TEST(CheckTypes, ExpectQuestionNeedsAFactWithAQuestion) {
    EXPECT_EQ(diagnosticsOf(withFacts(R"(fact derived: bool
rule derive
  when hardware_changed
  then set derived
rule use
  when derived
  then supports no_license 0.5
test "asks the derived fact"
  expect question derived
)")),
              "test.rules:31:19: error: fact 'derived' has no question, so it is never asked\n"
              "    expect question derived\n"
              "                    ^~~~~~~\n");
}

}  // namespace
}  // namespace triage::dsl
