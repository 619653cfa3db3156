// `triage graph` (dot accepted by Graphviz, JSON structure, --cause) and
// `triage explain` (ranking, how-chains with rule origins, fix, language).
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "triage_process.hpp"

namespace triage::cli_test {
namespace {

using nlohmann::json;

ProcessResult withMiniRules(std::vector<std::string> args) {
    args.insert(args.begin(), {"--rules", dataFile("mini.rules")});
    return runTriage(args);
}

std::vector<std::string> nodeIds(const json& graph) {
    std::vector<std::string> ids;
    for (const json& node : graph["nodes"]) ids.push_back(node["id"]);
    return ids;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

TEST(Graph, DotIsAcceptedByGraphviz) {
    if (runShell("command -v dot").exitCode != 0) GTEST_SKIP() << "Graphviz dot is not installed";
    for (const std::string& rules : {dataFile("mini.rules"), std::string()}) {
        const std::string rulesOption = rules.empty() ? "" : "--rules '" + rules + "' ";
        const ProcessResult result = runShell("\"$TRIAGE\" " + rulesOption + "graph | dot -Tsvg");
        EXPECT_EQ(result.exitCode, 0) << result.err;
        EXPECT_NE(result.out.find("<svg"), std::string::npos);
        EXPECT_EQ(result.err, "");
    }
    const ProcessResult part = runShell("\"$TRIAGE\" --rules '" + dataFile("mini.rules") +
                                        "' graph --cause offline | dot -Tsvg");
    EXPECT_EQ(part.exitCode, 0) << part.err;
}

TEST(Graph, JsonHasEveryDeclaration) {
    const ProcessResult result = withMiniRules({"graph", "--format", "json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const json graph = json::parse(result.out);
    const auto ids = nodeIds(graph);
    EXPECT_EQ(ids.size(), 5u + 5u + 3u);  // facts, rules, causes of mini.rules
    EXPECT_TRUE(contains(ids, "fact:internet_ok"));
    EXPECT_TRUE(contains(ids, "rule:no_internet"));
    EXPECT_TRUE(contains(ids, "cause:offline"));
    bool excludes = false;
    for (const json& edge : graph["edges"])
        excludes |= edge["from"] == "rule:no_internet" && edge["to"] == "cause:invalid_key" && edge["kind"] == "excludes";
    EXPECT_TRUE(excludes) << result.out;
}

TEST(Graph, CauseKeepsOnlyWhatReachesIt) {
    const ProcessResult result = withMiniRules({"graph", "--format", "json", "--cause", "offline"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto ids = nodeIds(json::parse(result.out));
    EXPECT_TRUE(contains(ids, "fact:internet_ok"));
    EXPECT_TRUE(contains(ids, "rule:no_internet"));
    EXPECT_TRUE(contains(ids, "cause:offline"));
    EXPECT_FALSE(contains(ids, "cause:hardware_changed"));
    EXPECT_FALSE(contains(ids, "rule:hardware_code"));
}

TEST(Graph, UnknownCauseFails) {
    const ProcessResult result = withMiniRules({"graph", "--cause", "nope"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("unknown cause 'nope'"), std::string::npos);
}

TEST(Explain, ShowsRankingRulesWithOriginsAndFix) {
    const ProcessResult result = withMiniRules({"explain", dataFile("tickets.jsonl")});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.rfind("Ticket T-1\n", 0), 0u) << result.out;
    EXPECT_NE(result.out.find("1. License not found after a hardware change [hardware_changed]"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("hardware_confirmed (mini.rules:"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("error_code in hardware_codes"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Enter your old product key."), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("Buy a new license."), std::string::npos) << result.out;  // has_product_key = true
}

TEST(Explain, SpeaksDutch) {
    const ProcessResult result = withMiniRules({"--lang", "nl", "explain", dataFile("tickets.jsonl")});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("Rangschikking:"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Voer uw oude productcode in."), std::string::npos) << result.out;
}

TEST(Explain, AcceptsAPrettyPrintedObjectOnStdin) {
    const ProcessResult result = runTriage({"--rules", dataFile("mini.rules"), "explain", "-"},
                                           "{\n  \"id\": \"P-1\",\n  \"facts\": {\"internet_ok\": false}\n}\n");
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("[offline]"), std::string::npos) << result.out;
}

TEST(Explain, UnusableTicketFails) {
    const ProcessResult result = runTriage({"--rules", dataFile("mini.rules"), "explain", "-"},
                                           "{\"id\": \"X\", \"facts\": {\"colour\": \"red\"}}\n");
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("unknown fact 'colour'"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace triage::cli_test
