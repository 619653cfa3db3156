// The inference graph: cycles, levels, reachability and export.
#include <gtest/gtest.h>

#include <sstream>

#include "knowledge_base_builder.hpp"
#include "triage/engine/inference_graph.hpp"

namespace triage::engine::testing {
namespace {

TEST(InferenceGraphTest, CycleAmongDerivedFactsIsAnErrorNamingItsRules) {
    KnowledgeBaseBuilder builder;
    const FactId x = builder.boolFact("x", false);
    const FactId y = builder.boolFact("y", false);
    const FactId a = builder.boolFact("a");
    const CauseId c = builder.cause("c");
    builder.rule("fine", is(a), {supports(c, 0.5)});
    builder.rule("x_from_y", is(y), {sets(x)});
    builder.rule("y_from_x", is(x) && is(a), {sets(y)});
    std::vector<ModelIssue> issues;
    EXPECT_EQ(builder.model(issues), nullptr);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].severity, ModelIssue::Severity::Error);
    EXPECT_EQ(issues[0].id, "derived-cycle");
    EXPECT_NE(issues[0].message.find("'x_from_y', 'y_from_x'"), std::string::npos) << issues[0].message;
    EXPECT_NE(issues[0].message.find("'x'"), std::string::npos);
    EXPECT_EQ(issues[0].origin.line, 101);  // x_from_y, the first rule on the cycle
}

TEST(InferenceGraphTest, RuleLevelsFollowDerivedFacts) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId d1 = builder.boolFact("d1", false);
    const FactId d2 = builder.boolFact("d2", false);
    const CauseId c = builder.cause("c");
    const RuleId top = builder.rule("uses_d2", is(d2), {supports(c, 0.5)});
    const RuleId middle = builder.rule("sets_d2", is(d1) && is(a), {sets(d2)});
    const RuleId bottom = builder.rule("sets_d1", is(a), {sets(d1)});
    const auto kb = builder.build();
    InferenceGraph graph(*kb);
    EXPECT_TRUE(graph.derivedFactCycles().empty());
    const auto levels = graph.ruleLevels();
    EXPECT_EQ(levels[bottom], 0u);
    EXPECT_EQ(levels[middle], 1u);
    EXPECT_EQ(levels[top], 2u);
}

TEST(InferenceGraphTest, UnreachableCauseWarningFromModel) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const CauseId c = builder.cause("c");
    builder.cause("lonely");
    builder.rule("r", is(a), {supports(c, 0.5)});
    std::vector<ModelIssue> issues;
    ASSERT_NE(builder.model(issues), nullptr);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].severity, ModelIssue::Severity::Warning);
    EXPECT_EQ(issues[0].id, "unreachable-cause");
    EXPECT_NE(issues[0].message.find("'lonely'"), std::string::npos);
}

TEST(InferenceGraphTest, AskableFactsAffectingACauseFollowDerivedFacts) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId b = builder.boolFact("b");
    const FactId unrelated = builder.boolFact("unrelated");
    const FactId d = builder.boolFact("d", false);
    const CauseId c = builder.cause("c");
    const CauseId other = builder.cause("other");
    builder.rule("sets_d", is(a), {sets(d)});
    builder.rule("uses_d", is(d) && is(b), {supports(c, 0.5)});
    builder.rule("other", is(unrelated), {supports(other, 0.5)});
    InferenceGraph graph(*builder.build());
    EXPECT_EQ(graph.askableFactsAffecting(c), (std::vector<FactId>{a, b}));
    EXPECT_EQ(graph.askableFactsAffecting(other), (std::vector<FactId>{unrelated}));
    EXPECT_EQ(graph.causesReachedBy(0), (std::vector<CauseId>{c}));
}

TEST(InferenceGraphTest, GraphvizHasLabelsShapesAndCanBeRestricted) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId b = builder.boolFact("b");
    const CauseId c = builder.cause("cause_c");
    const CauseId other = builder.cause("cause_other");
    builder.rule("rule_c", is(a), {supports(c, 0.7)});
    builder.rule("rule_other", is(b), {excludes(other, 0.4)});
    InferenceGraph graph(*builder.build());

    std::ostringstream all;
    graph.writeGraphviz(all);
    const std::string dot = all.str();
    EXPECT_EQ(dot.rfind("digraph", 0), 0u);
    EXPECT_NE(dot.find("label=\"rule_c\", shape=box"), std::string::npos) << dot;
    EXPECT_NE(dot.find("label=\"cause_c\", shape=doubleoctagon"), std::string::npos);
    EXPECT_NE(dot.find("label=\"a\", shape=ellipse, style=bold"), std::string::npos);
    EXPECT_NE(dot.find("label=\"+0.7\""), std::string::npos);
    EXPECT_NE(dot.find("label=\"-0.4\""), std::string::npos);

    std::ostringstream only;
    graph.writeGraphviz(only, c);
    EXPECT_NE(only.str().find("rule_c"), std::string::npos);
    EXPECT_EQ(only.str().find("rule_other"), std::string::npos);

    const GraphData data = graph.data(c);
    ASSERT_EQ(data.nodes.size(), 3u);
    EXPECT_EQ(data.nodes[0].id, "fact:a");
    EXPECT_TRUE(data.nodes[0].askable);
    ASSERT_EQ(data.edges.size(), 2u);
    EXPECT_EQ(data.edges[1].kind, "supports");
    EXPECT_DOUBLE_EQ(data.edges[1].certainty, 0.7);
}

TEST(InferenceGraphTest, ModelBuildsItsGraphAgainOnFirstUse) {
    // Model::build lets its graph go; graph() must give the same graph back.
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId d = builder.boolFact("d", false);
    const CauseId c = builder.cause("c");
    builder.rule("sets_d", is(a), {sets(d)});
    builder.rule("uses_d", is(d), {supports(c, 0.5)});
    const auto model = builder.model();
    ASSERT_NE(model, nullptr);
    const InferenceGraph& graph = model->graph();
    EXPECT_EQ(&graph, &model->graph());  // built once
    EXPECT_EQ(graph.causesReachedBy(0), (std::vector<CauseId>{c}));
    std::ostringstream fromModel, fresh;
    graph.writeGraphviz(fromModel);
    InferenceGraph(model->kb()).writeGraphviz(fresh);
    EXPECT_EQ(fromModel.str(), fresh.str());
}

}  // namespace
}  // namespace triage::engine::testing
