#include "line_reader.hpp"

#include <strings.h>
#include <sys/select.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>

#include <readline/history.h>
#include <readline/readline.h>

namespace triage::cli {
namespace {

volatile std::sig_atomic_t interruptRequested = 0;

void onInterrupt(int) { interruptRequested = 1; }

// readline's C callbacks cannot carry a context pointer, so the state of the
// one active reader lives here.
struct ReadlineState {
    std::vector<std::string> words;
    std::vector<std::string> causes;
    const std::vector<std::string>* offered = nullptr;  // list Tab is completing from
    std::size_t nextMatch = 0;
    bool done = false;
    std::optional<std::string> line;  // none after Ctrl-D
} readlineState;

bool startsWithIgnoringCase(const std::string& word, const char* prefix) {
    return strncasecmp(word.c_str(), prefix, std::strlen(prefix)) == 0;
}

char* nextCompletion(const char* text, int state) {
    if (state == 0) readlineState.nextMatch = 0;
    const auto& offered = *readlineState.offered;
    while (readlineState.nextMatch < offered.size()) {
        const std::string& word = offered[readlineState.nextMatch++];
        if (startsWithIgnoringCase(word, text)) return strdup(word.c_str());
    }
    return nullptr;
}

char** complete(const char* text, int start, int) {
    rl_attempted_completion_over = 1;  // never fall back to file names
    const std::string before(rl_line_buffer, static_cast<std::size_t>(start));
    if (start == 0)
        readlineState.offered = &readlineState.words;
    else if (before.rfind("why-not ", 0) == 0)
        readlineState.offered = &readlineState.causes;
    else
        return nullptr;
    return rl_completion_matches(text, nextCompletion);
}

void onLine(char* line) {
    readlineState.done = true;
    if (line) {
        readlineState.line = line;
        if (*line) add_history(line);
        std::free(line);
    } else {
        readlineState.line.reset();
    }
    // Removing the handler here stops readline from redrawing the old prompt;
    // the next read installs the next question's prompt.
    rl_callback_handler_remove();
}

}  // namespace

LineReader::LineReader(bool terminal) : terminal_(terminal) {
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocked read must return so the flag is seen
    sigaction(SIGINT, &action, &previousInterrupt_);
    interruptRequested = 0;
    if (terminal_) {
        rl_readline_name = "triage";
        rl_catch_signals = 0;  // our handler, not readline's re-raise, decides what Ctrl-C does
        rl_attempted_completion_function = complete;
    }
}

LineReader::~LineReader() { sigaction(SIGINT, &previousInterrupt_, nullptr); }

void LineReader::setCompletions(std::vector<std::string> words, std::vector<std::string> causes) {
    readlineState.words = std::move(words);
    readlineState.causes = std::move(causes);
}

LineReader::Result LineReader::read(const std::string& prompt) {
    std::cout.flush();
    if (interruptRequested) return {Status::Interrupted, {}};
    return terminal_ ? readTerminal(prompt) : readPlain(prompt);
}

LineReader::Result LineReader::readTerminal(const std::string& prompt) {
    readlineState.done = false;
    rl_callback_handler_install(prompt.c_str(), onLine);
    const int input = fileno(rl_instream ? rl_instream : stdin);
    while (!readlineState.done) {
        if (interruptRequested) {
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_callback_handler_remove();
            std::cout << '\n';
            return {Status::Interrupted, {}};
        }
        fd_set ready;
        FD_ZERO(&ready);
        FD_SET(input, &ready);
        if (select(input + 1, &ready, nullptr, nullptr, nullptr) < 0) {
            if (errno == EINTR) continue;
            rl_callback_handler_remove();
            return {Status::EndOfInput, {}};
        }
        rl_callback_read_char();
    }
    if (!readlineState.line) {
        std::cout << '\n';  // readline leaves the cursor after the prompt on Ctrl-D
        return {Status::EndOfInput, {}};
    }
    if (readlineState.line->size() > maxLineBytes) return {Status::Line, {}, true};
    return {Status::Line, *readlineState.line};
}

LineReader::Result LineReader::readPlain(const std::string& prompt) {
    if (!prompt.empty()) std::cout << prompt << std::flush;
    // getline with a bound: what goes beyond maxLineBytes is read but not kept.
    std::string line;
    bool any = false, tooLong = false;
    std::streambuf* input = std::cin.rdbuf();
    for (int c = input->sbumpc(); c != std::char_traits<char>::eof(); c = input->sbumpc()) {
        any = true;
        if (c == '\n') break;
        if (line.size() <= maxLineBytes) line.push_back(static_cast<char>(c));
        else tooLong = true;
    }
    if (!any) {
        std::cin.setstate(std::ios::eofbit);
        if (!prompt.empty()) std::cout << '\n';
        return {interruptRequested ? Status::Interrupted : Status::EndOfInput, {}};
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (tooLong || line.size() > maxLineBytes) {
        if (!prompt.empty()) std::cout << '\n';
        return {Status::Line, {}, true};
    }
    if (!prompt.empty()) std::cout << line << '\n';
    return {Status::Line, line};
}

}  // namespace triage::cli
