// The confirmed tickets of tickets/dev.jsonl, evaluated in batch as `triage
// batch` would: the top cause must be the confirmed one for at least 98%.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <iostream>
#include <set>
#include <sstream>

#include "rule_base_loading.hpp"
#include "triage/engine/evaluation.hpp"

namespace triage::rules::testing {
namespace {

struct Ticket {
    std::string id;
    std::vector<std::pair<engine::FactId, engine::Value>> facts;
    std::set<std::string> accepted;  // `expect`, or every cause of `expect_any`
};

/// A JSON value as the text a helpdesk export holds, for engine::parseValue.
std::string valueText(const nlohmann::json& value) {
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_string()) return value.get<std::string>();
    return value.dump();
}

std::vector<Ticket> readTickets(const engine::KnowledgeBase& kb) {
    std::vector<Ticket> tickets;
    std::stringstream in(readText(sharedPath("tickets/dev.jsonl")));
    for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const nlohmann::json record = nlohmann::json::parse(line);
        Ticket ticket;
        ticket.id = record.at("id").get<std::string>();
        for (const auto& [name, value] : record.at("facts").items()) {
            const auto fact = kb.factId(name);
            EXPECT_TRUE(fact.has_value()) << ticket.id << ": the rule base has no fact '" << name << "'";
            if (!fact) continue;
            std::string error;
            const auto parsed = engine::parseValue(kb.fact(*fact), valueText(value), error);
            EXPECT_TRUE(parsed.has_value()) << ticket.id << ": " << name << ": " << error;
            if (parsed) ticket.facts.emplace_back(*fact, *parsed);
        }
        if (record.contains("expect")) ticket.accepted.insert(record.at("expect").get<std::string>());
        if (record.contains("expect_any"))
            for (const auto& cause : record.at("expect_any")) ticket.accepted.insert(cause.get<std::string>());
        tickets.push_back(std::move(ticket));
    }
    return tickets;
}

TEST(DevTickets, TopCauseMatchesTheConfirmedCauseForAtLeast98Percent) {
    const auto& model = bundledRuleBase().model;
    ASSERT_TRUE(model) << bundledRuleBase().report();
    const engine::KnowledgeBase& kb = model->kb();
    const std::vector<Ticket> tickets = readTickets(kb);
    ASSERT_FALSE(tickets.empty());

    engine::EvaluateOptions options;
    options.helpful = 0;
    options.wantFired = false;
    std::size_t hits = 0;
    std::string misses;
    for (const Ticket& ticket : tickets) {
        EXPECT_FALSE(ticket.accepted.empty()) << ticket.id << " has neither expect nor expect_any";
        const engine::TicketResult result = engine::evaluate(model, ticket.facts, options);
        const std::string top = result.ranking.empty() ? "(none)" : kb.cause(result.ranking.front().cause).name;
        if (ticket.accepted.count(top)) {
            ++hits;
            continue;
        }
        misses += ticket.id + ": expected";
        for (const std::string& cause : ticket.accepted) misses += " " + cause;
        misses += ", ranking:";
        for (const engine::RankedCause& ranked : result.ranking)
            misses += " " + kb.cause(ranked.cause).name + "=" + std::to_string(ranked.score);
        misses += "\n";
    }
    const double accuracy = static_cast<double>(hits) / static_cast<double>(tickets.size());
    std::cout << "dev.jsonl top-1 accuracy: " << hits << "/" << tickets.size() << "\n" << misses;
    EXPECT_GE(accuracy, 0.98) << misses;
}

}  // namespace
}  // namespace triage::rules::testing
