// Ranges: certainties in (0, 1], priors in (0, 1), costs above 0, whole priorities.
#include <gtest/gtest.h>

#include "check_fixture.hpp"

namespace triage::dsl {
namespace {

using testing::connectedBase;
using testing::diagnosticsOf;

TEST(CheckRanges, CertaintyAboveOne) {
    EXPECT_EQ(diagnosticsOf(std::string(connectedBase) + R"(rule sure
  when error_code = 0xC004F211
  then supports no_license 1.5
)"),
              "test.rules:13:28: error: certainty 1.5 is out of range: expected a number in (0, 1]\n"
              "    then supports no_license 1.5\n"
              "                             ^~~\n");
}

TEST(CheckRanges, CertaintyZeroOfAnExclusion) {
    EXPECT_EQ(diagnosticsOf(std::string(connectedBase) + R"(rule never
  when error_code = 0xC004F211
  then excludes no_license 0
)"),
              "test.rules:13:28: error: certainty 0 is out of range: expected a number in (0, 1]\n"
              "    then excludes no_license 0\n"
              "                             ^\n");
}

TEST(CheckRanges, CertaintyOneIsAllowed) {
    EXPECT_EQ(diagnosticsOf(std::string(connectedBase) + R"(rule sure
  when error_code = 0xC004F211
  then supports no_license 1
)"),
              "");
}

TEST(CheckRanges, PriorZeroAndOne) {
    EXPECT_EQ(diagnosticsOf(std::string(connectedBase) + R"(cause never
  prior 0
  title
    en "Never"
cause always
  prior 1
  title
    en "Always"
rule both
  when error_code = 0xC004F211
  then supports never 0.5 and supports always 0.5
)"),
              "test.rules:12:9: error: prior 0 is out of range: expected a number in (0, 1)\n"
              "    prior 0\n"
              "          ^\n"
              "test.rules:16:9: error: prior 1 is out of range: expected a number in (0, 1)\n"
              "    prior 1\n"
              "          ^\n");
}

TEST(CheckRanges, CostZero) {
    EXPECT_EQ(diagnosticsOf(std::string(connectedBase) + R"(fact attempts: number
  question
    en "How often did you try?"
  cost 0
rule tries
  when attempts > 2
  then supports no_license 0.3
)"),
              "test.rules:14:8: error: cost 0 is out of range: expected a number above 0\n"
              "    cost 0\n"
              "         ^\n");
}

TEST(CheckRanges, PriorityMustBeWhole) {
    EXPECT_EQ(diagnosticsOf(std::string(connectedBase) + R"(rule half
  when error_code = 0xC004F211
  then supports no_license 0.4
  priority 2.5
)"),
              "test.rules:14:12: error: priority 2.5 is not a whole number\n"
              "    priority 2.5\n"
              "             ^~~\n");
}

}  // namespace
}  // namespace triage::dsl
