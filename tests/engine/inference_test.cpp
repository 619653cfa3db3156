// Forward chaining: firing, derived facts, truth maintenance with `unknown`,
// conflicts between setters, firing order, undo and the rule index.
#include <gtest/gtest.h>

#include "knowledge_base_builder.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/session.hpp"

namespace triage::engine::testing {
namespace {

const Value yes = Value::boolean(true);
const Value no = Value::boolean(false);

TEST(InferenceTest, RuleFiresOnlyWhenConditionIsTrue) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId b = builder.boolFact("b");
    const CauseId c = builder.cause("c");
    const RuleId rule = builder.rule("r", is(a) && !is(b), {supports(c, 0.5)});
    Session session(builder.model());
    session.answer(a, yes);
    EXPECT_TRUE(session.firedRules().empty());  // b unknown: `not b` is unknown
    session.answer(b, no);
    EXPECT_EQ(session.firedRules(), std::vector<RuleId>{rule});
}

TEST(InferenceTest, DerivedFactsChainInTopologicalOrder) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId d1 = builder.boolFact("d1", false);
    const FactId d2 = builder.boolFact("d2", false);
    const CauseId c = builder.cause("c");
    // Declared top-down on purpose: evaluation order must come from the graph.
    const RuleId uses = builder.rule("uses_d2", is(d2), {supports(c, 0.6)});
    const RuleId middle = builder.rule("sets_d2", is(d1), {sets(d2)});
    const RuleId bottom = builder.rule("sets_d1", is(a), {sets(d1)});
    Session session(builder.model());
    session.answer(a, yes);
    EXPECT_EQ(session.value(d2), yes);
    auto fired = session.firedRules();
    std::sort(fired.begin(), fired.end());
    EXPECT_EQ(fired, (std::vector<RuleId>{uses, middle, bottom}));
    session.answer(a, no);  // answers can change; everything derived is withdrawn
    EXPECT_FALSE(session.value(d1).has_value());
    EXPECT_TRUE(session.firedRules().empty());
}

TEST(InferenceTest, UnknownAtomRuleIsWithdrawnWhenTheFactIsAnswered) {
    KnowledgeBaseBuilder builder;
    const FactId key = builder.boolFact("has_key");
    const FactId error = builder.boolFact("error");
    const FactId noKeyInfo = builder.boolFact("no_key_info", false);
    const CauseId c = builder.cause("c");
    const RuleId setter = builder.rule("no_info", unknown(key) && is(error), {sets(noKeyInfo)});
    const RuleId user = builder.rule("uses", is(noKeyInfo), {supports(c, 0.5)});
    Session session(builder.model(), {{error, yes}});
    EXPECT_EQ(session.value(noKeyInfo), yes);
    EXPECT_EQ(session.ranking().size(), 1u);
    session.answer(key, yes);
    EXPECT_FALSE(session.value(noKeyInfo).has_value());
    EXPECT_TRUE(session.ranking().empty());
    EXPECT_TRUE(session.firedRules().empty());
    session.undo();
    auto fired = session.firedRules();
    std::sort(fired.begin(), fired.end());
    EXPECT_EQ(fired, (std::vector<RuleId>{setter, user}));
}

TEST(InferenceTest, UnconditionalAndUnknownRulesHoldFromTheStart) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const CauseId c = builder.cause("c");
    builder.rule("missing", unknown(a), {supports(c, 0.3)});
    Session session(builder.model());
    ASSERT_EQ(session.ranking().size(), 1u);
    session.answer(a, no);
    EXPECT_TRUE(session.ranking().empty());
}

TEST(InferenceTest, SetterConflictGoesToPriorityThenSpecificityThenFileOrder) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId b = builder.boolFact("b");
    const FactId mode = builder.enumFact("mode", {"x", "y", "z", "w"}, false);
    builder.rule("first", is(a), {sets(mode, Value::symbol(0))});
    builder.rule("more_specific", is(a) && is(b), {sets(mode, Value::symbol(1))});
    builder.rule("second", is(a), {sets(mode, Value::symbol(2))});
    builder.rule("urgent", is(b), {sets(mode, Value::symbol(3))}, 5);
    const auto model = builder.model();
    Session session(model, {{a, yes}});
    EXPECT_EQ(session.value(mode), Value::symbol(0));  // file order between equals
    session.answer(b, yes);
    EXPECT_EQ(session.value(mode), Value::symbol(3));  // priority beats specificity
    Session withoutUrgent(model, {{a, yes}, {b, no}});
    EXPECT_EQ(withoutUrgent.value(mode), Value::symbol(0));
}

TEST(InferenceTest, SpecificityBreaksPriorityTies) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId b = builder.boolFact("b");
    const FactId mode = builder.enumFact("mode", {"x", "y"}, false);
    builder.rule("general", is(a), {sets(mode, Value::symbol(0))});
    builder.rule("specific", is(a) && is(b), {sets(mode, Value::symbol(1))});
    Session session(builder.model(), {{a, yes}, {b, yes}});
    EXPECT_EQ(session.value(mode), Value::symbol(1));
}

TEST(InferenceTest, GivenValueOverridesDerivation) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId d = builder.boolFact("d", false);
    builder.rule("sets_d", is(a), {sets(d)});
    Session session(builder.model(), {{a, yes}, {d, no}});
    EXPECT_EQ(session.value(d), no);
}

TEST(InferenceTest, FiringOrderIsPriorityThenSpecificityThenFileOrder) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId b = builder.boolFact("b");
    const CauseId c = builder.cause("c");
    const RuleId plain = builder.rule("plain", is(a), {supports(c, 0.1)});
    const RuleId specific = builder.rule("specific", is(a) && is(b), {supports(c, 0.1)});
    const RuleId plain2 = builder.rule("plain2", is(b), {supports(c, 0.1)});
    const RuleId urgent = builder.rule("urgent", is(b), {supports(c, 0.1)}, 2);
    Session session(builder.model(), {{a, yes}, {b, yes}});
    EXPECT_EQ(session.firedRules(), (std::vector<RuleId>{urgent, specific, plain, plain2}));
}

