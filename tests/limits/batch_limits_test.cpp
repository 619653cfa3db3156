// Batch input nobody cleaned: whatever it is fed, one output line per
// non-blank input line, each error line naming its line number, a summary on
// stderr, and lines over the 1 MiB limit reported without being held in memory.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "limits_support.hpp"

namespace triage::limits_test {
namespace {

using namespace cli_test;
using Json = nlohmann::json;
namespace fs = std::filesystem;

ProcessResult batch(const std::vector<std::string>& args, const std::string& input) {
    std::vector<std::string> all{"--rules", dataFile("mini.rules"), "batch", "--threads", "2"};
    all.insert(all.end(), args.begin(), args.end());
    return runTriage(all, input);
}

/// Every output line parsed; fails the test on a line that is not JSON.
std::vector<Json> outputLines(const ProcessResult& result) {
    std::vector<Json> parsed;
    for (const std::string& line : lines(result.out)) {
        EXPECT_TRUE(Json::accept(line)) << "not JSON: " << line.substr(0, 300);
        if (Json::accept(line)) parsed.push_back(Json::parse(line));
    }
    return parsed;
}

const std::string good = R"({"id": "G", "facts": {"error_code": "0xC004F211"}})";

TEST(BatchLimits, LineOverOneMiBIsAnErrorLineWithItsNumberAndTheBatchGoesOn) {
    const std::string longLine = R"({"id": "L", "facts": {"error_code": ")" + repeat("x", 2 << 20) + "\"}}";
    const ProcessResult result = batch({"-"}, good + "\n\n" + longLine + "\n" + good + "\n");
    EXPECT_EQ(result.exitCode, 1);
    const auto out = outputLines(result);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0]["id"], "G");
    EXPECT_EQ(out[1]["line"], 3);
    EXPECT_EQ(out[1]["error"], "line longer than the limit of 1048576 bytes (1 MiB)");
    EXPECT_EQ(out[2]["id"], "G");
    EXPECT_EQ(result.err, "1 of 3 lines failed\n");
}

TEST(BatchLimits, EndlessLineWithoutLineEndIsOneErrorLine) {
    const ProcessResult result = batch({"-"}, good + "\n" + repeat("y", 5 << 20));
    const auto out = outputLines(result);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[1]["line"], 2);
    EXPECT_EQ(result.err, "1 of 2 lines failed\n");
}

TEST(BatchLimits, LongBlankLineIsStillBlank) {
    const ProcessResult result = batch({"-"}, repeat(" ", 3 << 20) + "\n" + good + "\n");
    EXPECT_EQ(result.exitCode, 0) << result.err;
    ASSERT_EQ(outputLines(result).size(), 1u);
}

TEST(BatchLimits, UnclosedCsvQuoteIsOneErrorRecordNotTheRestOfMemory) {
    const std::string csv = "id,error_code\nT-1,0xC004F211\nT-2,\"" + repeat("z\n", 1 << 20) + "T-3,0xC004F211\n";
    const ProcessResult result = batch({"--format", "csv", "-"}, csv);
    EXPECT_EQ(result.exitCode, 1);
    const auto out = outputLines(result);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0]["id"], "T-1");
    EXPECT_EQ(out[1]["line"], 3);
    EXPECT_EQ(out[1]["error"], "line longer than the limit of 1048576 bytes (1 MiB)");
}

TEST(BatchInput, EveryNonBlankLineGetsOneOutputLineNamingItsNumber) {
    const std::string input = std::string("\xEF\xBB\xBF") + good + "\r\n" +   // BOM and CRLF: text
                              "{\"id\": \"U\", \"facts\": {\"error_code\": \"caf\xE9\"}}\n" +  // bad UTF-8
                              std::string("{\"id\": \"N\"\0}", 12) + "\n" +  // NUL byte
                              " \t \r\n" +                                   // blank: no output
                              "[1, 2]\n" + repeat("[", 5000) + "\n" +       // not an object; too deep
                              "{\"id\": 1e999}\n" + "\xFF\xFE\n" + "null\n" + good;
    const ProcessResult result = batch({"-"}, input);
    EXPECT_TRUE(endedCleanly(result)) << result.err;
    const auto out = outputLines(result);
    ASSERT_EQ(out.size(), 9u) << result.out;
    EXPECT_EQ(out[0]["id"], "G");
    EXPECT_FALSE(out[0].contains("error"));
    const int errorLineNumbers[] = {2, 3, 5, 6, 7, 8, 9};
    for (int i = 0; i < 7; ++i) {
        EXPECT_EQ(out[i + 1]["line"], errorLineNumbers[i]) << out[i + 1];
        EXPECT_TRUE(out[i + 1]["error"].is_string()) << out[i + 1];
    }
    EXPECT_EQ(out[8]["id"], "G");
    EXPECT_EQ(result.err, "7 of 9 lines failed\n");
}

TEST(BatchInput, CsvWithByteOrderMarkCrlfAndBadBytes) {
    const std::string csv = "\xEF\xBB\xBFid,error_code\r\nT-1,0xC004F211\r\n\xFF\xFE,0xC004F211\r\nT-3,\xE9\r\n";
    const ProcessResult result = batch({"--format", "csv", "-"}, csv);
    EXPECT_TRUE(endedCleanly(result)) << result.err;
    const auto out = outputLines(result);
    ASSERT_EQ(out.size(), 3u) << result.out;
    EXPECT_EQ(out[0]["id"], "T-1");
    EXPECT_EQ(out[1]["id"], "\xEF\xBF\xBD\xEF\xBF\xBD");  // bad bytes shown as U+FFFD, the line is kept
    EXPECT_EQ(out[2]["line"], 4);
}

TEST(BatchInput, EmptyInputGivesNoLinesAndSucceeds) {
    const ProcessResult result = batch({"-"}, "");
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "");
}

TEST(BatchInput, FolderAsInputIsAUsageError) {
    const ProcessResult result = batch({fs::temp_directory_path().string()}, "");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(lines(result.err).size(), 1u) << result.err;
    EXPECT_NE(result.err.find("triage batch: "), std::string::npos) << result.err;
}

TEST(BatchInput, MissingInputIsOneLineUsageError) {
    const ProcessResult result = batch({"/nonexistent/t.jsonl"}, "");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "triage batch: cannot open /nonexistent/t.jsonl: No such file or directory\n");
}

}  // namespace
}  // namespace triage::limits_test
