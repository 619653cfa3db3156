// Batch evaluation of one ticket and the runner of `test` blocks.
#include <gtest/gtest.h>

#include "knowledge_base_builder.hpp"
#include "triage/engine/evaluation.hpp"

namespace triage::engine::testing {
namespace {

const Value yes = Value::boolean(true);
const Value no = Value::boolean(false);

class EvaluationTest : public ::testing::Test {
protected:
    EvaluationTest() {
        code = builder.fact("error_code", FactType::Code, false);
        hardware = builder.boolFact("hardware_changed");
        key = builder.boolFact("has_product_key");
        hardwareCause = builder.cause("hardware_changed", 0.08);
        keyCause = builder.cause("invalid_product_key", 0.2);
        other = builder.cause("other", 0.1);
        builder.rule("hardware_code", eq(code, Value::code(0xC004F211)), {supports(hardwareCause, 0.5)});
        builder.rule("hardware_confirmed", eq(code, Value::code(0xC004F211)) && is(hardware),
                     {supports(hardwareCause, 0.9)});
        builder.rule("key_code", eq(code, Value::code(0xC004F211)) && !is(key), {supports(keyCause, 0.6)});
        builder.rule("weak_other", eq(code, Value::code(0xC004F211)), {supports(other, 0.1)});
        model = builder.model();
    }
    RuleTest::Expectation expect(RuleTest::Expectation::Kind kind, std::uint32_t target, int line) {
        return {kind, target, Origin{"test.rules", line, 3}};
    }

    KnowledgeBaseBuilder builder;
    FactId code = 0, hardware = 0, key = 0;
    CauseId hardwareCause = 0, keyCause = 0, other = 0;
    std::shared_ptr<const Model> model;
};

TEST_F(EvaluationTest, EvaluateRanksConcludesAndListsHelpfulQuestions) {
    EvaluateOptions options;
    options.top = 2;
    const TicketResult result = evaluate(model, {{code, Value::code(0xC004F211)}}, options);
    ASSERT_EQ(result.ranking.size(), 2u);
    EXPECT_EQ(result.ranking[0].cause, hardwareCause);
    EXPECT_NEAR(result.ranking[0].score, 0.08 + 0.5 * 0.92, 1e-12);
    ASSERT_TRUE(result.conclusion.has_value());
    EXPECT_EQ(result.conclusion->cause, hardwareCause);
    EXPECT_EQ(result.fired.size(), 2u);
    // `ask`: the contenders are hardwareCause and other. Of their rules only
    // hardware_confirmed is open, and it needs `hardware`: answered yes, the
    // score would go from 0.08 + 0.5 * 0.92 to 0.08 + 0.95 * 0.92.
    ASSERT_EQ(result.helpful.size(), 1u);
    EXPECT_EQ(result.helpful[0].fact, hardware);
    EXPECT_NEAR(result.helpful[0].stake, 0.45 * 0.92, 1e-12);
    EXPECT_TRUE(result.nextQuestions.empty());  // not asked for

    options.helpful = 0;
    options.wantFired = false;
    const TicketResult cheap = evaluate(model, {{code, Value::code(0xC004F211)}}, options);
    EXPECT_TRUE(cheap.helpful.empty());
    EXPECT_TRUE(cheap.fired.empty());
    EXPECT_EQ(cheap.ranking[0].score, result.ranking[0].score);
}

TEST_F(EvaluationTest, ConclusionOnlyGivesTheFullEvaluationsCauseAndScore) {
    EvaluateOptions full;
    full.helpful = 0;
    EvaluateOptions cheap = full;
    cheap.conclusionOnly = true;
    const std::vector<std::vector<std::pair<FactId, Value>>> tickets = {
        {{code, Value::code(0xC004F211)}},
        {{code, Value::code(0xC004F211)}, {hardware, yes}},
        {{code, Value::code(0xC004F211)}, {hardware, no}, {key, no}},
        {{code, Value::code(0x1234)}},
        {},
    };
    for (std::size_t i = 0; i < tickets.size(); ++i) {
        const TicketResult expected = evaluate(model, tickets[i], full);
        const TicketResult found = evaluate(model, tickets[i], cheap);
        ASSERT_EQ(found.conclusion.has_value(), expected.conclusion.has_value()) << i;
        EXPECT_EQ(found.fired, expected.fired) << i;
        if (!expected.conclusion) {
            EXPECT_TRUE(found.ranking.empty()) << i;
            continue;
        }
        EXPECT_EQ(found.conclusion->cause, expected.conclusion->cause) << i;
        EXPECT_EQ(found.conclusion->score, expected.conclusion->score) << i;
        ASSERT_EQ(found.ranking.size(), 1u) << i;
        EXPECT_EQ(found.ranking[0].cause, expected.ranking[0].cause) << i;
    }
}

TEST_F(EvaluationTest, PassingTestHasNoFailures) {
    RuleTest test;
    test.name = "hardware";
    test.given = {{code, Value::code(0xC004F211)}, {hardware, yes}, {key, yes}};
    test.expectations = {expect(RuleTest::Expectation::Kind::TopCause, hardwareCause, 10),
                         expect(RuleTest::Expectation::Kind::NotTopCause, keyCause, 11),
                         expect(RuleTest::Expectation::Kind::NoQuestion, 0, 12)};
    EXPECT_TRUE(runTest(model, test).empty());
}

TEST_F(EvaluationTest, FailuresSayWhatWasExpectedAndWhatCameOut) {
    RuleTest test;
    test.given = {{code, Value::code(0xC004F211)}};
    test.expectations = {expect(RuleTest::Expectation::Kind::TopCause, keyCause, 20),
                         expect(RuleTest::Expectation::Kind::NotTopCause, hardwareCause, 21),
                         expect(RuleTest::Expectation::Kind::NextQuestion, code, 22),
                         expect(RuleTest::Expectation::Kind::NoQuestion, 0, 23)};
    const auto failures = runTest(model, test);
    ASSERT_EQ(failures.size(), 4u);
    EXPECT_EQ(failures[0].message, "expected top cause 'invalid_product_key', got 'hardware_changed' (0.54)");
    EXPECT_EQ(failures[0].origin.line, 20);
    EXPECT_EQ(failures[1].message, "expected another top cause than 'hardware_changed', got 'hardware_changed' (0.54)");
    // error_code is given-only: it can never be the question.
    EXPECT_EQ(failures[2].message.rfind("expected question 'error_code', got '", 0), 0u) << failures[2].message;
    EXPECT_EQ(failures[3].message.rfind("expected no question, got '", 0), 0u) << failures[3].message;
}

TEST_F(EvaluationTest, NoCauseAndNoQuestionAreReported) {
    RuleTest test;
    test.given = {{code, Value::code(0x80070005)}};
    test.expectations = {expect(RuleTest::Expectation::Kind::TopCause, keyCause, 30),
                         expect(RuleTest::Expectation::Kind::NextQuestion, key, 31)};
    const auto failures = runTest(model, test);
    ASSERT_EQ(failures.size(), 2u);
    EXPECT_EQ(failures[0].message, "expected top cause 'invalid_product_key', got no cause");
    EXPECT_EQ(failures[1].message, "expected question 'has_product_key', got none");
}

}  // namespace
}  // namespace triage::engine::testing
