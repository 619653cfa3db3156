// Measures the point of information gain: over generated rule bases and
// hidden "true" answers, choosing by gain per cost asks fewer questions than
// asking the candidates in declaration order, with the same stop rule.
#include <gtest/gtest.h>

#include <iostream>
#include <random>

#include "rule_base_generator.hpp"
#include "triage/engine/session.hpp"

namespace triage::engine::testing {
namespace {

enum class Strategy { InformationGain, DeclarationOrder };

struct Tally {
    int sessions = 0;
    int questions = 0;
    double cost = 0;
    int agreeWithFullInformation = 0;  // final top cause = top cause once every fact is known
};

void runSession(const std::shared_ptr<const Model>& model, const std::vector<std::pair<FactId, Value>>& hidden,
                Strategy strategy, Tally& tally) {
    const KnowledgeBase& kb = model->kb();
    std::vector<std::pair<FactId, Value>> given;
    std::vector<std::optional<Value>> truth(kb.facts.size());
    for (const auto& [fact, value] : hidden) {
        truth[fact] = value;
        if (!kb.facts[fact].askable) given.emplace_back(fact, value);
    }
    Session session(model, given);
    while (const auto question = session.nextQuestion()) {
        FactId fact = question->fact;
        if (strategy == Strategy::DeclarationOrder) {
            for (const Question& candidate : session.usefulQuestions(kb.facts.size()))
                fact = std::min(fact, candidate.fact);
        }
        session.answer(fact, truth[fact]);
        ++tally.questions;
        tally.cost += kb.facts[fact].cost;
    }
    const auto finalRanking = session.ranking();
    const auto fullRanking = Session(model, hidden).ranking();
    const bool agree = finalRanking.empty() ? fullRanking.empty()
                                            : !fullRanking.empty() && finalRanking[0].cause == fullRanking[0].cause;
    tally.agreeWithFullInformation += agree ? 1 : 0;
    ++tally.sessions;
}

TEST(QuestionCountTest, InformationGainAsksFewerQuestionsThanDeclarationOrder) {
    Tally byGain, byOrder;
    for (int seed = 0; seed < 300; ++seed) {
        std::mt19937 rng(static_cast<std::uint32_t>(seed) + 7000);
        std::vector<ModelIssue> issues;
        const auto model = Model::build(randomRuleBase(rng), issues);
        ASSERT_NE(model, nullptr);
        std::vector<std::pair<FactId, Value>> hidden;
        for (FactId fact : observableFacts(model->kb())) hidden.emplace_back(fact, randomValue(model->kb(), fact, rng));
        runSession(model, hidden, Strategy::InformationGain, byGain);
        runSession(model, hidden, Strategy::DeclarationOrder, byOrder);
    }
    auto report = [](const char* name, const Tally& tally) {
        std::cout << name << ": " << double(tally.questions) / tally.sessions << " questions, "
                  << tally.cost / tally.sessions << " cost per session; top cause agrees with full information in "
                  << tally.agreeWithFullInformation << "/" << tally.sessions << " sessions\n";
    };
    report("information gain ", byGain);
    report("declaration order", byOrder);
    ::testing::Test::RecordProperty("questionsByGain", byGain.questions);
    ::testing::Test::RecordProperty("questionsByDeclarationOrder", byOrder.questions);
    EXPECT_LT(byGain.questions, byOrder.questions);
    EXPECT_LT(byGain.cost, byOrder.cost);
}

}  // namespace
}  // namespace triage::engine::testing
