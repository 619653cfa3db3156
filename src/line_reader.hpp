// Reads the lines of an ask session: GNU readline (history, line editing, Tab
// completion) on a terminal, plain getline otherwise, so scripted input works.
// Ctrl-C is turned into an ordinary result instead of killing the process.
#pragma once

#include <csignal>
#include <string>
#include <vector>

namespace triage::cli {

class LineReader {
public:
    enum class Status { Line, EndOfInput, Interrupted };
    struct Result {
        Status status = Status::EndOfInput;
        std::string line;
        bool tooLong = false;  // longer than maxLineBytes: `line` is empty, the rest was skipped
    };
    /// The longest input line kept (docs/limits.md); a longer one is read to its
    /// end without being stored, so endless input cannot exhaust memory.
    static constexpr std::size_t maxLineBytes = 64 * 1024;

    /// `terminal`: use readline; else read std::cin and echo what was read
    /// after a non-empty prompt, so a piped transcript reads like a session.
    explicit LineReader(bool terminal);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    Result read(const std::string& prompt);

    /// What Tab offers at the start of a line, and after "why-not ".
    void setCompletions(std::vector<std::string> words, std::vector<std::string> causes);

    bool terminal() const { return terminal_; }

private:
    Result readTerminal(const std::string& prompt);
    Result readPlain(const std::string& prompt);

    bool terminal_;
    struct sigaction previousInterrupt_ {};
};

}  // namespace triage::cli
