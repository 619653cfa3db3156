// `triage graph [--format dot|json] [--cause ID]`: the inference graph (facts,
// rules, causes) as Graphviz dot or JSON, whole or the part reaching a cause.
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "triage/engine/inference_graph.hpp"

namespace triage::cli {

namespace {

nlohmann::json toJson(const engine::GraphData& data) {
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& node : data.nodes) {
        nlohmann::json entry{{"id", node.id}, {"kind", node.kind}, {"label", node.label}};
        if (node.kind == "fact") entry["askable"] = node.askable;
        nodes.push_back(std::move(entry));
    }
    nlohmann::json edges = nlohmann::json::array();
    for (const auto& edge : data.edges) {
        nlohmann::json entry{{"from", edge.from}, {"to", edge.to}, {"kind", edge.kind}};
        if (edge.kind == "supports" || edge.kind == "excludes") entry["certainty"] = edge.certainty;
        edges.push_back(std::move(entry));
    }
    return {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

}  // namespace

void registerGraphCommand(CLI::App& app, GlobalOptions& options, int& exitCode) {
    struct Settings {
        std::string format = "dot";
        std::string cause;
    };
    auto settings = std::make_shared<Settings>();
    CLI::App* command = app.add_subcommand("graph", "Print the inference graph: facts -> rules -> causes");
    command->add_option("--format", settings->format, "dot (Graphviz, default) or json")
        ->check(CLI::IsMember({"dot", "json"}));
    command->add_option("--cause", settings->cause, "Only the facts and rules that can reach this cause");
    command->footer(
        "Render with Graphviz: triage graph | dot -Tsvg > graph.svg\n"
        "Facts are ellipses (bold: askable), rules boxes, causes octagons.\n"
        "Exit codes: 0 printed, 1 rules with errors or an unknown --cause, 2 usage error.");
    command->callback([settings, &options, &exitCode] {
        const auto model = loadModel(options, std::cerr);
        if (!model) {
            exitCode = 1;
            return;
        }
        std::optional<engine::CauseId> only;
        if (!settings->cause.empty()) {
            only = model->kb().causeId(settings->cause);
            if (!only) {
                std::cerr << "triage graph: unknown cause '" << settings->cause << "'\n";
                exitCode = 1;
                return;
            }
        }
        if (settings->format == "json") {
            std::cout << toJson(model->graph().data(only)).dump(2) << "\n";
        } else {
            model->graph().writeGraphviz(std::cout, only);
        }
        exitCode = std::cout ? 0 : 1;
    });
}

}  // namespace triage::cli
