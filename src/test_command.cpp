// `triage test [FILE|DIR...]`: runs every `test` block of the rules and
// reports failures compiler-style, then "N passed, N failed".
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "rule_loading.hpp"
#include "triage/engine/evaluation.hpp"

namespace triage::cli {

void registerTestCommand(CLI::App& app, GlobalOptions& options, int& exitCode) {
    auto paths = std::make_shared<std::vector<std::string>>();
    CLI::App* command = app.add_subcommand("test", "Run the test blocks of rules files");
    command->add_option("paths", *paths, "Rules files or folders (default: --rules, else the bundled rules)");
    command->footer(
        "Each failure is printed as `file:line:col: test \"name\": message`; the last line\n"
        "of stdout is `N passed, N failed`. Exit codes: 0 all passed, 1 a test failed or\n"
        "the rules have errors, 2 usage error.");
    command->callback([paths, &options, &exitCode] {
        std::vector<std::string> roots = *paths;
        if (roots.empty() && !options.rulesPath.empty()) roots.push_back(options.rulesPath);
        const RuleSources sources = roots.empty() ? RuleSources::bundled() : RuleSources::fromDisk(roots);
        const RuleLoadReport loaded = loadRules(sources, false, std::cerr, colourAllowed(2));
        if (!loaded.model) {
            exitCode = 1;
            return;
        }
        std::size_t passed = 0;
        std::size_t failed = 0;
        for (const engine::RuleTest& test : loaded.model->kb().tests) {
            const std::vector<engine::TestFailure> failures = engine::runTest(loaded.model, test);
            if (failures.empty()) {
                ++passed;
                continue;
            }
            ++failed;
            for (const engine::TestFailure& failure : failures) {
                const engine::Origin& at = failure.origin;
                std::cout << fmt::format("{}:{}:{}: test \"{}\": {}\n", at.file.str(), at.line, at.column, test.name,
                                         failure.message);
            }
        }
        std::cout << passed << " passed, " << failed << " failed\n";
        exitCode = failed ? 1 : 0;
    });
}

}  // namespace triage::cli
