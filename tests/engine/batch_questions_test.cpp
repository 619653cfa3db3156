// Batch `ask` (question choice on the one-pass state, reading the flattened
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
        const TicketResult batch = evaluate(model, facts, {3, 100, false});
        ASSERT_EQ(batch.helpful.size(), expected.size()) << "seed " << seed;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(batch.helpful[i].fact, expected[i].fact) << "seed " << seed;
            EXPECT_EQ(batch.helpful[i].expectedGain, expected[i].expectedGain) << "seed " << seed;  // bit-identical
        }
    }
    EXPECT_GT(onePass, 20);
}

}  // namespace
}  // namespace triage::engine::testing
