// Batch `next` (question choice on the one-pass state, reading the flattened
// conditions) must rank exactly the questions a Session started from the same
// facts ranks (reading the condition trees), on random rule bases.
#include <gtest/gtest.h>

#include <random>

#include "rule_base_generator.hpp"
#include "triage/engine/evaluation.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/session.hpp"

namespace triage::engine::testing {
namespace {

EvaluateOptions nextOnly(std::size_t questions) {
    EvaluateOptions options;
    options.helpful = 0;
    options.wantFired = false;
    options.nextQuestions = questions;
    return options;
}

TEST(BatchQuestions, EqualASessionsOnRandomRuleBases) {
    int onePass = 0;
    for (std::uint32_t seed = 0; seed < 400; ++seed) {
        std::mt19937 rng(seed);
        std::vector<ModelIssue> issues;
        const std::shared_ptr<const Model> model = Model::build(randomRuleBase(rng), issues);
        if (!model) continue;
        std::vector<std::pair<FactId, Value>> facts;
        for (FactId fact : observableFacts(model->kb()))
            if (std::bernoulli_distribution(0.5)(rng)) facts.emplace_back(fact, randomValue(model->kb(), fact, rng));
        bool derived = false;
        for (FactId fact = 0; fact < model->kb().facts.size(); ++fact) derived = derived || model->index().isDerived(fact);
        onePass += derived ? 0 : 1;  // these take the flat path; the others a Session's

        const Session session(model, facts);
        const std::vector<Question> expected = session.usefulQuestions(100);
        const TicketResult batch = evaluate(model, facts, nextOnly(100));
        ASSERT_EQ(batch.nextQuestions.size(), expected.size()) << "seed " << seed;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(batch.nextQuestions[i].fact, expected[i].fact) << "seed " << seed;
            EXPECT_EQ(batch.nextQuestions[i].expectedGain, expected[i].expectedGain) << "seed " << seed;  // bit-identical
        }
    }
    EXPECT_GT(onePass, 20);
}

// Asking for fewer questions ranks only the head (stakes only where gains tie
// within it): it must be exactly the head of the full ranking, for the batch
// path and for a Session.
TEST(BatchQuestions, ShortListsAreTheHeadOfTheFullRanking) {
    for (std::uint32_t seed = 0; seed < 300; ++seed) {
        std::mt19937 rng(seed + 1000);
        std::vector<ModelIssue> issues;
        const std::shared_ptr<const Model> model = Model::build(randomRuleBase(rng), issues);
        if (!model) continue;
        std::vector<std::pair<FactId, Value>> facts;
        for (FactId fact : observableFacts(model->kb()))
            if (std::bernoulli_distribution(0.4)(rng)) facts.emplace_back(fact, randomValue(model->kb(), fact, rng));
        const Session session(model, facts);
        const std::vector<Question> full = session.usefulQuestions(100);
        const std::vector<Question> fullBatch = evaluate(model, facts, nextOnly(100)).nextQuestions;
        for (std::size_t limit = 0; limit <= 4; ++limit) {
            const std::vector<Question> head = session.usefulQuestions(limit);
            const std::vector<Question> headBatch = evaluate(model, facts, nextOnly(limit)).nextQuestions;
            ASSERT_EQ(head.size(), std::min(limit, full.size())) << "seed " << seed;
            ASSERT_EQ(headBatch.size(), std::min(limit, fullBatch.size())) << "seed " << seed;
            for (std::size_t i = 0; i < head.size(); ++i) {
                EXPECT_EQ(head[i].fact, full[i].fact) << "seed " << seed << " limit " << limit;
                EXPECT_EQ(head[i].expectedGain, full[i].expectedGain) << "seed " << seed;
                EXPECT_EQ(headBatch[i].fact, fullBatch[i].fact) << "seed " << seed << " limit " << limit;
            }
        }
        const std::optional<Question> next = session.nextQuestion();
        if (next) {
            EXPECT_EQ(next->fact, full.front().fact) << "seed " << seed;
        }
    }
}

}  // namespace
}  // namespace triage::engine::testing
