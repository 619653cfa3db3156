// Every subcommand registers itself through one function; each lives in its
// own <name>_command.cpp and sets `exitCode` from its callback.
#pragma once

#include "global_options.hpp"

namespace CLI {
class App;
}

namespace triage::cli {

void registerCheckCommand(CLI::App& app, GlobalOptions& options, int& exitCode);
void registerFormatCommand(CLI::App& app, GlobalOptions& options, int& exitCode);
void registerTestCommand(CLI::App& app, GlobalOptions& options, int& exitCode);
void registerBatchCommand(CLI::App& app, GlobalOptions& options, int& exitCode);
void registerAskCommand(CLI::App& app, GlobalOptions& options, int& exitCode);
void registerGraphCommand(CLI::App& app, GlobalOptions& options, int& exitCode);
void registerExplainCommand(CLI::App& app, GlobalOptions& options, int& exitCode);

inline void registerCommands(CLI::App& app, GlobalOptions& options, int& exitCode) {
    registerAskCommand(app, options, exitCode);
    registerBatchCommand(app, options, exitCode);
    registerCheckCommand(app, options, exitCode);
    registerExplainCommand(app, options, exitCode);
    registerFormatCommand(app, options, exitCode);
    registerGraphCommand(app, options, exitCode);
    registerTestCommand(app, options, exitCode);
}

}  // namespace triage::cli
