#include "output_stream.hpp"

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace triage::cli {

OutputStream::OutputStream(int fd) : fd_(fd) { std::signal(SIGPIPE, SIG_IGN); }

bool OutputStream::write(std::string_view data) {
    while (!failed_ && !data.empty()) {
        const ssize_t written = ::write(fd_, data.data(), data.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            failed_ = true;  // EPIPE and friends: nobody reads any more
            break;
        }
        data.remove_prefix(static_cast<std::size_t>(written));
    }
    return !failed_;
}

}  // namespace triage::cli
