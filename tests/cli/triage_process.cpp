#include "triage_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace triage::cli_test {

namespace {

namespace fs = std::filesystem;

ProcessResult spawn(const std::vector<std::string>& argv, const std::string& input,
                    const std::vector<std::string>& environment) {
    const std::string dir = temporaryDirectory();
    const std::string inPath = dir + "/stdin", outPath = dir + "/stdout", errPath = dir + "/stderr";
    writeFile(inPath, input);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, inPath.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);

    // The parent's environment minus what would change the output, then ours.
    std::vector<std::string> env;
    for (char** entry = environ; *entry; ++entry) {
        const std::string_view text(*entry);
        if (text.rfind("LANG=", 0) == 0 || text.rfind("LC_", 0) == 0 || text.rfind("NO_COLOR=", 0) == 0) continue;
        env.emplace_back(text);
    }
    env.emplace_back("LANG=C");
    env.emplace_back("NO_COLOR=1");
    for (const std::string& extra : environment) env.push_back(extra);

    std::vector<char*> args, envp;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    for (const std::string& entry : env) envp.push_back(const_cast<char*>(entry.c_str()));
    envp.push_back(nullptr);

    pid_t pid = 0;
    const int failed = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (failed) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(failed));
    int status = 0;
    waitpid(pid, &status, 0);

    ProcessResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = readFile(outPath);
    result.err = readFile(errPath);
    fs::remove_all(dir);
    return result;
}

}  // namespace

ProcessResult runTriage(const std::vector<std::string>& args, const std::string& input,
                        const std::vector<std::string>& environment) {
    std::vector<std::string> argv{TRIAGE_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return spawn(argv, input, environment);
}

ProcessResult runShell(const std::string& command) {
    return spawn({"/bin/sh", "-c", command}, "", {std::string("TRIAGE=") + TRIAGE_BINARY});
}

std::string dataFile(const std::string& name) { return std::string(CLI_TEST_DATA) + "/" + name; }

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

std::string temporaryDirectory() {
    std::string pattern = (fs::temp_directory_path() / "triage-cli-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> result;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) result.push_back(line);
    return result;
}

}  // namespace triage::cli_test
