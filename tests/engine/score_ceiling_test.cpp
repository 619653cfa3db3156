// Model::scoreCeiling bounds every score a cause can reach: question choice
// skips the causes whose ceiling stays below the top's floor.
#include <gtest/gtest.h>

#include <random>

#include "rule_base_generator.hpp"
#include "triage/engine/scoring.hpp"
#include "triage/engine/session.hpp"

namespace triage::engine::testing {
namespace {

TEST(ScoreCeiling, NoStateScoresACauseAboveIt) {
    int compared = 0;
    for (std::uint32_t seed = 0; seed < 200; ++seed) {
        std::mt19937 rng(seed + 5000);
        std::vector<ModelIssue> issues;
        const std::shared_ptr<const Model> model = Model::build(randomRuleBase(rng), issues);
        if (!model) continue;
        const KnowledgeBase& kb = model->kb();
        for (CauseId cause = 0; cause < kb.causes.size(); ++cause) EXPECT_GE(model->scoreCeiling(cause), kb.causes[cause].prior);
        for (int ticket = 0; ticket < 10; ++ticket) {
            std::vector<std::pair<FactId, Value>> facts;
            for (FactId fact : observableFacts(kb))
                if (std::bernoulli_distribution(0.7)(rng)) facts.emplace_back(fact, randomValue(kb, fact, rng));
            const Session session(model, facts);
            for (const RankedCause& ranked : session.ranking()) {
                EXPECT_LE(ranked.score, model->scoreCeiling(ranked.cause)) << "seed " << seed;
                ++compared;
            }
        }
    }
    EXPECT_GT(compared, 500);
}

TEST(ScoreCeiling, IsTheScoreWithEverySupportFiredAndNoExclusion) {
    std::mt19937 rng(11);
    std::vector<ModelIssue> issues;
    const std::shared_ptr<const Model> model = Model::build(randomRuleBase(rng), issues);
    ASSERT_TRUE(model);
    for (CauseId cause = 0; cause < model->kb().causes.size(); ++cause) {
        double keepSupport = 1.0;
        for (const Model::Evidence& evidence : model->evidenceAbout(cause))
            if (evidence.supports) keepSupport *= 1.0 - evidence.certainty;
        EXPECT_EQ(model->scoreCeiling(cause), combineEvidence(model->kb().causes[cause].prior, 1.0 - keepSupport, 0.0));
    }
}

}  // namespace
}  // namespace triage::engine::testing
