// Runs the built `triage` binary for end-to-end tests of `triage ask`: over
// pipes (scripted stdin, JSON Lines) or on a pseudo-terminal (readline).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triage::test {

/// The rules file the ask tests use, and the binary under test.
std::string printerRules();
std::string triageBinary();

class TriageProcess {
public:
    enum class Input { Pipe, PseudoTerminal };
    using Timeout = std::chrono::milliseconds;
    static constexpr Timeout defaultTimeout{15000};

    /// Starts `triage args...` with LANG=C and TERM=dumb.
    TriageProcess(const std::vector<std::string>& args, Input input);
    ~TriageProcess();
    TriageProcess(const TriageProcess&) = delete;
    TriageProcess& operator=(const TriageProcess&) = delete;

    void send(std::string_view text);
    /// End of input for a pipe (the pseudo-terminal gets Ctrl-D through send).
    void closeInput();

    /// Reads until `text` appears in output not yet consumed; returns that output
    /// up to and including `text`, or nullopt on timeout or end of output.
    std::optional<std::string> readUntil(std::string_view text, Timeout timeout = defaultTimeout);
    /// One line of output without its newline; nullopt at end of output or timeout.
    std::optional<std::string> readLine(Timeout timeout = defaultTimeout);
    /// Everything until the process closes its output.
    std::string readRest(Timeout timeout = defaultTimeout);

    /// Waits for the process; its exit code, or 128 + signal, or -1 on timeout.
    int wait(Timeout timeout = defaultTimeout);

    const std::string& everything() const { return output_; }
    const std::string& errors() const { return errors_; }

private:
    /// Reads what is available within `timeout`; false at end of output or timeout.
    bool pump(Timeout timeout);

    pid_t pid_ = -1;
    int input_ = -1;
    int output_fd_ = -1;
    int errors_fd_ = -1;
    std::string output_;       // everything the process wrote
    std::size_t consumed_ = 0; // how much of output_ readUntil/readLine returned
    std::string errors_;
    std::optional<int> status_;
};

}  // namespace triage::test
