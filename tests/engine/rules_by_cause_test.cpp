// The Model's rules per cause (rulesConcluding, rulesSupporting, evidenceAbout).
#include <gtest/gtest.h>

#include <vector>

#include "knowledge_base_builder.hpp"

namespace triage::engine::testing {
namespace {

std::vector<RuleId> listOf(std::span<const RuleId> rules) { return {rules.begin(), rules.end()}; }

TEST(RulesByCause, EachRuleOnceAscendingAndSupportsApart) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId d = builder.boolFact("d", false);
    const CauseId c0 = builder.cause("c0");
    const CauseId c1 = builder.cause("c1");
    const CauseId none = builder.cause("none");
    const RuleId r0 = builder.rule("r0", is(a), {supports(c0, 0.5), excludes(c1, 0.2)});
    const RuleId r1 = builder.rule("r1", is(a), {supports(c0, 0.3), supports(c0, 0.4), excludes(c0, 0.1)});
    const RuleId r2 = builder.rule("r2", is(a), {excludes(c0, 0.6)});
    builder.rule("r3", is(a), {sets(d)});
    const RuleId r4 = builder.rule("r4", is(d), {supports(c1, 0.7)});
    std::vector<ModelIssue> issues;
    const auto model = builder.model(issues);
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(listOf(model->rulesConcluding(c0)), (std::vector<RuleId>{r0, r1, r2}));
    EXPECT_EQ(listOf(model->rulesSupporting(c0)), (std::vector<RuleId>{r0, r1}));
    EXPECT_EQ(listOf(model->rulesConcluding(c1)), (std::vector<RuleId>{r0, r4}));
    EXPECT_EQ(listOf(model->rulesSupporting(c1)), (std::vector<RuleId>{r4}));
    EXPECT_TRUE(model->rulesConcluding(none).empty());
    EXPECT_TRUE(model->rulesSupporting(none).empty());
    // Every conclusion about c0, by rule, in `then` order.
    const auto evidence = model->evidenceAbout(c0);
    ASSERT_EQ(evidence.size(), 5u);
    EXPECT_EQ(evidence[1].rule, r1);
    EXPECT_DOUBLE_EQ(evidence[2].certainty, 0.4);
    EXPECT_FALSE(evidence[3].supports);
}

}  // namespace
}  // namespace triage::engine::testing
