// The one-pass batch path of engine::evaluate (no question scoring) must give
// exactly what a Session started from the same facts gives, on random rule
// bases with derived facts, `unknown`, or and not, and when one thread
// switches between models; with conclusionOnly, the same conclusion.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "knowledge_base_builder.hpp"
#include "rule_base_generator.hpp"
#include "triage/engine/evaluation.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/session.hpp"

namespace triage::engine::testing {
namespace {

struct Case {
    std::shared_ptr<const Model> model;
    std::vector<std::pair<FactId, Value>> facts;
};

Case makeCase(std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::vector<ModelIssue> issues;
    Case made;
    made.model = Model::build(randomRuleBase(rng), issues);
    if (!made.model) return made;
    for (FactId fact : observableFacts(made.model->kb()))
        if (std::bernoulli_distribution(0.6)(rng)) made.facts.emplace_back(fact, randomValue(made.model->kb(), fact, rng));
    // A fact given twice: the last value counts, as in Session.
    if (!made.facts.empty() && std::bernoulli_distribution(0.2)(rng))
        made.facts.emplace_back(made.facts.front().first, randomValue(made.model->kb(), made.facts.front().first, rng));
    return made;
}

void expectSameAsSession(const Case& given, const std::string& where) {
    const Session session(given.model, given.facts);
    const TicketResult batch = evaluate(given.model, given.facts, {100, 0, true});

    const auto ranking = session.ranking();
    ASSERT_EQ(batch.ranking.size(), ranking.size()) << where;
    for (std::size_t i = 0; i < ranking.size(); ++i) {
        EXPECT_EQ(batch.ranking[i].cause, ranking[i].cause) << where;
        EXPECT_EQ(batch.ranking[i].score, ranking[i].score) << where;  // bit-identical
    }
    EXPECT_EQ(batch.fired, session.firedRules()) << where;

    const auto conclusion = session.conclusion();
    ASSERT_EQ(batch.conclusion.has_value(), conclusion.has_value()) << where;
    EvaluateOptions topOnly{3, 0, true};
    topOnly.conclusionOnly = true;
    const TicketResult cheap = evaluate(given.model, given.facts, topOnly);
    ASSERT_EQ(cheap.conclusion.has_value(), conclusion.has_value()) << where;
    EXPECT_EQ(cheap.fired, session.firedRules()) << where;
    if (!conclusion) return;
    EXPECT_EQ(cheap.conclusion->cause, conclusion->cause) << where;
    EXPECT_EQ(cheap.conclusion->score, conclusion->score) << where;
    EXPECT_EQ(batch.conclusion->cause, conclusion->cause) << where;
    EXPECT_EQ(batch.conclusion->score, conclusion->score) << where;
    EXPECT_EQ(batch.conclusion->confident, conclusion->confident) << where;
    EXPECT_EQ(batch.conclusion->steps, conclusion->steps) << where;
    ASSERT_EQ(batch.conclusion->runnersUp.size(), conclusion->runnersUp.size()) << where;
    for (std::size_t i = 0; i < conclusion->runnersUp.size(); ++i)
        EXPECT_EQ(batch.conclusion->runnersUp[i].cause, conclusion->runnersUp[i].cause) << where;
}

TEST(BatchEvaluation, EqualsASessionOnRandomRuleBases) {
    int compared = 0;
    for (std::uint32_t seed = 0; seed < 300; ++seed) {
        const Case given = makeCase(seed);
        if (!given.model) continue;
        expectSameAsSession(given, "seed " + std::to_string(seed));
        ++compared;
    }
    EXPECT_GT(compared, 250);
}

// Without a rule that reads a derived fact, the batch path reads bucket
// programs straight through and the masks keep only the general rules'
// tests (CompiledRules): many random bases are of that kind, and each must
// still give what a Session gives.
TEST(BatchEvaluation, EqualsASessionWhereNoRuleReadsADerivedFact) {
    int compared = 0;
    for (std::uint32_t seed = 1000; seed < 1600 && compared < 120; ++seed) {
        const Case given = makeCase(seed);
        if (!given.model) continue;
        const auto& levels = given.model->index().levels;
        if (std::any_of(levels.begin(), levels.end(), [](std::uint32_t level) { return level > 0; })) continue;
        for (int round = 0; round < 2; ++round)  // a second ticket on the same state
            expectSameAsSession(given, "seed " + std::to_string(seed) + ", round " + std::to_string(round));
        ++compared;
    }
    EXPECT_GE(compared, 100);
}

TEST(BatchEvaluation, OneThreadCanAlternateBetweenModels) {
    const Case first = makeCase(11);
    const Case second = makeCase(12);
    ASSERT_TRUE(first.model && second.model);
    for (int round = 0; round < 3; ++round) {
        expectSameAsSession(first, "first, round " + std::to_string(round));
        expectSameAsSession(second, "second, round " + std::to_string(round));
    }
}

// The batch line shows `top` causes, so the runners-up are cut with the
// ranking; whether the conclusion is confident still reads the runner-up.
TEST(BatchEvaluation, TopLimitsTheRankingAndTheRunnersUp) {
    int withRunnerUp = 0;
    for (std::uint32_t seed = 0; seed < 100; ++seed) {
        const Case given = makeCase(seed);
        if (!given.model) continue;
        const TicketResult all = evaluate(given.model, given.facts, {100, 0, true});
        TicketResult top1;
        evaluate(given.model, given.facts, {1, 0, false}, top1);
        EXPECT_EQ(top1.ranking.size(), std::min<std::size_t>(1, all.ranking.size()));
        EXPECT_TRUE(top1.fired.empty());
        ASSERT_EQ(top1.conclusion.has_value(), all.conclusion.has_value());
        if (!all.conclusion) continue;
        EXPECT_TRUE(top1.conclusion->runnersUp.empty());
        EXPECT_EQ(top1.conclusion->confident, all.conclusion->confident) << "seed " << seed;
        EXPECT_EQ(top1.conclusion->score, all.conclusion->score);
        if (!all.conclusion->runnersUp.empty()) ++withRunnerUp;
    }
    EXPECT_GT(withRunnerUp, 20);
}

// One TicketResult reused for ticket after ticket (the batch loop) must hold
// exactly what a fresh one would: nothing left over from the ticket before.
TEST(BatchEvaluation, AReusedResultEqualsAFreshOne) {
    TicketResult reused;
    int compared = 0;
    for (std::uint32_t seed = 0; seed < 100; ++seed) {
        const Case given = makeCase(seed);
        if (!given.model) continue;
        const TicketResult fresh = evaluate(given.model, given.facts, {2, 0, true});
        evaluate(given.model, given.facts, {2, 0, true}, reused);
        ASSERT_EQ(reused.ranking.size(), fresh.ranking.size());
        for (std::size_t i = 0; i < fresh.ranking.size(); ++i) EXPECT_EQ(reused.ranking[i].cause, fresh.ranking[i].cause);
        EXPECT_EQ(reused.fired, fresh.fired);
        ASSERT_EQ(reused.conclusion.has_value(), fresh.conclusion.has_value());
        if (fresh.conclusion) {
            EXPECT_EQ(reused.conclusion->steps, fresh.conclusion->steps);
            EXPECT_EQ(reused.conclusion->runnersUp.size(), fresh.conclusion->runnersUp.size());
        }
        ++compared;
    }
    EXPECT_GT(compared, 80);
}

// The fired list comes in firing order (priority, specificity, file order)
// however many rules fire: up to 128 placed by counting, more sorted.
TEST(BatchEvaluation, ManyFiredRulesComeInFiringOrder) {
    for (const int ruleCount : {3, 40, 127, 128, 129, 300}) {
        KnowledgeBaseBuilder builder;
        const FactId a = builder.boolFact("a");
        const FactId b = builder.boolFact("b");
        const CauseId cause = builder.cause("cause", 0.1);
        std::mt19937 rng(static_cast<std::uint32_t>(ruleCount));
        for (int i = 0; i < ruleCount; ++i) {
            // Mixed priorities and specificities, so firing order is not file order.
            const Cond when = i % 3 == 0 ? is(a) && is(b) : is(i % 2 == 0 ? a : b);
            builder.rule("r" + std::to_string(i), when, {supports(cause, 0.01)},
                         std::uniform_int_distribution<int>(-2, 2)(rng));
        }
        const auto model = builder.model();
        const std::vector<std::pair<FactId, Value>> facts = {{a, Value::boolean(true)}, {b, Value::boolean(true)}};
        const Session session(model, facts);
        const TicketResult batch = evaluate(model, facts, {3, 0, true});
        ASSERT_EQ(batch.fired.size(), static_cast<std::size_t>(ruleCount));
        EXPECT_EQ(batch.fired, session.firedRules()) << ruleCount << " rules";
    }
}

}  // namespace
}  // namespace triage::engine::testing
