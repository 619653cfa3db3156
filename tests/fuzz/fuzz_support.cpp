#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "triage/dsl/compiler.hpp"
#include "triage/dsl/loader.hpp"

namespace triage::fuzz {
namespace {

std::shared_ptr<const engine::Model> compileOrDie(const std::string& path) {
    const dsl::Program program = dsl::load({path}, dsl::DiskSources{});
    const dsl::CompileResult compiled = dsl::compile(program);
    if (!compiled.knowledgeBase) {
        std::fprintf(stderr, "fuzz: %s does not compile\n", path.c_str());
        for (const auto& diagnostic : compiled.diagnostics) std::fputs(dsl::format(diagnostic).c_str(), stderr);
        std::abort();
    }
    std::vector<engine::ModelIssue> issues;
    return engine::Model::build(compiled.knowledgeBase, issues);
}

}  // namespace

const std::shared_ptr<const engine::Model>& model(std::uint8_t selector) {
    static const std::vector<std::shared_ptr<const engine::Model>> models{
        compileOrDie(TRIAGE_FUZZ_RULES_DIR),
        compileOrDie(TRIAGE_FUZZ_RULES_DIR "/../tests/cli/data/mini.rules"),
        compileOrDie(TRIAGE_FUZZ_RULES_DIR "/../tests/cli_ask/data/printer.rules"),
    };
    return models[selector % models.size()];
}

StdinReplacement::StdinReplacement(std::string text)
    : input_(std::make_unique<std::istringstream>(std::move(text))), previous_(std::cin.rdbuf(input_->rdbuf())) {
    std::cin.clear();
}

StdinReplacement::~StdinReplacement() {
    std::cin.rdbuf(previous_);
    std::cin.clear();
}

void requireJsonLines(std::string_view output, std::string_view what) {
    std::size_t number = 0;
    while (!output.empty()) {
        const std::size_t end = output.find('\n');
        if (end == std::string_view::npos) {
            std::fprintf(stderr, "fuzz: %.*s output does not end with a line end\n", int(what.size()), what.data());
            std::abort();
        }
        const std::string_view line = output.substr(0, end);
        output.remove_prefix(end + 1);
        ++number;
        if (!nlohmann::json::accept(line)) {
            std::fprintf(stderr, "fuzz: %.*s output line %zu is not JSON: %.*s\n", int(what.size()), what.data(),
                         number, int(line.size()), line.data());
            std::abort();
        }
    }
}

}  // namespace triage::fuzz