TEST(InferenceTest, UndoRestoresTheExactEarlierState) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId b = builder.boolFact("b");
    const FactId d = builder.boolFact("d", false);
    const CauseId c = builder.cause("c", 0.2);
    const CauseId e = builder.cause("e", 0.3);
    builder.rule("sets_d", is(a), {sets(d)});
    builder.rule("d_and_b", is(d) && is(b), {supports(c, 0.8)});
    builder.rule("not_b", !is(b), {supports(e, 0.4)});
    Session session(builder.model(), {{a, yes}});
    const auto ranking = session.ranking();
    const auto fired = session.firedRules();
    session.answer(b, yes);
    session.answer(a, std::nullopt);  // already given: only marks it asked
    EXPECT_EQ(session.answerCount(), 2u);
    EXPECT_TRUE(session.undo());
    EXPECT_FALSE(session.wasAsked(a));
    EXPECT_TRUE(session.undo());
    EXPECT_FALSE(session.undo());
    EXPECT_EQ(session.answerCount(), 0u);
    EXPECT_FALSE(session.value(b).has_value());
    EXPECT_FALSE(session.wasAsked(b));
    EXPECT_EQ(session.value(d), yes);
    EXPECT_EQ(session.firedRules(), fired);
    ASSERT_EQ(session.ranking().size(), ranking.size());
}

TEST(InferenceTest, SessionCopiesAreIndependent) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const CauseId c = builder.cause("c");
    builder.rule("r", is(a), {supports(c, 0.5)});
    Session original(builder.model());
    Session copy = original;
    copy.answer(a, yes);
    EXPECT_TRUE(original.ranking().empty());
    EXPECT_EQ(copy.ranking().size(), 1u);
}

TEST(RuleIndexTest, MaybeGuardReadsLikeAnOptional) {
    const RuleIndex::MaybeGuard none;
    EXPECT_FALSE(none.has_value());
    EXPECT_FALSE(static_cast<bool>(none));
    EXPECT_EQ(std::optional<RuleIndex::Guard>(none), std::nullopt);
    const RuleIndex::MaybeGuard alsoNone = std::optional<RuleIndex::Guard>();
    EXPECT_FALSE(alsoNone.has_value());
    // Fact 0 with value 0 (false) is a guard like any other, not "none".
    const RuleIndex::MaybeGuard zero = std::optional<RuleIndex::Guard>(RuleIndex::Guard{0, no});
    ASSERT_TRUE(zero.has_value());
    EXPECT_EQ(zero->fact, 0u);
    EXPECT_EQ((*zero).value, no);
    const std::optional<RuleIndex::Guard> back = zero;
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->fact, 0u);
    EXPECT_EQ(back->value, no);
}

TEST(RuleIndexTest, GuardIsTheMostSelectiveTopLevelEquality) {
    KnowledgeBaseBuilder builder;
    const FactId b = builder.boolFact("b");
    const FactId code = builder.fact("code", FactType::Code);
    const FactId n = builder.fact("n", FactType::Number);
    const CauseId c = builder.cause("c");
    const RuleId both = builder.rule("both", !is(b) && eq(code, Value::code(1)), {supports(c, 0.5)});
    builder.rule("other_code", eq(code, Value::code(2)), {supports(c, 0.5)});
    const RuleId boolOnly = builder.rule("bool_only", !is(b) && ge(n, 3), {supports(c, 0.5)});
    const RuleId none = builder.rule("none", ge(n, 3) || is(b), {supports(c, 0.5)});
    const auto model = builder.model();
    const RuleIndex& index = model->index();
    ASSERT_TRUE(index.guards[both].has_value());
    EXPECT_EQ(index.guards[both]->fact, code);
    ASSERT_TRUE(index.guards[boolOnly].has_value());
    EXPECT_EQ(index.guards[boolOnly]->fact, b);
    EXPECT_EQ(index.guards[boolOnly]->value, no);  // `not b` is b = false
    EXPECT_FALSE(index.guards[none].has_value());
    EXPECT_EQ(index.unguardedReaders[n], std::vector<RuleId>{none});
    const RuleIndex::Bucket* bucket = index.bucket(code, Value::code(1));
    ASSERT_NE(bucket, nullptr);
    EXPECT_EQ(bucket->rules, std::vector<RuleId>{both});
    EXPECT_EQ(index.bucket(code, Value::code(3)), nullptr);
}

TEST(RuleIndexTest, AnswersOnlyReexamineRulesWhoseGuardHolds) {
    // Observable effect: a rule guarded by code = 1 fires as soon as both its
    // tests hold, in either order, and never while the guard fails.
    KnowledgeBaseBuilder builder;
    const FactId b = builder.boolFact("b");
    const FactId code = builder.fact("code", FactType::Code);
    const CauseId c = builder.cause("c");
    builder.rule("r", eq(code, Value::code(1)) && is(b), {supports(c, 0.5)});
    const auto model = builder.model();
    Session codeFirst(model, {{code, Value::code(1)}});
    codeFirst.answer(b, yes);
    EXPECT_EQ(codeFirst.firedRules().size(), 1u);
    Session boolFirst(model, {{b, yes}});
    boolFirst.answer(code, Value::code(1));
    EXPECT_EQ(boolFirst.firedRules().size(), 1u);
    boolFirst.answer(code, Value::code(2));
    EXPECT_TRUE(boolFirst.firedRules().empty());
}

}  // namespace
}  // namespace triage::engine::testing
