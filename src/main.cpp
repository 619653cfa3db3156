// Entry point of the `triage` command: wires subcommands into CLI11 and maps
// outcomes to exit codes (0 ok, 1 failure found, 2 usage error).
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "global_options.hpp"
#include "truncated_input.hpp"

int main(int argc, char** argv) {
    triage::cli::reportTruncatedMappedInput();
    CLI::App app{"Triage: a rule-engine expert system that asks only the questions that matter."};
    app.set_version_flag("--version", std::string("triage ") + TRIAGE_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Exit codes: 0 success; 1 errors in rules, failed tests or failed batch lines;\n"
        "2 usage error (bad arguments, unreadable input).\n"
        "Without --rules, the rules bundled in the binary are used. NO_COLOR disables colour.");

    triage::cli::GlobalOptions options;
    triage::cli::addGlobalOptions(app, options);
    int exitCode = 0;
    triage::cli::registerCommands(app, options, exitCode);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        return code == 0 ? 0 : 2;
    }
    return exitCode;
}
