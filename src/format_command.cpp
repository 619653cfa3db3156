// `triage fmt [--check] FILE|DIR...`: rewrite rules files in canonical layout.
// A file that does not parse is left alone and its syntax errors reported.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "triage/dsl/diagnostic.hpp"
#include "triage/dsl/formatter.hpp"
#include "triage/dsl/parser.hpp"

namespace triage::cli {

namespace {

namespace fs = std::filesystem;

/// Files as given; folders expand to the .rules files directly inside, sorted.
std::vector<std::string> expandPaths(const std::vector<std::string>& paths) {
    std::vector<std::string> files;
    for (const std::string& path : paths) {
        std::error_code error;
        if (!fs::is_directory(path, error)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::string> inside;
        for (const auto& entry : fs::directory_iterator(path, error))
            if (entry.is_regular_file() && entry.path().extension() == ".rules") inside.push_back(entry.path().string());
        std::sort(inside.begin(), inside.end());
        files.insert(files.end(), inside.begin(), inside.end());
    }
    return files;
}

bool readFile(const std::string& path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    return !in.bad();
}

/// Replaces the file through a temporary, so an interrupted run never leaves half a file.
bool writeFile(const std::string& path, const std::string& text) {
    const std::string temporary = path + ".fmt-tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out || !(out << text) || !out.flush()) return false;
    }
    std::error_code error;
    fs::rename(temporary, path, error);
    return !error;
}

}  // namespace

void registerFormatCommand(CLI::App& app, GlobalOptions& /*options*/, int& exitCode) {
    struct Settings {
        std::vector<std::string> paths;
        bool check = false;
    };
    auto settings = std::make_shared<Settings>();
    CLI::App* command = app.add_subcommand("fmt", "Rewrite rules files in canonical layout (comments are kept)");
    command->add_option("paths", settings->paths, "Rules files, or folders of them")->required();
    command->add_flag("--check", settings->check,
                      "Write nothing; list the files that would change (stdout) and exit 1 if any");
    command->footer(
        "Files with syntax errors are not touched; their errors go to stderr.\n"
        "Exit codes: 0 done (or, with --check, nothing to change), 1 syntax errors,\n"
        "unwritable files or, with --check, files that would change; 2 usage error.");
    command->callback([settings, &exitCode] {
        const bool colour = colourAllowed(2);
        bool failed = false;
        for (const std::string& path : expandPaths(settings->paths)) {
            std::string text;
            if (!readFile(path, text)) {
                std::cerr << path << ": error: cannot read the file\n";
                failed = true;
                continue;
            }
            const dsl::SourceFile source(path, text);
            const dsl::ParseResult parsed = dsl::parse(source);
            if (!parsed.ok()) {
                for (const dsl::Diagnostic& diagnostic : parsed.diagnostics)
                    std::cerr << dsl::format(diagnostic, {colour});
                failed = true;
                continue;
            }
            const std::string formatted = dsl::formatFile(parsed.file, source);
            if (formatted == text) continue;
            if (settings->check) {
                std::cout << path << "\n";
                failed = true;
            } else if (!writeFile(path, formatted)) {
                std::cerr << path << ": error: cannot write the file\n";
                failed = true;
            }
        }
        exitCode = failed ? 1 : 0;
    });
}

}  // namespace triage::cli
