// `triage check [--werror] [FILE|DIR...]`: parse and check rules, print every
// diagnostic and a summary; exit 1 on errors (or warnings with --werror).
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "rule_loading.hpp"

namespace triage::cli {

namespace {

std::string counted(int count, const char* noun) { return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s"); }

}  // namespace

void registerCheckCommand(CLI::App& app, GlobalOptions& options, int& exitCode) {
    struct Settings {
        std::vector<std::string> paths;
        bool werror = false;
    };
    auto settings = std::make_shared<Settings>();
    CLI::App* command = app.add_subcommand("check", "Parse and check rules files; print errors and warnings");
    command->add_option("paths", settings->paths,
                        "Rules files or folders (default: --rules, else the bundled rules)");
    command->add_flag("--werror", settings->werror, "Treat warnings as errors");
    command->footer(
        "Diagnostics and the summary line (\"N errors, M warnings\") go to stderr.\n"
        "Exit codes: 0 clean (warnings allowed), 1 errors or, with --werror, warnings\n"
        "(a missing file is an error), 2 usage error.");
    command->callback([settings, &options, &exitCode] {
        std::vector<std::string> paths = settings->paths;
        if (paths.empty() && !options.rulesPath.empty()) paths.push_back(options.rulesPath);
        const RuleSources sources = paths.empty() ? RuleSources::bundled() : RuleSources::fromDisk(paths);
        const RuleLoadReport report = loadRules(sources, settings->werror, std::cerr, colourAllowed(2));
        std::cerr << counted(report.errors, "error") << ", " << counted(report.warnings, "warning") << "\n";
        const bool failed = report.errors > 0 || (settings->werror && report.warnings > 0) || !report.model;
        exitCode = failed ? 1 : 0;
    });
}

}  // namespace triage::cli
