#include "truncated_input.hpp"

#include <csignal>
#include <cstring>

#include <unistd.h>

namespace triage::cli {

namespace {

void onBusError(int) {
    // Only async-signal-safe calls here: write and _exit.
    static const char message[] =
        "triage: error: an input file was cut short while triage read it (rules and ticket files are\n"
        "mapped, not copied): write the new file beside the old one and rename it, then run again\n";
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message, sizeof message - 1);
    ::_exit(2);
}

}  // namespace

void reportTruncatedMappedInput() {
    struct sigaction action {};
    action.sa_handler = onBusError;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, nullptr);
}

}  // namespace triage::cli
