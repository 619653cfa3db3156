// The inference graph of a knowledge base (Boost.Graph): facts, rules and
// causes as vertices; what each rule reads, sets and concludes as edges.
// It finds cycles among derived facts, orders rules topologically, answers
// reachability questions and exports itself as Graphviz or plain data.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "triage/engine/knowledge_base.hpp"

namespace triage::engine {

/// The graph as plain vectors, for JSON output.
struct GraphData {
    struct Node {
        std::string id;     // "fact:error_code", "rule:hardware_code", "cause:hardware_changed"
        std::string kind;   // "fact", "rule", "cause"
        std::string label;  // the declared name
        bool askable = false;
    };
    struct Edge {
        std::string from;
        std::string to;
        std::string kind;  // "reads", "sets", "supports", "excludes"
        double certainty = 0;  // supports / excludes
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
};

class InferenceGraph {
public:
    enum class VertexKind : std::uint8_t { Fact, Rule, Cause };
    enum class EdgeKind : std::uint8_t { Reads, Sets, Supports, Excludes };
    struct VertexInfo {
        VertexKind kind = VertexKind::Fact;
        std::uint32_t id = 0;  // FactId, RuleId or CauseId
    };
    struct EdgeInfo {
        EdgeKind kind = EdgeKind::Reads;
        double certainty = 0;
    };
    // Compressed sparse rows with 32-bit vertex and edge indexes: ~11 MB at
    // 100,000 rules, where an adjacency_list (a list node per edge, two
    // vectors per vertex) took ~35 MB at the peak of the load.
    using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, VertexInfo, EdgeInfo, boost::no_property,
                                                     std::uint32_t, std::uint32_t>;
    using Vertex = Graph::vertex_descriptor;

    /// `kb` must outlive the graph (the Model owns both).
    explicit InferenceGraph(const KnowledgeBase& kb);

    const Graph& graph() const { return graph_; }
    Vertex factVertex(FactId fact) const { return fact; }
    Vertex ruleVertex(RuleId rule) const { return kb_.facts.size() + rule; }
    Vertex causeVertex(CauseId cause) const { return kb_.facts.size() + kb_.rules.size() + cause; }

    /// Each cycle among derived facts as the rules on it (ascending RuleId).
    std::vector<std::vector<RuleId>> derivedFactCycles() const;

    /// Per rule, its evaluation level: 0 when it reads no derived fact, else one
    /// more than the highest level of the rules that set what it reads. Rules
    /// are evaluated level by level. Requires derivedFactCycles() to be empty.
    std::vector<std::uint32_t> ruleLevels() const;

    /// Causes that no askable or given fact (and no unconditional rule) reaches.
    std::vector<CauseId> unreachableCauses() const;

    /// Askable facts whose answer can still affect `cause` (reverse reachability).
    std::vector<FactId> askableFactsAffecting(CauseId cause) const;

    /// Causes a rule's conclusions reach, directly or through derived facts.
    std::vector<CauseId> causesReachedBy(RuleId rule) const;

    /// Graphviz dot: ellipses for facts (bold when askable), boxes for rules,
    /// octagons for causes. With `onlyCause`, just the part that can reach it.
    void writeGraphviz(std::ostream& out, std::optional<CauseId> onlyCause = std::nullopt) const;

    /// The same (sub)graph as data.
    GraphData data(std::optional<CauseId> onlyCause = std::nullopt) const;

private:
    std::vector<bool> reaching(Vertex target) const;  // vertices with a path to target
    /// Calls visit(edge) for every edge in the order the rules declare them
    /// (each rule's reads, then its conclusions), which is the order of the
    /// Graphviz and JSON output; the rows themselves are sorted by source.
    template <typename Visit>
    void forEachEdgeInRuleOrder(Visit&& visit) const;
    std::string vertexId(Vertex vertex) const;
    std::string vertexName(Vertex vertex) const;

    const KnowledgeBase& kb_;
    Graph graph_;
};

}  // namespace triage::engine
