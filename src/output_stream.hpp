// Buffered output to a file descriptor that ends quietly when the reader goes
// away (`triage batch ... | head`): writes fail instead of killing the process.
#pragma once

#include <string_view>

namespace triage::cli {

class OutputStream {
public:
    /// Also ignores SIGPIPE for the process, so a closed pipe shows up as EPIPE.
    explicit OutputStream(int fd);

    /// Writes all of `data`; false (now and from then on) when the descriptor fails.
    bool write(std::string_view data);
    bool failed() const { return failed_; }

private:
    int fd_;
    bool failed_ = false;
};

}  // namespace triage::cli
