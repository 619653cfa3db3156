// Rule files nobody cleaned: invalid UTF-8, NUL bytes, CRLF line ends, a
// byte-order mark, an empty file, a folder, a missing or unreadable file.
// Each is one error line with its place, or is read as the text it is.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "limits_support.hpp"

namespace triage::limits_test {
namespace {

using namespace cli_test;
namespace fs = std::filesystem;

struct Checked {
    ProcessResult result;
    std::string path;
};

Checked check(const std::string& name, const std::string& text) {
    const std::string dir = temporaryDirectory();
    const std::string path = dir + "/" + name;
    writeFile(path, text);
    Checked checked{runTriage({"check", path}), path};
    fs::remove_all(dir);
    return checked;
}

/// The "error:" lines of a diagnostic output (source lines and carets left out).
std::vector<std::string> errorLines(const std::string& err) {
    std::vector<std::string> found;
    for (const std::string& line : lines(err))
        if (line.find(": error: ") != std::string::npos) found.push_back(line);
    return found;
}

TEST(RuleInput, InvalidUtf8IsOneErrorNamingTheByte) {
    const auto [result, path] = check("latin1.rules", ruleWithCondition("a") + "# caf\xE9\n");
    EXPECT_EQ(result.exitCode, 1);
    ASSERT_EQ(errorLines(result.err).size(), 1u) << result.err;
    EXPECT_EQ(errorLines(result.err)[0], path + ":10:6: error: invalid UTF-8 byte 0xE9");
}

TEST(RuleInput, NulByteIsOneError) {
    const auto [result, path] = check("nul.rules", ruleWithCondition(std::string("a\0", 2)));
    EXPECT_EQ(result.exitCode, 1);
    ASSERT_EQ(errorLines(result.err).size(), 1u) << result.err;
    EXPECT_NE(errorLines(result.err)[0].find(path + ":8:9: error: unexpected NUL byte"), std::string::npos)
        << result.err;
}

TEST(RuleInput, CrlfLineEndsAndAByteOrderMarkAreText) {
    std::string text = "\xEF\xBB\xBF" + ruleWithCondition("a or not a");
    std::string crlf;
    for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const auto [result, path] = check("windows.rules", crlf);
    EXPECT_EQ(result.exitCode, 0) << result.err;
}

TEST(RuleInput, CrlfErrorsPointAtTheRightColumn) {
    const auto [result, path] = check("crlf.rules", "fact a: bool\r\nfact b: colour\r\n");
    EXPECT_EQ(result.exitCode, 1);
    ASSERT_FALSE(errorLines(result.err).empty()) << result.err;
    EXPECT_EQ(errorLines(result.err)[0].rfind(path + ":2:9: error: ", 0), 0u) << result.err;
    EXPECT_EQ(result.err.find('\r'), std::string::npos) << "a CR in a diagnostic garbles the terminal";
}

TEST(RuleInput, EmptyFileIsAnEmptyRuleBase) {
    const auto [result, path] = check("empty.rules", "");
    EXPECT_TRUE(endedCleanly(result)) << result.err;
    EXPECT_EQ(errorLines(result.err).size(), 0u) << result.err;
}

TEST(RuleInput, FolderGivenAsAnImportIsOneError) {
    const std::string dir = temporaryDirectory();
    fs::create_directory(dir + "/sub.rules");
    writeFile(dir + "/main.rules", "import \"sub.rules\"\n");
    const ProcessResult result = runTriage({"check", dir + "/main.rules"});
    fs::remove_all(dir);
    EXPECT_EQ(result.exitCode, 1);
    ASSERT_EQ(errorLines(result.err).size(), 1u) << result.err;
    EXPECT_NE(errorLines(result.err)[0].find("main.rules:1:1: error: cannot import"), std::string::npos) << result.err;
    EXPECT_NE(errorLines(result.err)[0].find("is a directory"), std::string::npos) << result.err;
}

TEST(RuleInput, MissingFileIsOneError) {
    const ProcessResult result = runTriage({"check", "/nonexistent/x.rules"});
    EXPECT_EQ(result.exitCode, 1);
    ASSERT_EQ(errorLines(result.err).size(), 0u);  // not tied to a file: "error: ..." without a place
    EXPECT_NE(result.err.find("error: cannot open '/nonexistent/x.rules': no such file"), std::string::npos)
        << result.err;
}

TEST(RuleInput, UnreadableFileIsOneError) {
    if (geteuid() == 0) GTEST_SKIP() << "root reads any file";
    const std::string dir = temporaryDirectory();
    writeFile(dir + "/secret.rules", ruleWithCondition("a"));
    chmod((dir + "/secret.rules").c_str(), 0);
    const ProcessResult result = runTriage({"check", dir + "/secret.rules"});
    fs::remove_all(dir);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("secret.rules': cannot read"), std::string::npos) << result.err;
}

TEST(RuleInput, CharacterDeviceIsReadOnlyUpToTheLimit) {
    // /dev/zero never ends: reading it whole would never finish.
    const ProcessResult result = runTriage({"check", "/dev/zero"});
    EXPECT_TRUE(endedCleanly(result)) << result.err.substr(0, 500);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("/dev/zero:1:1: error: file is larger than 16 MiB"), std::string::npos)
        << result.err.substr(0, 500);
}

TEST(RuleInput, BinaryGarbageGivesAtMostOneErrorPerDeclarationAndStops) {
    std::string garbage;
    for (int i = 0; i < 200000; ++i) garbage += static_cast<char>((i * 7919) % 251 + 1);
    const auto [result, path] = check("garbage.rules", garbage);
    EXPECT_TRUE(endedCleanly(result));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_LE(errorLines(result.err).size(), 51u);
}

}  // namespace
}  // namespace triage::limits_test
