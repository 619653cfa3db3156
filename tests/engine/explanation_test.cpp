// why, how and whyNot, with atoms rendered like the source.
#include <gtest/gtest.h>

#include "knowledge_base_builder.hpp"
#include "triage/engine/session.hpp"

namespace triage::engine::testing {
namespace {

const Value yes = Value::boolean(true);
const Value no = Value::boolean(false);

class ExplanationTest : public ::testing::Test {
protected:
    ExplanationTest() {
        code = builder.fact("error_code", FactType::Code);
        freeUpgrade = builder.boolFact("free_upgrade");
        hardware = builder.boolFact("hardware_changed");
        version = builder.enumFact("windows_version", {"win10", "win11"});
        upgraded = builder.boolFact("upgraded", false);
        invalidKey = builder.cause("invalid_product_key", 0.2);
        notReactivated = builder.cause("free_upgrade_not_reactivated", 0.1);
        upgradedRule = builder.rule("upgrade_seen", is(freeUpgrade), {sets(upgraded)});
        keyRule = builder.rule("invalid_key",
                               in(code, {Value::code(0xC004C003), Value::code(0xC004F050)}, "invalid_key_codes") &&
                                       !is(hardware),
                               {supports(invalidKey, 0.6)});
        upgradeRule = builder.rule("free_upgrade_reinstalled",
                                   in(code, {Value::code(0xC004C003)}, "invalid_key_codes") && is(upgraded),
                                   {supports(notReactivated, 0.85), excludes(invalidKey, 0.5)}, 5);
        win11Rule = builder.rule("win11_only", eq(version, Value::symbol(1)) && is(hardware),
                                 {supports(notReactivated, 0.3)});
        model = builder.model();
    }

    KnowledgeBaseBuilder builder;
    FactId code = 0, freeUpgrade = 0, hardware = 0, version = 0, upgraded = 0;
    CauseId invalidKey = 0, notReactivated = 0;
    RuleId upgradedRule = 0, keyRule = 0, upgradeRule = 0, win11Rule = 0;
    std::shared_ptr<const Model> model;
};

TEST_F(ExplanationTest, HowListsFiredRulesWithTheirTrueAtomsAndDerivations) {
    Session session(model, {{code, Value::code(0xC004C003)}, {freeUpgrade, yes}, {hardware, no}});
    const HowExplanation how = session.how(invalidKey);
    EXPECT_EQ(how.cause, invalidKey);
    EXPECT_DOUBLE_EQ(how.prior, 0.2);
    ASSERT_EQ(how.steps.size(), 2u);
    // Firing order: priority 5 first.
    EXPECT_EQ(how.steps[0].rule, upgradeRule);
    EXPECT_FALSE(how.steps[0].supports);
    EXPECT_DOUBLE_EQ(how.steps[0].certainty, 0.5);
    ASSERT_EQ(how.steps[0].used.size(), 2u);
    EXPECT_EQ(how.steps[0].used[0].text, "error_code in invalid_key_codes");
    EXPECT_EQ(how.steps[0].used[1].text, "upgraded");
    EXPECT_EQ(how.steps[0].derivedFrom, std::vector<RuleId>{upgradedRule});
    EXPECT_EQ(how.steps[1].rule, keyRule);
    ASSERT_EQ(how.steps[1].used.size(), 2u);
    EXPECT_EQ(how.steps[1].used[1].text, "not hardware_changed");
    EXPECT_TRUE(how.steps[1].derivedFrom.empty());
    EXPECT_EQ(how.score, session.whyNot(invalidKey).score);
}

TEST_F(ExplanationTest, WhyNotListsFalseAndUnknownAtomsAndTheTop) {
    Session session(model, {{code, Value::code(0xC004C003)}, {freeUpgrade, yes}, {hardware, no}});
    const WhyNotExplanation whyNot = session.whyNot(notReactivated);
    ASSERT_TRUE(whyNot.top.has_value());
    EXPECT_EQ(*whyNot.top, notReactivated);
    ASSERT_EQ(whyNot.rules.size(), 1u);  // the fired supporting rule is not blocked
    EXPECT_EQ(whyNot.rules[0].rule, win11Rule);
    ASSERT_EQ(whyNot.rules[0].failing.size(), 2u);
    EXPECT_EQ(whyNot.rules[0].failing[0].text, "windows_version = win11");
    EXPECT_EQ(whyNot.rules[0].failing[0].truth, AtomStatus::Truth::Unknown);
    EXPECT_EQ(whyNot.rules[0].failing[1].text, "hardware_changed");
    EXPECT_EQ(whyNot.rules[0].failing[1].truth, AtomStatus::Truth::False);
}

TEST_F(ExplanationTest, WhyNamesTheRulesAQuestionCanDecideAndTheirCauses) {
    Session session(model, {{code, Value::code(0xC004C003)}});
    const WhyExplanation why = session.why(freeUpgrade);
    EXPECT_EQ(why.fact, freeUpgrade);
    ASSERT_EQ(why.stakes.size(), 1u);
    EXPECT_EQ(why.stakes[0].rule, upgradedRule);
    EXPECT_EQ(why.stakes[0].causes, (std::vector<CauseId>{invalidKey, notReactivated}));
    const WhyExplanation hardwareWhy = session.why(hardware);
    ASSERT_EQ(hardwareWhy.stakes.size(), 2u);
    EXPECT_EQ(hardwareWhy.stakes[0].rule, keyRule);
    EXPECT_EQ(hardwareWhy.stakes[1].rule, win11Rule);
}

TEST(DescribeAtomTest, RendersLikeTheSource) {
    KnowledgeBaseBuilder builder;
    const FactId n = builder.fact("disk_free", FactType::Number);
    const FactId e = builder.enumFact("edition", {"home", "pro"});
    const FactId code = builder.fact("error_code", FactType::Code);
    const auto kb = builder.build();
    EXPECT_EQ(describeAtom(*kb, toCondition(lt(n, 2.5)).atoms[0]), "disk_free < 2.5");
    EXPECT_EQ(describeAtom(*kb, toCondition(ne(e, Value::symbol(1))).atoms[0]), "edition != pro");
    EXPECT_EQ(describeAtom(*kb, toCondition(in(e, {Value::symbol(0), Value::symbol(1)})).atoms[0]),
              "edition in { home, pro }");
    EXPECT_EQ(describeAtom(*kb, toCondition(eq(code, Value::code(0xC004F211))).atoms[0]), "error_code = 0xC004F211");
    EXPECT_EQ(describeAtom(*kb, toCondition(unknown(code)).atoms[0], true), "not unknown error_code");
    EXPECT_EQ(describeAtom(*kb, toCondition(known(n)).atoms[0]), "known disk_free");
}

}  // namespace
}  // namespace triage::engine::testing
