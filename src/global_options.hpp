// Options every subcommand shares (--rules, --lang, --log-level) and the one
// way the CLI turns them into a ready engine::Model.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "triage/engine/model.hpp"

namespace CLI {
class App;
}

namespace triage::cli {

struct GlobalOptions {
    std::string rulesPath;   // empty: the bundled rules embedded in the binary
    std::string language;    // "nl" or "en"; empty: from LANG, else English
    std::string logLevel = "off";
};

/// Adds --rules, --lang and --log-level to `app` (inherited by subcommands).
void addGlobalOptions(CLI::App& app, GlobalOptions& options);

/// "nl" or "en": --lang, else LANG=nl_* -> "nl", else "en".
std::string resolveLanguage(const GlobalOptions& options);

/// Loads and compiles the rules; prints diagnostics to `err` (colour when err
/// is a terminal and NO_COLOR is unset). nullptr when there were errors.
std::shared_ptr<const engine::Model> loadModel(const GlobalOptions& options, std::ostream& err);

/// True when colour may be used on this stream's file descriptor.
bool colourAllowed(int fd);

}  // namespace triage::cli
