#include "triage/engine/inference_graph.hpp"

#include <algorithm>
#include <deque>

#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include "triage/engine/truth.hpp"

namespace triage::engine {

namespace {

/// Every edge of the knowledge base, rule by rule (its reads, then its
/// conclusions), with its properties: the input of the sparse rows.
InferenceGraph::Graph buildGraph(const KnowledgeBase& kb) {
    using Info = InferenceGraph::EdgeInfo;
    using Kind = InferenceGraph::EdgeKind;
    const std::uint32_t factBase = 0;
    const auto ruleBase = static_cast<std::uint32_t>(kb.facts.size());
    const auto causeBase = static_cast<std::uint32_t>(kb.facts.size() + kb.rules.size());
    std::size_t edgeCount = 0;
    for (const Rule& rule : kb.rules) edgeCount += factsRead(rule.condition).size() + rule.conclusions.size();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
    std::vector<Info> infos;
    ends.reserve(edgeCount);
    infos.reserve(edgeCount);
    for (RuleId rule = 0; rule < kb.rules.size(); ++rule) {
        for (FactId fact : factsRead(kb.rules[rule].condition)) {
            ends.emplace_back(factBase + fact, ruleBase + rule);
            infos.push_back({Kind::Reads, 0});
        }
        for (const auto& conclusion : kb.rules[rule].conclusions) {
            switch (conclusion.kind) {
                case engine::Conclusion::Kind::Sets:
                    ends.emplace_back(ruleBase + rule, factBase + conclusion.fact);
                    infos.push_back({Kind::Sets, 0});
                    break;
                case engine::Conclusion::Kind::Supports:
                    ends.emplace_back(ruleBase + rule, causeBase + conclusion.cause);
                    infos.push_back({Kind::Supports, conclusion.certainty});
                    break;
                case engine::Conclusion::Kind::Excludes:
                    ends.emplace_back(ruleBase + rule, causeBase + conclusion.cause);
                    infos.push_back({Kind::Excludes, conclusion.certainty});
                    break;
            }
        }
    }
    const std::size_t vertexCount = kb.facts.size() + kb.rules.size() + kb.causes.size();
    return InferenceGraph::Graph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), infos.begin(),
                                 vertexCount);
}

}  // namespace

InferenceGraph::InferenceGraph(const KnowledgeBase& kb) : kb_(kb), graph_(buildGraph(kb)) {
    for (FactId fact = 0; fact < kb.facts.size(); ++fact) graph_[factVertex(fact)] = {VertexKind::Fact, fact};
    for (RuleId rule = 0; rule < kb.rules.size(); ++rule) graph_[ruleVertex(rule)] = {VertexKind::Rule, rule};
    for (CauseId cause = 0; cause < kb.causes.size(); ++cause)
        graph_[causeVertex(cause)] = {VertexKind::Cause, cause};
}

template <typename Visit>
void InferenceGraph::forEachEdgeInRuleOrder(Visit&& visit) const {
    // Every edge has a rule at one end. In-edges come sorted by source, which
    // is the ascending order in which factsRead lists (and the graph was given)
    // a rule's reads; out-edges keep the order of the rule's conclusions.
    for (RuleId rule = 0; rule < kb_.rules.size(); ++rule) {
        for (auto [edge, end] = in_edges(ruleVertex(rule), graph_); edge != end; ++edge) visit(*edge);
        for (auto [edge, end] = out_edges(ruleVertex(rule), graph_); edge != end; ++edge) visit(*edge);
    }
}

std::vector<std::vector<RuleId>> InferenceGraph::derivedFactCycles() const {
    std::vector<std::size_t> component(num_vertices(graph_));
    const std::size_t count = boost::strong_components(
            graph_, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, graph_)));
    // The graph alternates fact -> rule -> fact, so a component of more than one
    // vertex is a cycle through derived facts.
    std::vector<std::size_t> size(count, 0);
    for (std::size_t c : component) ++size[c];
    std::vector<std::vector<RuleId>> rulesOf(count);
    for (RuleId rule = 0; rule < kb_.rules.size(); ++rule) {
        const std::size_t c = component[ruleVertex(rule)];
        if (size[c] > 1) rulesOf[c].push_back(rule);
    }
    std::vector<std::vector<RuleId>> cycles;
    for (auto& rules : rulesOf)
        if (!rules.empty()) cycles.push_back(std::move(rules));
    std::sort(cycles.begin(), cycles.end());
    return cycles;
}

