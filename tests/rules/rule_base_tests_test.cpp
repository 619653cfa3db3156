// The rule base's own `test` blocks: each must pass, and together they must
// cover every cause (as an expected top cause) and every article code.
#include <gtest/gtest.h>

#include <set>

#include "rule_base_loading.hpp"
#include "shared_material.hpp"
#include "triage/engine/evaluation.hpp"

namespace triage::rules::testing {
namespace {

std::string where(const engine::Origin& origin) {
    return origin.file + ":" + std::to_string(origin.line) + ":" + std::to_string(origin.column);
}

TEST(RuleBaseTests, EveryTestBlockPasses) {
    const auto& model = bundledRuleBase().model;
    ASSERT_TRUE(model) << bundledRuleBase().report();
    ASSERT_FALSE(model->kb().tests.empty());
    for (const engine::RuleTest& test : model->kb().tests)
        for (const engine::TestFailure& failure : engine::runTest(model, test))
            ADD_FAILURE() << where(failure.origin) << ": test \"" << test.name << "\": " << failure.message;
}

TEST(RuleBaseTests, EveryCauseIsTheExpectedTopCauseOfSomeTest) {
    const auto& model = bundledRuleBase().model;
    ASSERT_TRUE(model) << bundledRuleBase().report();
    std::set<engine::CauseId> expected;
    for (const engine::RuleTest& test : model->kb().tests)
        for (const auto& expectation : test.expectations)
            if (expectation.kind == engine::RuleTest::Expectation::Kind::TopCause) expected.insert(expectation.target);
    for (engine::CauseId cause = 0; cause < model->kb().causes.size(); ++cause)
        EXPECT_TRUE(expected.count(cause)) << "no test expects cause " << model->kb().cause(cause).name;
}

TEST(RuleBaseTests, EveryArticleCodeIsGivenAloneInSomeTest) {
    const auto& model = bundledRuleBase().model;
    ASSERT_TRUE(model) << bundledRuleBase().report();
    const auto errorCode = model->kb().factId("error_code");
    ASSERT_TRUE(errorCode.has_value());
    std::set<std::uint32_t> testedAlone;
    for (const engine::RuleTest& test : model->kb().tests)
        if (test.given.size() == 1 && test.given.front().first == *errorCode)
            testedAlone.insert(test.given.front().second.asIndex());
    for (const ArticleCode& code : activationArticleCodes())
        EXPECT_TRUE(testedAlone.count(code.value)) << "no test gives " << code.written << " alone";
}

}  // namespace
}  // namespace triage::rules::testing
