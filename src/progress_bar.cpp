#include "progress_bar.hpp"

#include <algorithm>
#include <string>

#include <fmt/format.h>

namespace triage::cli {

namespace {

std::string clockTime(double seconds) {
    const auto whole = static_cast<long>(seconds + 0.5);
    return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

}  // namespace

ProgressBar::ProgressBar(std::FILE* terminal, std::optional<std::uint64_t> totalBytes)
    : terminal_(terminal), totalBytes_(totalBytes) {}

void ProgressBar::update(std::uint64_t tickets, std::uint64_t bytesRead) {
    const auto now = Clock::now();
    if (drawn_ && now - lastDraw_ < std::chrono::milliseconds(200)) return;
    lastDraw_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(tickets) / elapsed : 0;
    std::string line = fmt::format("{} tickets, {:.0f}/s", tickets, rate);
    if (totalBytes_ && *totalBytes_ > 0 && bytesRead > 0) {
        const double done = std::min(1.0, static_cast<double>(bytesRead) / static_cast<double>(*totalBytes_));
        constexpr int width = 30;
        const int filled = static_cast<int>(done * width);
        const double remaining = done > 0 ? elapsed * (1 - done) / done : 0;
        line = fmt::format("[{}{}] {:3.0f}%  {}  ETA {}", std::string(filled, '#'), std::string(width - filled, ' '),
                           done * 100, line, clockTime(remaining));
    }
    fmt::print(terminal_, "\r{}\x1b[K", line);
    std::fflush(terminal_);
    drawn_ = true;
}

void ProgressBar::finish() {
    if (!drawn_) return;
    fmt::print(terminal_, "\r\x1b[K");
    std::fflush(terminal_);
}

}  // namespace triage::cli
