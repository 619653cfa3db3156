// Every error code of the activation article (seeds/000_*.txt) must lead to a
// cause by itself, and to one the SCHEMA cause table names for that code.
#include <gtest/gtest.h>

#include <algorithm>

#include "rule_base_loading.hpp"
#include "shared_material.hpp"
#include "triage/engine/evaluation.hpp"

namespace triage::rules::testing {
namespace {

engine::TicketResult evaluateCode(const engine::Model& model, std::uint32_t code) {
    const auto errorCode = model.kb().factId("error_code");
    EXPECT_TRUE(errorCode.has_value());
    engine::EvaluateOptions options;
    options.helpful = 0;
    return engine::evaluate(bundledRuleBase().model, {{errorCode.value_or(0), engine::Value::code(code)}}, options);
}

TEST(ArticleCodes, TheActivationArticleListsFortySevenDistinctCodes) {
    const std::vector<ArticleCode> codes = activationArticleCodes();
    std::string listed;
    for (const ArticleCode& code : codes) listed += code.written + " ";
    EXPECT_EQ(codes.size(), 47u) << listed;
}

TEST(ArticleCodes, EveryCodeAloneYieldsATopCause) {
    const auto& model = bundledRuleBase().model;
    ASSERT_TRUE(model) << bundledRuleBase().report();
    for (const ArticleCode& code : activationArticleCodes()) {
        const engine::TicketResult result = evaluateCode(*model, code.value);
        EXPECT_TRUE(result.conclusion.has_value()) << code.written << " alone yields no cause";
    }
}

// The group behind "Alle overige foutcodes": an article code missing from it
// would be treated as a code the article does not know.
TEST(ArticleCodes, EveryCodeIsKnownAsListed) {
    const auto& model = bundledRuleBase().model;
    ASSERT_TRUE(model) << bundledRuleBase().report();
    const auto group = model->kb().codeGroups.find("listed_codes");
    ASSERT_NE(group, model->kb().codeGroups.end());
    for (const ArticleCode& code : activationArticleCodes())
        EXPECT_NE(std::find(group->second.begin(), group->second.end(), code.value), group->second.end())
            << code.written << " is missing from listed_codes";
}

TEST(ArticleCodes, EveryCodeNamedInTheSchemaLeadsToOneOfItsCauses) {
    const auto& model = bundledRuleBase().model;
    ASSERT_TRUE(model) << bundledRuleBase().report();
    const SchemaTables schema = readSchemaTables();
    ASSERT_FALSE(schema.causesByCode.empty());
    for (const ArticleCode& code : activationArticleCodes()) {
        const auto expected = schema.causesByCode.find(code.value);
        if (expected == schema.causesByCode.end()) continue;  // a group member the table does not spell out
        const engine::TicketResult result = evaluateCode(*model, code.value);
        ASSERT_FALSE(result.ranking.empty()) << code.written;
        const std::string& top = model->kb().cause(result.ranking.front().cause).name;
        std::string allowed;
        for (const std::string& cause : expected->second) allowed += cause + " ";
        EXPECT_TRUE(expected->second.count(top)) << code.written << " alone: top cause " << top
                                                 << ", SCHEMA names " << allowed;
    }
}

}  // namespace
}  // namespace triage::rules::testing
