// A one-line progress display for long batch runs, on a terminal only:
// tickets done, tickets per second and, when the input size is known, an ETA.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>

namespace triage::cli {

class ProgressBar {
public:
    /// `totalBytes`: the input's size when it is a regular file.
    ProgressBar(std::FILE* terminal, std::optional<std::uint64_t> totalBytes);

    /// Redraws at most a few times a second.
    void update(std::uint64_t tickets, std::uint64_t bytesRead);
    /// Erases the line, so later messages start clean.
    void finish();

private:
    using Clock = std::chrono::steady_clock;
    std::FILE* terminal_;
    std::optional<std::uint64_t> totalBytes_;
    Clock::time_point start_ = Clock::now();
    Clock::time_point lastDraw_{};
    bool drawn_ = false;
};

}  // namespace triage::cli
