// Three-valued (Kleene) evaluation of atoms and conditions.
#include <gtest/gtest.h>

#include "knowledge_base_builder.hpp"
#include "triage/engine/truth.hpp"

namespace triage::engine::testing {
namespace {

class TruthTest : public ::testing::Test {
protected:
    TruthTest() {
        a = builder.boolFact("a");
        b = builder.boolFact("b");
        n = builder.fact("n", FactType::Number);
        e = builder.enumFact("e", {"x", "y", "z"});
        values.resize(builder.kb().facts.size());
    }
    Truth eval(const Cond& cond) { return evaluateCondition(toCondition(cond), values); }

    KnowledgeBaseBuilder builder;
    FactId a = 0, b = 0, n = 0, e = 0;
    std::vector<std::optional<Value>> values;
};

TEST_F(TruthTest, AtomOnUnknownFactIsUnknownExceptKnownAndUnknown) {
    EXPECT_EQ(eval(is(a)), Truth::Unknown);
    EXPECT_EQ(eval(ne(e, Value::symbol(0))), Truth::Unknown);
    EXPECT_EQ(eval(lt(n, 3)), Truth::Unknown);
    EXPECT_EQ(eval(known(a)), Truth::False);
    EXPECT_EQ(eval(unknown(a)), Truth::True);
    values[a] = Value::boolean(false);
    EXPECT_EQ(eval(known(a)), Truth::True);
    EXPECT_EQ(eval(unknown(a)), Truth::False);
}

TEST_F(TruthTest, NotIsTrueOnlyWhenInnerIsKnownFalse) {
    EXPECT_EQ(eval(!is(a)), Truth::Unknown);
    values[a] = Value::boolean(false);
    EXPECT_EQ(eval(!is(a)), Truth::True);
    values[a] = Value::boolean(true);
    EXPECT_EQ(eval(!is(a)), Truth::False);
}

TEST_F(TruthTest, AndOrFollowKleene) {
    // a unknown, b true
    values[b] = Value::boolean(true);
    EXPECT_EQ(eval(is(a) && is(b)), Truth::Unknown);
    EXPECT_EQ(eval(is(a) || is(b)), Truth::True);
    values[b] = Value::boolean(false);
    EXPECT_EQ(eval(is(a) && is(b)), Truth::False);
    EXPECT_EQ(eval(is(a) || is(b)), Truth::Unknown);
}

TEST_F(TruthTest, NeIsTrueOnlyWhenKnownAndDifferent) {
    EXPECT_EQ(eval(ne(e, Value::symbol(1))), Truth::Unknown);
    values[e] = Value::symbol(1);
    EXPECT_EQ(eval(ne(e, Value::symbol(1))), Truth::False);
    values[e] = Value::symbol(2);
    EXPECT_EQ(eval(ne(e, Value::symbol(1))), Truth::True);
}

TEST_F(TruthTest, ComparisonsAndSets) {
    values[n] = Value::number(5);
    EXPECT_EQ(eval(lt(n, 5)), Truth::False);
    EXPECT_EQ(eval(ge(n, 5)), Truth::True);
    values[e] = Value::symbol(2);
    EXPECT_EQ(eval(in(e, {Value::symbol(0), Value::symbol(2)})), Truth::True);
    EXPECT_EQ(eval(in(e, {Value::symbol(0), Value::symbol(1)})), Truth::False);
}

TEST_F(TruthTest, EmptyConditionIsTrue) { EXPECT_EQ(evaluateCondition(Condition{}, values), Truth::True); }

}  // namespace
}  // namespace triage::engine::testing
