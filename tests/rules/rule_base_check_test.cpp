// The bundled rule base is clean under `triage check --werror`, speaks the
// SCHEMA.md vocabulary exactly, and the copy embedded in the binary is the
// one in the source tree.
#include <gtest/gtest.h>

#include <filesystem>

#include "rule_base_loading.hpp"
#include "shared_material.hpp"
#include "triage/bundled_rules.hpp"
#include "triage/dsl/formatter.hpp"
#include "triage/dsl/parser.hpp"

namespace triage::rules::testing {
namespace {

std::string typeName(engine::FactType type) {
    switch (type) {
        case engine::FactType::Bool: return "bool";
        case engine::FactType::Enum: return "enum";
        case engine::FactType::Code: return "code";
        case engine::FactType::Number: return "number";
    }
    return "?";
}

TEST(RuleBaseCheck, NoDiagnosticsWithWarningsAsErrors) {
    dsl::CompileOptions options;
    options.warningsAsErrors = true;
    const LoadedRuleBase loaded = loadRuleBase(options);
    EXPECT_TRUE(loaded.diagnostics.empty()) << loaded.report();
    EXPECT_TRUE(loaded.model);
}

TEST(RuleBaseCheck, EverySchemaFactExistsWithItsType) {
    const auto& model = bundledRuleBase().model;
    ASSERT_TRUE(model) << bundledRuleBase().report();
    const SchemaTables schema = readSchemaTables();
    ASSERT_FALSE(schema.facts.empty());
    for (const SchemaFact& expected : schema.facts) {
        const auto id = model->kb().factId(expected.name);
        ASSERT_TRUE(id.has_value()) << "missing fact " << expected.name;
        const engine::Fact& fact = model->kb().fact(*id);
        EXPECT_EQ(typeName(fact.type), expected.type) << expected.name;
        EXPECT_EQ(fact.enumValues, expected.enumValues) << expected.name;
        EXPECT_TRUE(fact.askable) << expected.name << " has no question";
        EXPECT_FALSE(fact.question.in("nl").empty()) << expected.name;
    }
}

TEST(RuleBaseCheck, EverySchemaCauseExistsWithTitleAndFix) {
    const auto& model = bundledRuleBase().model;
    ASSERT_TRUE(model) << bundledRuleBase().report();
    const SchemaTables schema = readSchemaTables();
    EXPECT_EQ(schema.causes.size(), 23u);
    EXPECT_EQ(model->kb().causes.size(), schema.causes.size());
    for (const std::string& name : schema.causes) {
        const auto id = model->kb().causeId(name);
        ASSERT_TRUE(id.has_value()) << "missing cause " << name;
        const engine::Cause& cause = model->kb().cause(*id);
        EXPECT_EQ(cause.title.size(), 2u) << name;
        EXPECT_FALSE(cause.steps.empty()) << name;
        for (const engine::FixStep& step : cause.steps) {
            EXPECT_EQ(step.text.has("nl"), true) << name << "/" << step.id;
            EXPECT_EQ(step.text.has("en"), true) << name << "/" << step.id;
        }
    }
}

TEST(RuleBaseCheck, EmbeddedRulesAreTheSourceTreeRules) {
    std::map<std::string, std::string> onDisk;
    for (const auto& entry : std::filesystem::directory_iterator(rulesDir()))
        if (entry.path().extension() == ".rules")
            onDisk.emplace(entry.path().filename().string(), readText(entry.path().string()));
    ASSERT_FALSE(onDisk.empty());
    EXPECT_EQ(triage::bundledRules(), onDisk) << "rebuild: the embedded rules are stale";
}

TEST(RuleBaseCheck, BundledRulesAreInCanonicalLayout) {
    for (const auto& [name, text] : triage::bundledRules()) {
        const dsl::SourceFile source(name, text);
        const dsl::ParseResult parsed = dsl::parse(source);
        ASSERT_TRUE(parsed.ok()) << name;
        EXPECT_EQ(dsl::formatFile(parsed.file, source), text) << name << ": run `triage fmt rules/`";
    }
}

}  // namespace
}  // namespace triage::rules::testing
