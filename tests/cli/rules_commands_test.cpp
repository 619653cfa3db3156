// `triage check`, `triage fmt` and `triage test` on small rules files.
#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>

#include "triage_process.hpp"

namespace triage::cli_test {
namespace {

namespace fs = std::filesystem;

TEST(Check, CleanFileExitsZeroWithSummary) {
    const ProcessResult result = runTriage({"check", dataFile("mini.rules")});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.err, "0 errors, 0 warnings\n");
    EXPECT_EQ(result.out, "");
}

TEST(Check, BrokenFileReportsEveryErrorWithCaret) {
    const std::string path = dataFile("broken.rules");
    const ProcessResult result = runTriage({"check", path});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find(path + ":15:8: error: unknown fact 'hardware_chaged'; did you mean 'hardware_changed'?\n"
                                     "    when hardware_chaged\n"
                                     "         ^~~~~~~~~~~~~~~\n"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find(path + ":20:33: error: expected number, found end of line\n"), std::string::npos)
        << result.err;
    // The fact's only reader is the rule that did not parse, hence the warning.
    EXPECT_EQ(lines(result.err).back(), "2 errors, 1 warning");
}

TEST(Check, MissingPathIsAnError) {
    const ProcessResult result = runTriage({"check", dataFile("no-such.rules")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("no-such.rules"), std::string::npos) << result.err;
    EXPECT_EQ(lines(result.err).back(), "1 error, 0 warnings");
}

TEST(Check, WerrorTurnsWarningsIntoFailure) {
    const std::string dir = temporaryDirectory();
    // A question nobody's rule reads is worth a warning, not an error.
    writeFile(dir + "/warn.rules", readFile(dataFile("mini.rules")) +
                                       "\nfact unused_fact: bool\n  question\n    en \"Never needed?\"\n");
    const ProcessResult plain = runTriage({"check", dir + "/warn.rules"});
    const ProcessResult strict = runTriage({"check", "--werror", dir + "/warn.rules"});
    fs::remove_all(dir);
    EXPECT_EQ(plain.exitCode, 0) << plain.err;
    EXPECT_NE(plain.err.find("warning"), std::string::npos) << plain.err;
    EXPECT_EQ(strict.exitCode, 1) << strict.err;
}

TEST(Check, BundledRulesAreClean) {
    const ProcessResult result = runTriage({"check"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
}

TEST(Format, CheckListsFilesThatWouldChangeAndWritesNothing) {
    const std::string dir = temporaryDirectory();
    const std::string path = dir + "/unformatted.rules";
    const std::string original = readFile(dataFile("unformatted.rules"));
    writeFile(path, original);
    const ProcessResult result = runTriage({"fmt", "--check", path});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.out, path + "\n");
    EXPECT_EQ(readFile(path), original);
    fs::remove_all(dir);
}

TEST(Format, RewritesInPlaceAndIsStable) {
    const std::string dir = temporaryDirectory();
    const std::string path = dir + "/unformatted.rules";
    writeFile(path, readFile(dataFile("unformatted.rules")));
    const ProcessResult first = runTriage({"fmt", path});
    const std::string formatted = readFile(path);
    const ProcessResult again = runTriage({"fmt", "--check", path});
    const ProcessResult check = runTriage({"check", path});
    fs::remove_all(dir);
    EXPECT_EQ(first.exitCode, 0) << first.err;
    EXPECT_NE(formatted, readFile(dataFile("unformatted.rules")));
    EXPECT_NE(formatted.find("rule no_internet\n  when not internet_ok\n"), std::string::npos) << formatted;
    EXPECT_EQ(again.exitCode, 0) << again.out;
    EXPECT_EQ(check.exitCode, 0) << check.err;  // formatting keeps the meaning checkable
}

TEST(Format, CanonicalFileIsLeftAlone) {
    const ProcessResult result = runTriage({"fmt", "--check", dataFile("mini.rules")});
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    EXPECT_EQ(result.out, "");
}

TEST(Format, SyntaxErrorsAreReportedAndTheFileUntouched) {
    const std::string dir = temporaryDirectory();
    const std::string path = dir + "/broken.rules";
    const std::string original = readFile(dataFile("broken.rules"));
    writeFile(path, original);
    const ProcessResult result = runTriage({"fmt", path});
    const std::string after = readFile(path);
    fs::remove_all(dir);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find(path + ":20:33: error: expected number"), std::string::npos) << result.err;
    EXPECT_EQ(after, original);
}

TEST(RuleTests, FailureIsReportedWithLocationAndCounted) {
    const std::string path = dataFile("failing_test.rules");
    const ProcessResult result = runTriage({"test", path});
    EXPECT_EQ(result.exitCode, 1);
    const auto output = lines(result.out);
    ASSERT_EQ(output.size(), 2u) << result.out;
    EXPECT_EQ(output[0].rfind(path + ":31:3: test \"no internet points to other\": ", 0), 0u) << output[0];
    EXPECT_NE(output[0].find("'other'"), std::string::npos) << output[0];
    EXPECT_EQ(output[1], "1 passed, 1 failed");
}

TEST(RuleTests, AllPassingExitsZero) {
    const ProcessResult result = runTriage({"test", dataFile("mini.rules")});
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    EXPECT_EQ(result.out, "2 passed, 0 failed\n");
}

TEST(RuleTests, BundledRulesByDefaultAndExitCodeFollowsTheCount) {
    const ProcessResult result = runTriage({"test"});
    const std::string closing = lines(result.out).back();
    int passed = 0;
    int failed = -1;
    ASSERT_EQ(std::sscanf(closing.c_str(), "%d passed, %d failed", &passed, &failed), 2) << result.out;
    EXPECT_GT(passed + failed, 0);
    EXPECT_EQ(result.exitCode, failed == 0 ? 0 : 1);
    EXPECT_GE(lines(result.out).size(), 1u + static_cast<unsigned>(failed)) << result.out;  // each failure has a line
}

}  // namespace
}  // namespace triage::cli_test
