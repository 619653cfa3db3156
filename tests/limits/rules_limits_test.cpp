// The limits of rule files (docs/limits.md): size, condition nesting, import
// depth and rule count. Past each: one error naming the file, the line and the
// limit; never a crash, a stack overflow or a hang.
#include <gtest/gtest.h>

#include <filesystem>

#include "limits_support.hpp"

namespace triage::limits_test {
namespace {

using namespace cli_test;
namespace fs = std::filesystem;

ProcessResult checkText(const std::string& name, const std::string& text, std::string& dir) {
    dir = temporaryDirectory();
    writeFile(dir + "/" + name, text);
    return runTriage({"check", dir + "/" + name});
}

TEST(RuleLimits, FileOfMoreThan16MiBIsOneErrorAtItsStart) {
    std::string dir;
    const std::string big = repeat("# a comment line that is long enough to fill the file quickly ........\n",
                                   16 * 1024 * 1024 / 70 + 10);
    ASSERT_GT(big.size(), 16u * 1024 * 1024);
    const ProcessResult result = checkText("big.rules", big, dir);
    fs::remove_all(dir);
    EXPECT_TRUE(endedCleanly(result)) << result.err;
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("big.rules:1:1: error: file is larger than 16 MiB"), std::string::npos) << result.err;
}

TEST(RuleLimits, FileOfExactly16MiBIsRead) {
    std::string dir;
    std::string text = ruleWithCondition("a");
    text += repeat("#", 16 * 1024 * 1024 - text.size() - 1) + "\n";
    ASSERT_EQ(text.size(), 16u * 1024 * 1024);
    const ProcessResult result = checkText("full.rules", text, dir);
    fs::remove_all(dir);
    EXPECT_EQ(result.exitCode, 0) << result.err;
}

TEST(RuleLimits, AMillionNestedParenthesesAreAnErrorNotAStackOverflow) {
    std::string dir;
    const std::size_t depth = 1000000;
    const ProcessResult result =
        checkText("deep.rules", ruleWithCondition(repeat("(", depth) + "a" + repeat(")", depth)), dir);
    fs::remove_all(dir);
    EXPECT_TRUE(endedCleanly(result)) << result.err.substr(0, 2000);
    EXPECT_EQ(result.exitCode, 1);
    // The 257th '(' of line 8 is where the limit is passed.
    EXPECT_NE(result.err.find("deep.rules:8:264: error: condition nested deeper than 256 levels"), std::string::npos)
        << result.err.substr(0, 2000);
}

TEST(RuleLimits, AMillionNotsAreAnErrorNotAStackOverflow) {
    std::string dir;
    const ProcessResult result = checkText("nots.rules", ruleWithCondition(repeat("not ", 1000000) + "a"), dir);
    fs::remove_all(dir);
    EXPECT_TRUE(endedCleanly(result)) << result.err.substr(0, 2000);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("nots.rules:8:"), std::string::npos) << result.err.substr(0, 2000);
    EXPECT_NE(result.err.find("error: condition nested deeper than 256 levels"), std::string::npos);
}

TEST(RuleLimits, NestingOf256LevelsIsAccepted) {
    std::string dir;
    const ProcessResult result =
        checkText("ok.rules", ruleWithCondition(repeat("(", 128) + repeat("not ", 127) + "a" + repeat(")", 128)), dir);
    fs::remove_all(dir);
    EXPECT_EQ(result.exitCode, 0) << result.err.substr(0, 2000);
}

TEST(RuleLimits, ImportsNestedDeeperThan64FilesAreAnErrorAtTheImport) {
    const std::string dir = temporaryDirectory();
    const int files = 70;
    for (int i = 0; i < files; ++i) {
        const std::string next = i + 1 < files ? "import \"f" + std::to_string(i + 1) + ".rules\"\n" : "";
        writeFile(dir + "/f" + std::to_string(i) + ".rules", "# file " + std::to_string(i) + "\n" + next);
    }
    const ProcessResult result = runTriage({"check", dir + "/f0.rules"});
    fs::remove_all(dir);
    EXPECT_TRUE(endedCleanly(result)) << result.err;
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("f63.rules:2:1: error: imports nested deeper than 64 files"), std::string::npos)
        << result.err;
}

TEST(RuleLimits, MoreThanAMillionRulesIsAnErrorAtTheFirstOneTooMany) {
    // Three files: one file of a million rules would pass the 16 MiB limit first.
    const std::string dir = temporaryDirectory();
    const std::size_t rules = 1000001, perFile = 340000;
    for (std::size_t file = 0; file * perFile < rules; ++file) {
        std::string text = file == 0 ? "fact a: bool\n  question\n    en \"A?\"\ncause c\n  title\n    en \"C\"\n" : "";
        for (std::size_t i = file * perFile; i < std::min(rules, (file + 1) * perFile); ++i)
            text += "rule r" + std::to_string(i) + " when a then supports c 0.5\n";
        writeFile(dir + "/r" + std::to_string(file) + ".rules", text);
    }
    const ProcessResult result = runTriage({"check", dir});
    fs::remove_all(dir);
    EXPECT_TRUE(endedCleanly(result)) << result.err;
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("r2.rules:320001:6: error: rule 'r1000000' is one more than the limit of 1000000 rules"),
              std::string::npos)
        << result.err.substr(0, 2000);
}

TEST(RuleLimits, ImportCycleIsAnErrorNotARecursion) {
    const std::string dir = temporaryDirectory();
    writeFile(dir + "/a.rules", "import \"b.rules\"\n");
    writeFile(dir + "/b.rules", "import \"a.rules\"\n");
    const ProcessResult result = runTriage({"check", dir + "/a.rules"});
    fs::remove_all(dir);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("b.rules:1:1: error: import cycle"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace triage::limits_test
