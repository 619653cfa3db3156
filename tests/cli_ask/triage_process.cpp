#include "triage_process.hpp"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace triage::test {
namespace {

[[noreturn]] void execTriage(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    std::string binary = triageBinary();
    argv.push_back(binary.data());
    std::vector<std::string> copies = args;
    for (auto& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    setenv("LANG", "C", 1);
    unsetenv("LC_ALL");
    setenv("TERM", "dumb", 1);  // no colour or bracketed-paste sequences in the transcript
    execv(binary.c_str(), argv.data());
    _exit(127);
}

}  // namespace

std::string printerRules() { return std::string(TRIAGE_ASK_TEST_DATA) + "/printer.rules"; }
std::string triageBinary() { return TRIAGE_BINARY; }

TriageProcess::TriageProcess(const std::vector<std::string>& args, Input input) {
    if (input == Input::PseudoTerminal) {
        int terminal = -1;
        pid_ = forkpty(&terminal, nullptr, nullptr, nullptr);
        if (pid_ < 0) throw std::runtime_error("forkpty failed");
        if (pid_ == 0) execTriage(args);
        input_ = terminal;
        output_fd_ = terminal;
        return;
    }
    int in[2], out[2], err[2];
    if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        dup2(in[0], STDIN_FILENO);
        dup2(out[1], STDOUT_FILENO);
        dup2(err[1], STDERR_FILENO);
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
        execTriage(args);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    input_ = in[1];
    output_fd_ = out[0];
    errors_fd_ = err[0];
}

TriageProcess::~TriageProcess() {
    if (!status_ && pid_ > 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    if (input_ >= 0 && input_ != output_fd_) close(input_);
    if (output_fd_ >= 0) close(output_fd_);
    if (errors_fd_ >= 0) close(errors_fd_);
}

void TriageProcess::send(std::string_view text) {
    while (!text.empty()) {
        const ssize_t written = write(input_, text.data(), text.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

void TriageProcess::closeInput() {
    if (input_ >= 0 && input_ != output_fd_) close(input_);
    input_ = -1;
}

bool TriageProcess::pump(Timeout timeout) {
    if (output_fd_ < 0) return false;
    pollfd fds[2] = {{output_fd_, POLLIN, 0}, {errors_fd_, POLLIN, 0}};
    const nfds_t count = errors_fd_ >= 0 ? 2 : 1;
    if (poll(fds, count, static_cast<int>(timeout.count())) <= 0) return false;
    char buffer[4096];
    if (count == 2 && (fds[1].revents & (POLLIN | POLLHUP))) {
        const ssize_t got = read(errors_fd_, buffer, sizeof buffer);
        if (got > 0) errors_.append(buffer, static_cast<std::size_t>(got));
        else {
            close(errors_fd_);
            errors_fd_ = -1;
        }
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
        // A pseudo-terminal reports EIO once the child has gone: that is end of output too.
        const ssize_t got = read(output_fd_, buffer, sizeof buffer);
        if (got <= 0) {
            if (input_ == output_fd_) input_ = -1;
            close(output_fd_);
            output_fd_ = -1;
            return false;
        }
        output_.append(buffer, static_cast<std::size_t>(got));
    }
    return true;
}

std::optional<std::string> TriageProcess::readUntil(std::string_view text, Timeout timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto found = output_.find(text, consumed_);
        if (found != std::string::npos) {
            std::string part = output_.substr(consumed_, found + text.size() - consumed_);
            consumed_ = found + text.size();
            return part;
        }
        const auto left = std::chrono::duration_cast<Timeout>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !pump(left)) {
            if (output_fd_ < 0 && output_.find(text, consumed_) != std::string::npos) continue;
            return std::nullopt;
        }
    }
}

std::optional<std::string> TriageProcess::readLine(Timeout timeout) {
    auto line = readUntil("\n", timeout);
    if (line) line->pop_back();
    return line;
}

std::string TriageProcess::readRest(Timeout timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (output_fd_ >= 0) {
        const auto left = std::chrono::duration_cast<Timeout>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !pump(left)) break;
    }
    std::string rest = output_.substr(consumed_);
    consumed_ = output_.size();
    return rest;
}

int TriageProcess::wait(Timeout timeout) {
    if (status_) return *status_;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        // Keep draining so the child never blocks on a full pipe while exiting.
        while (pump(Timeout(0))) {
        }
        int status = 0;
        const pid_t done = waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            while (pump(Timeout(0))) {
            }
            return *status_;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
}

}  // namespace triage::test