std::vector<std::uint32_t> InferenceGraph::ruleLevels() const {
    std::vector<Vertex> order;
    boost::topological_sort(graph_, std::back_inserter(order));  // reverse topological order
    std::vector<std::uint32_t> level(num_vertices(graph_), 0);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const Vertex vertex = *it;
        std::uint32_t highest = 0;
        for (auto [edge, end] = in_edges(vertex, graph_); edge != end; ++edge) {
            const Vertex from = source(*edge, graph_);
            // A derived fact sits one level above its setters; a rule at the level of its inputs.
            const std::uint32_t step = graph_[from].kind == VertexKind::Rule ? 1 : 0;
            highest = std::max(highest, level[from] + step);
        }
        level[vertex] = highest;
    }
    std::vector<std::uint32_t> rules(kb_.rules.size());
    for (RuleId rule = 0; rule < kb_.rules.size(); ++rule) rules[rule] = level[ruleVertex(rule)];
    return rules;
}

std::vector<CauseId> InferenceGraph::unreachableCauses() const {
    std::vector<bool> seen(num_vertices(graph_), false);
    std::deque<Vertex> queue;
    auto visit = [&](Vertex vertex) {
        if (!seen[vertex]) {
            seen[vertex] = true;
            queue.push_back(vertex);
        }
    };
    for (FactId fact = 0; fact < kb_.facts.size(); ++fact) {
        const bool derived = in_degree(factVertex(fact), graph_) > 0;
        if (kb_.facts[fact].askable || !derived) visit(factVertex(fact));
    }
    for (RuleId rule = 0; rule < kb_.rules.size(); ++rule)
        if (in_degree(ruleVertex(rule), graph_) == 0) visit(ruleVertex(rule));  // unconditional rule
    while (!queue.empty()) {
        const Vertex vertex = queue.front();
        queue.pop_front();
        for (auto [edge, end] = out_edges(vertex, graph_); edge != end; ++edge) visit(target(*edge, graph_));
    }
    std::vector<CauseId> unreachable;
    for (CauseId cause = 0; cause < kb_.causes.size(); ++cause)
        if (!seen[causeVertex(cause)]) unreachable.push_back(cause);
    return unreachable;
}

std::vector<bool> InferenceGraph::reaching(Vertex target) const {
    std::vector<bool> seen(num_vertices(graph_), false);
    std::vector<Vertex> stack{target};
    seen[target] = true;
    while (!stack.empty()) {
        const Vertex vertex = stack.back();
        stack.pop_back();
        for (auto [edge, end] = in_edges(vertex, graph_); edge != end; ++edge) {
            const Vertex from = source(*edge, graph_);
            if (!seen[from]) {
                seen[from] = true;
                stack.push_back(from);
            }
        }
    }
    return seen;
}

std::vector<FactId> InferenceGraph::askableFactsAffecting(CauseId cause) const {
    const std::vector<bool> seen = reaching(causeVertex(cause));
    std::vector<FactId> facts;
    for (FactId fact = 0; fact < kb_.facts.size(); ++fact)
        if (seen[factVertex(fact)] && kb_.facts[fact].askable) facts.push_back(fact);
    return facts;
}

std::vector<CauseId> InferenceGraph::causesReachedBy(RuleId rule) const {
    std::vector<bool> seen(num_vertices(graph_), false);
    std::vector<Vertex> stack{ruleVertex(rule)};
    seen[ruleVertex(rule)] = true;
    std::vector<CauseId> causes;
    while (!stack.empty()) {
        const Vertex vertex = stack.back();
        stack.pop_back();
        if (graph_[vertex].kind == VertexKind::Cause) causes.push_back(graph_[vertex].id);
        for (auto [edge, end] = out_edges(vertex, graph_); edge != end; ++edge) {
            const Vertex to = target(*edge, graph_);
            if (!seen[to]) {
                seen[to] = true;
                stack.push_back(to);
            }
        }
    }
    std::sort(causes.begin(), causes.end());
    return causes;
}

