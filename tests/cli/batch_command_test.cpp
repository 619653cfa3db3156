// `triage batch` on small JSON Lines and CSV files: golden outputs, broken
// lines, threads, --fields, --eval and a reader that goes away.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "triage_process.hpp"

namespace triage::cli_test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

ProcessResult batch(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--rules", dataFile("mini.rules"), "batch"});
    return runTriage(args, input);
}

/// `count` tickets cycling through a few shapes, each with its own id.
std::string manyTickets(int count) {
    const char* shapes[] = {
        R"("facts": {"error_code": "0xC004F211", "hardware_changed": true})",
        R"("facts": {"internet_ok": false, "error_code": "0xC004C003"})",
        R"("facts": {"error_code": "0xC004F213", "has_product_key": false})",
        R"("facts": {"hardware_chnged": true})",
        R"("facts": {})",
    };
    std::string text;
    for (int i = 0; i < count; ++i) text += "{\"id\": \"M-" + std::to_string(i) + "\", " + shapes[i % 5] + "}\n";
    return text;
}

TEST(Batch, JsonLinesMatchesGolden) {
    const ProcessResult result = batch({dataFile("tickets.jsonl")});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, readFile(dataFile("expected/tickets.out.jsonl")));
    EXPECT_EQ(result.err, "");
}

TEST(Batch, CsvMatchesGolden) {
    const ProcessResult result = batch({dataFile("tickets.csv")});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, readFile(dataFile("expected/tickets.csv.out.jsonl")));
}

TEST(Batch, StdinWithExplicitFormat) {
    const ProcessResult jsonl = batch({"-"}, readFile(dataFile("tickets.jsonl")));
    EXPECT_EQ(jsonl.out, readFile(dataFile("expected/tickets.out.jsonl")));
    const ProcessResult csv = batch({"--format", "csv", "-"}, readFile(dataFile("tickets.csv")));
    EXPECT_EQ(csv.out, readFile(dataFile("expected/tickets.csv.out.jsonl")));
}

TEST(Batch, BrokenLinesBecomeErrorLinesAndTheBatchGoesOn) {
    const ProcessResult result = batch({dataFile("broken_lines.jsonl")});
    EXPECT_EQ(result.exitCode, 1);
    const auto output = lines(result.out);
    ASSERT_EQ(output.size(), 7u) << result.out;  // one per non-blank input line
    const std::vector<std::pair<json, int>> errors = {
        {"B-2", 2}, {"B-3", 3}, {nullptr, 4}, {"B-5", 6}, {"B-6", 7}};
    std::size_t next = 0;
    for (const std::string& line : output) {
        const json parsed = json::parse(line);
        if (!parsed.contains("error")) {
            EXPECT_TRUE(parsed.contains("cause")) << line;
            continue;
        }
        ASSERT_LT(next, errors.size()) << line;
        EXPECT_EQ(parsed["id"], errors[next].first) << line;
        EXPECT_EQ(parsed["line"], errors[next].second) << line;
        ++next;
    }
    EXPECT_EQ(next, errors.size());
    EXPECT_NE(output[1].find("unknown fact 'hardware_chnged'"), std::string::npos) << output[1];
    EXPECT_NE(output[2].find("0xC004F21"), std::string::npos) << output[2];
    EXPECT_NE(output[3].find("invalid JSON"), std::string::npos) << output[3];
    EXPECT_NE(output[4].find("win10, win11"), std::string::npos) << output[4];
    EXPECT_EQ(result.err, "5 of 7 lines failed\n");
}

TEST(Batch, ThreadsKeepInputOrder) {
    const std::string input = manyTickets(5000);
    const ProcessResult one = batch({"--threads", "1", "-"}, input);
    const ProcessResult two = batch({"--threads", "2", "-"}, input);
    EXPECT_EQ(one.exitCode, 1);  // a fifth of the tickets name an unknown fact
    EXPECT_EQ(lines(one.out).size(), 5000u);
    EXPECT_EQ(one.out, two.out);
    EXPECT_EQ(two.err, "1000 of 5000 lines failed\n");
    EXPECT_NE(lines(two.out)[4999].find("\"M-4999\""), std::string::npos);
}

