#include "triage/engine/inference_graph.hpp"

#include <algorithm>
#include <deque>
#include <functional>

#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include "triage/engine/truth.hpp"

namespace triage::engine {

InferenceGraph::InferenceGraph(const KnowledgeBase& kb)
    // All vertices at once: adding them one by one grows the vertex vector by
    // doubling, which at 100,000 rules leaves megabytes of slack.
    : kb_(kb), graph_(kb.facts.size() + kb.rules.size() + kb.causes.size()) {
    for (FactId fact = 0; fact < kb.facts.size(); ++fact) graph_[factVertex(fact)] = {VertexKind::Fact, fact};
    for (RuleId rule = 0; rule < kb.rules.size(); ++rule) graph_[ruleVertex(rule)] = {VertexKind::Rule, rule};
    for (CauseId cause = 0; cause < kb.causes.size(); ++cause)
        graph_[causeVertex(cause)] = {VertexKind::Cause, cause};

    for (RuleId rule = 0; rule < kb.rules.size(); ++rule) {
        for (FactId fact : factsRead(kb.rules[rule].condition))
            add_edge(factVertex(fact), ruleVertex(rule), EdgeInfo{EdgeKind::Reads, 0}, graph_);
        for (const auto& conclusion : kb.rules[rule].conclusions) {
            switch (conclusion.kind) {
                case engine::Conclusion::Kind::Sets:
                    add_edge(ruleVertex(rule), factVertex(conclusion.fact), EdgeInfo{EdgeKind::Sets, 0}, graph_);
                    break;
                case engine::Conclusion::Kind::Supports:
                    add_edge(ruleVertex(rule), causeVertex(conclusion.cause),
                             EdgeInfo{EdgeKind::Supports, conclusion.certainty}, graph_);
                    break;
                case engine::Conclusion::Kind::Excludes:
                    add_edge(ruleVertex(rule), causeVertex(conclusion.cause),
                             EdgeInfo{EdgeKind::Excludes, conclusion.certainty}, graph_);
                    break;
            }
        }
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
    auto keepVertex = [&keep](Vertex vertex) { return static_cast<bool>(keep[vertex]); };
    auto keepEdge = [this, &keep](Graph::edge_descriptor edge) {
        return keep[source(edge, graph_)] && keep[target(edge, graph_)];
    };
    boost::filtered_graph<Graph, std::function<bool(Graph::edge_descriptor)>, std::function<bool(Vertex)>>
            view(graph_, keepEdge, keepVertex);

    auto writeVertex = [this](std::ostream& os, Vertex vertex) {
        const VertexInfo& info = graph_[vertex];
        os << "[label=" << quoted(vertexName(vertex));
        switch (info.kind) {
            case VertexKind::Fact:
                os << ", shape=ellipse" << (kb_.facts[info.id].askable ? ", style=bold" : ", style=dashed");
                break;
            case VertexKind::Rule: os << ", shape=box"; break;
            case VertexKind::Cause: os << ", shape=doubleoctagon"; break;
        }
        os << "]";
    };
    auto writeEdge = [this](std::ostream& os, Graph::edge_descriptor edge) {
        const EdgeInfo& info = graph_[edge];
        switch (info.kind) {
            case EdgeKind::Reads: break;
            case EdgeKind::Sets: os << "[style=dashed]"; break;
            case EdgeKind::Supports: os << "[label=\"+" << info.certainty << "\", color=darkgreen]"; break;
            case EdgeKind::Excludes: os << "[label=\"-" << info.certainty << "\", color=red]"; break;
        }
    };
    boost::write_graphviz(out, view, writeVertex, writeEdge,
                          [](std::ostream& os) { os << "rankdir=LR;\n"; });
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
    for (auto [edge, end] = edges(graph_); edge != end; ++edge) {
        const Vertex from = source(*edge, graph_);
        const Vertex to = target(*edge, graph_);
        if (!keep[from] || !keep[to]) continue;
        data.edges.push_back({vertexId(from), vertexId(to), edgeKindName(graph_[*edge].kind),
                              graph_[*edge].certainty});
    }
    return data;
}

}  // namespace triage::engine
