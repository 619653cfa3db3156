#include "global_options.hpp"

#include <cstdlib>
#include <iostream>
#include <string_view>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "rule_loading.hpp"

namespace triage::cli {

namespace {

spdlog::level::level_enum logLevelFrom(const std::string& name) {
    if (name == "error") return spdlog::level::err;
    if (name == "warn") return spdlog::level::warn;
    if (name == "info") return spdlog::level::info;
    if (name == "debug") return spdlog::level::debug;
    if (name == "trace") return spdlog::level::trace;
    return spdlog::level::off;
}

/// spdlog's default logger writes to stdout; ours goes to stderr, so logging
/// never mixes with a command's output, and is silent until asked for.
void configureLogging(const std::string& level) {
    static const bool installed = [] {
        auto logger = spdlog::stderr_color_mt("triage");
        spdlog::set_default_logger(logger);
        return true;
    }();
    (void)installed;
    spdlog::set_level(logLevelFrom(level));
}

/// The file descriptor behind a standard stream, or -1 for any other stream.
int descriptorOf(const std::ostream& stream) {
    if (&stream == &std::cout) return STDOUT_FILENO;
    if (&stream == &std::cerr || &stream == &std::clog) return STDERR_FILENO;
    return -1;
}

}  // namespace

void addGlobalOptions(CLI::App& app, GlobalOptions& options) {
    configureLogging(options.logLevel);
    // Subcommands created after this inherit fallthrough, so `triage batch
    // --rules x` works as well as `triage --rules x batch`.
    app.fallthrough();
    app.add_option("--rules", options.rulesPath,
                   "A .rules file or a folder of them (default: the rules bundled in the binary)");
    app.add_option("--lang", options.language, "Language of questions and explanations (default: from LANG)")
        ->check(CLI::IsMember({"nl", "en"}));
    app.add_option("--log-level", options.logLevel, "Developer log on stderr (default: off)")
        ->check(CLI::IsMember({"off", "error", "warn", "info", "debug", "trace"}))
        ->each([](const std::string& level) { configureLogging(level); });
}

std::string resolveLanguage(const GlobalOptions& options) {
    if (!options.language.empty()) return options.language;
    const char* lang = std::getenv("LANG");
    if (lang && std::string_view(lang).substr(0, 3) == "nl_") return "nl";
    if (lang && std::string_view(lang) == "nl") return "nl";
    return "en";
}

std::shared_ptr<const engine::Model> loadModel(const GlobalOptions& options, std::ostream& err) {
    const RuleSources sources =
        options.rulesPath.empty() ? RuleSources::bundled() : RuleSources::fromDisk({options.rulesPath});
    const int fd = descriptorOf(err);
    return loadRules(sources, false, err, fd >= 0 && colourAllowed(fd)).model;
}

bool colourAllowed(int fd) {
    if (std::getenv("NO_COLOR")) return false;
    return ::isatty(fd) == 1;
}

}  // namespace triage::cli
