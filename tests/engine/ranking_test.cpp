// Scores: MYCIN combination with priors, ranking order, conclusion and fix steps.
#include <gtest/gtest.h>

#include "knowledge_base_builder.hpp"
#include "triage/engine/scoring.hpp"
#include "triage/engine/session.hpp"

namespace triage::engine::testing {
namespace {

const Value yes = Value::boolean(true);
const Value no = Value::boolean(false);

TEST(ScoringTest, CombineEvidenceMatchesTheFormula) {
    // MB = 0.85, MD = 0.4: CF = 0.45 / 0.6 = 0.75, score = 0.2 + 0.75 * 0.8 = 0.8
    EXPECT_NEAR(combineEvidence(0.2, 0.85, 0.4), 0.8, 1e-15);
    // CF = (0.2 - 0.6) / 0.8 = -0.5: score = 0.3 * 0.5
    EXPECT_NEAR(combineEvidence(0.3, 0.2, 0.6), 0.15, 1e-15);
    // Certain for and certain against cancel out: the prior stays.
    EXPECT_EQ(combineEvidence(0.3, 1.0, 1.0), 0.3);
    EXPECT_EQ(combineEvidence(0.3, 0.0, 0.0), 0.3);
    EXPECT_EQ(combineEvidence(0.3, 1.0, 0.0), 1.0);
    EXPECT_EQ(combineEvidence(0.3, 0.0, 1.0), 0.0);
}

TEST(RankingTest, ScoresCombineAllFiredRules) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId b = builder.boolFact("b");
    const FactId x = builder.boolFact("x");
    const CauseId c = builder.cause("c", 0.2);
    builder.rule("for1", is(a), {supports(c, 0.7)});
    builder.rule("for2", is(b), {supports(c, 0.5)});
    builder.rule("against", is(x), {excludes(c, 0.4)});
    Session session(builder.model(), {{a, yes}, {b, yes}, {x, yes}});
    const auto ranking = session.ranking();
    ASSERT_EQ(ranking.size(), 1u);
    EXPECT_NEAR(ranking[0].score, 0.8, 1e-12);
    EXPECT_EQ(ranking[0].score, combineEvidence(0.2, 1 - (1 - 0.7) * (1 - 0.5), 0.4));
}

TEST(RankingTest, OnlySupportedCausesAreRankedAndPriorsBreakEqualEvidence) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const CauseId rare = builder.cause("rare", 0.05);
    const CauseId common = builder.cause("common", 0.3);
    const CauseId excluded = builder.cause("excluded", 0.5);
    builder.rule("r1", is(a), {supports(rare, 0.6), supports(common, 0.6), excludes(excluded, 0.5)});
    Session session(builder.model(), {{a, yes}});
    const auto ranking = session.ranking();
    ASSERT_EQ(ranking.size(), 2u);
    EXPECT_EQ(ranking[0].cause, common);
    EXPECT_NEAR(ranking[0].score, 0.3 + 0.6 * 0.7, 1e-12);
    EXPECT_EQ(ranking[1].cause, rare);
    EXPECT_NEAR(ranking[1].score, 0.05 + 0.6 * 0.95, 1e-12);
}

TEST(RankingTest, EqualScoresGoByDeclarationOrder) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const CauseId first = builder.cause("first", 0.1);
    const CauseId second = builder.cause("second", 0.1);
    builder.rule("r2", is(a), {supports(second, 0.5)});
    builder.rule("r1", is(a), {supports(first, 0.5)});
    Session session(builder.model(), {{a, yes}});
    const auto ranking = session.ranking();
    ASSERT_EQ(ranking.size(), 2u);
    EXPECT_EQ(ranking[0].cause, first);
    EXPECT_EQ(ranking[1].cause, second);
}

TEST(ConclusionTest, TopCauseRunnersUpAndFixStepsByWhen) {
    KnowledgeBaseBuilder builder;
    const FactId code = builder.boolFact("code_seen");
    const FactId key = builder.boolFact("has_product_key");
    const CauseId hardware = builder.cause("hardware_changed", 0.08);
    const CauseId other = builder.cause("other", 0.1);
    builder.step(hardware, "always");
    const Cond haveKey = is(key);
    const Cond noKey = !is(key);
    builder.step(hardware, "enter_old_key", &haveKey);
    builder.step(hardware, "buy_license", &noKey);
    builder.rule("hw", is(code), {supports(hardware, 0.9)});
    builder.rule("weak", is(code), {supports(other, 0.2)});
    const auto model = builder.model();

    Session session(model, {{code, yes}});
    auto conclusion = session.conclusion();
    ASSERT_TRUE(conclusion.has_value());
    EXPECT_EQ(conclusion->cause, hardware);
    ASSERT_EQ(conclusion->runnersUp.size(), 1u);
    EXPECT_EQ(conclusion->runnersUp[0].cause, other);
    EXPECT_EQ(conclusion->steps, (std::vector<std::uint32_t>{0, 1, 2}));  // key unknown: both shown
    EXPECT_TRUE(conclusion->confident);  // 0.908 >= 0.8, margin 0.628 >= 0.2

    session.answer(key, no);
    EXPECT_EQ(session.conclusion()->steps, (std::vector<std::uint32_t>{0, 2}));
    session.undo();
    session.answer(key, yes);
    EXPECT_EQ(session.conclusion()->steps, (std::vector<std::uint32_t>{0, 1}));
}

TEST(ConclusionTest, NoConclusionWithoutSupport) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const CauseId c = builder.cause("c");
    builder.rule("r", is(a), {supports(c, 0.5)});
    Session session(builder.model(), {{a, no}});
    EXPECT_FALSE(session.conclusion().has_value());
}

}  // namespace
}  // namespace triage::engine::testing