std::string InferenceGraph::vertexName(Vertex vertex) const {
    const VertexInfo& info = graph_[vertex];
    switch (info.kind) {
        case VertexKind::Fact: return kb_.facts[info.id].name;
        case VertexKind::Rule: return kb_.rules[info.id].name;
        case VertexKind::Cause: return kb_.causes[info.id].name;
    }
    return {};
}

std::string InferenceGraph::vertexId(Vertex vertex) const {
    static const char* const prefix[] = {"fact:", "rule:", "cause:"};
    return prefix[static_cast<int>(graph_[vertex].kind)] + vertexName(vertex);
}

namespace {

const char* edgeKindName(InferenceGraph::EdgeKind kind) {
    switch (kind) {
        case InferenceGraph::EdgeKind::Reads: return "reads";
        case InferenceGraph::EdgeKind::Sets: return "sets";
        case InferenceGraph::EdgeKind::Supports: return "supports";
        case InferenceGraph::EdgeKind::Excludes: return "excludes";
    }
    return "";
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace

void InferenceGraph::writeGraphviz(std::ostream& out, std::optional<CauseId> onlyCause) const {
    const std::vector<bool> keep =
            onlyCause ? reaching(causeVertex(*onlyCause)) : std::vector<bool>(num_vertices(graph_), true);
    // The layout of boost::write_graphviz, which this replaces (it would list
    // the edges by source vertex, not in rule order).
    out << "digraph G {\n" << "rankdir=LR;\n";
    for (Vertex vertex = 0; vertex < num_vertices(graph_); ++vertex) {
        if (!keep[vertex]) continue;
        const VertexInfo& info = graph_[vertex];
        out << vertex << "[label=" << quoted(vertexName(vertex));
        switch (info.kind) {
            case VertexKind::Fact:
                out << ", shape=ellipse" << (kb_.facts[info.id].askable ? ", style=bold" : ", style=dashed");
                break;
            case VertexKind::Rule: out << ", shape=box"; break;
            case VertexKind::Cause: out << ", shape=doubleoctagon"; break;
        }
        out << "];\n";
    }
    forEachEdgeInRuleOrder([&](Graph::edge_descriptor edge) {
        const Vertex from = source(edge, graph_);
        const Vertex to = target(edge, graph_);
        if (!keep[from] || !keep[to]) return;
        out << from << "->" << to << " ";
        const EdgeInfo& info = graph_[edge];
        switch (info.kind) {
            case EdgeKind::Reads: break;
            case EdgeKind::Sets: out << "[style=dashed]"; break;
            case EdgeKind::Supports: out << "[label=\"+" << info.certainty << "\", color=darkgreen]"; break;
            case EdgeKind::Excludes: out << "[label=\"-" << info.certainty << "\", color=red]"; break;
        }
        out << ";\n";
    });
    out << "}\n";
}

GraphData InferenceGraph::data(std::optional<CauseId> onlyCause) const {
    const std::vector<bool> keep =
            onlyCause ? reaching(causeVertex(*onlyCause)) : std::vector<bool>(num_vertices(graph_), true);
    static const char* const kindName[] = {"fact", "rule", "cause"};
    GraphData data;
    for (Vertex vertex = 0; vertex < num_vertices(graph_); ++vertex) {
        if (!keep[vertex]) continue;
        const VertexInfo& info = graph_[vertex];
        data.nodes.push_back({vertexId(vertex), kindName[static_cast<int>(info.kind)], vertexName(vertex),
                              info.kind == VertexKind::Fact && kb_.facts[info.id].askable});
    }
    forEachEdgeInRuleOrder([&](Graph::edge_descriptor edge) {
        const Vertex from = source(edge, graph_);
        const Vertex to = target(edge, graph_);
        if (!keep[from] || !keep[to]) return;
        data.edges.push_back({vertexId(from), vertexId(to), edgeKindName(graph_[edge].kind), graph_[edge].certainty});
    });
    return data;
}

}  // namespace triage::engine