TEST(Batch, FieldsRestrictTheKeys) {
    const ProcessResult result = batch({"--fields", "id,cause,score", dataFile("tickets.jsonl")});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    const auto output = lines(result.out);
    ASSERT_EQ(output.size(), 5u);
    for (const std::string& line : output) {
        const json parsed = json::parse(line);
        EXPECT_EQ(parsed.size(), 3u) << line;
        EXPECT_TRUE(parsed.contains("id") && parsed.contains("cause") && parsed.contains("score")) << line;
    }
    // The same answers as the full output, field for field.
    const auto full = lines(readFile(dataFile("expected/tickets.out.jsonl")));
    for (std::size_t i = 0; i < output.size(); ++i) {
        const json all = json::parse(full[i]);
        EXPECT_EQ(json::parse(output[i]), (json{{"id", all["id"]}, {"cause", all["cause"]}, {"score", all["score"]}}));
    }
}

// `next` is not in the default line; asked for, it lists what `triage ask
// --facts` would ask first (the golden is the question choice's ranking).
TEST(Batch, NextListsTheSessionsQuestionsOnlyWhenAskedFor) {
    for (const std::string& line : lines(readFile(dataFile("expected/tickets.out.jsonl"))))
        EXPECT_FALSE(json::parse(line).contains("next")) << line;
    const ProcessResult result = batch({"--fields", "id,next", dataFile("tickets.jsonl")});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, readFile(dataFile("expected/tickets.next.jsonl")));
    // Beside the other fields, in the documented order, with the same values.
    const ProcessResult all = batch({"--fields", "next,id,cause,score,ranking,fix,fired,ask", dataFile("tickets.jsonl")});
    const auto full = lines(readFile(dataFile("expected/tickets.out.jsonl")));
    const auto next = lines(result.out);
    const auto both = lines(all.out);
    ASSERT_EQ(both.size(), full.size());
    for (std::size_t i = 0; i < both.size(); ++i) {
        nlohmann::ordered_json expected = nlohmann::ordered_json::parse(full[i]);
        expected["next"] = json::parse(next[i])["next"];
        EXPECT_EQ(nlohmann::ordered_json::parse(both[i]), expected) << both[i];  // order of keys included
    }
}

TEST(Batch, UnknownFieldIsAUsageError) {
    const ProcessResult result = batch({"--fields", "id,colour", dataFile("tickets.jsonl")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("unknown field 'colour'"), std::string::npos) << result.err;
}

TEST(Batch, TopLimitsTheRanking) {
    const ProcessResult result = batch({"--top", "1", dataFile("tickets.jsonl")});
    for (const std::string& line : lines(result.out)) EXPECT_LE(json::parse(line)["ranking"].size(), 1u) << line;
}

TEST(Batch, EvalReportsAccuracyAndMisses) {
    const ProcessResult result = batch({"--eval", dataFile("tickets.jsonl")});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out, readFile(dataFile("expected/tickets.out.jsonl")));  // the lines still come
    EXPECT_EQ(result.err, readFile(dataFile("expected/tickets.eval.txt")));
}

TEST(Batch, EvalOnlyWritesJustTheReport) {
    const ProcessResult result = batch({"--eval-only", dataFile("tickets.jsonl")});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out, readFile(dataFile("expected/tickets.eval.txt")));
    EXPECT_EQ(result.err, "");
}

TEST(Batch, ClosedPipeEndsQuietly) {
    const std::string dir = temporaryDirectory();
    writeFile(dir + "/many.jsonl", manyTickets(200000));
    const ProcessResult result = runShell("(\"$TRIAGE\" --rules '" + dataFile("mini.rules") + "' batch '" + dir +
                                          "/many.jsonl'; echo \"status $?\" >&2) | head -n 2");
    fs::remove_all(dir);
    EXPECT_EQ(lines(result.out).size(), 2u);
    // Exit 1 because the lines read before the pipe closed included failures; no noise.
    EXPECT_EQ(result.err, "status 1\n");
}

TEST(Batch, CsvHeaderWithUnknownColumnIsAUsageError) {
    const ProcessResult result = batch({"--format", "csv", "-"}, "id,colour\nT-1,red\n");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("-:1: error: unknown fact 'colour' in the header"), std::string::npos) << result.err;
}

TEST(Batch, MissingInputIsAUsageError) {
    const ProcessResult result = batch({dataFile("no-such.jsonl")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace triage::cli_test
