// Runs the built `triage` binary (path from the TRIAGE_BINARY compile
// definition) the way a user would, capturing exit code, stdout and stderr.
#pragma once

#include <string>
#include <vector>

namespace triage::cli_test {

struct ProcessResult {
    int exitCode = -1;  // 128 + signal when killed by one
    std::string out;
    std::string err;
};

/// Runs triage with `args`, `input` on stdin, LANG=C and NO_COLOR=1 plus `environment`.
ProcessResult runTriage(const std::vector<std::string>& args, const std::string& input = "",
                        const std::vector<std::string>& environment = {});

/// Runs a /bin/sh command line; `$TRIAGE` in it is the binary's path.
ProcessResult runShell(const std::string& command);

/// A file in tests/cli/data.
std::string dataFile(const std::string& name);
std::string readFile(const std::string& path);
void writeFile(const std::string& path, const std::string& text);
/// A fresh, empty directory for one test.
std::string temporaryDirectory();

/// The lines of `text`, without their line ends.
std::vector<std::string> lines(const std::string& text);

}  // namespace triage::cli_test
