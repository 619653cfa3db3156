// A mapped input cut short under Triage's feet ends in an error message and
// exit code 2, not in a crash (see src/truncated_input.hpp).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "truncated_input.hpp"

namespace triage::cli {
namespace {

/// Maps a two-page file, cuts it to nothing and reads its second page.
void readPastATruncatedMapping() {
    reportTruncatedMappedInput();
    const auto path = std::filesystem::temp_directory_path() / ("truncated_" + std::to_string(::getpid()));
    const std::string text(2 * static_cast<std::size_t>(sysconf(_SC_PAGESIZE)), 'x');
    std::FILE* file = std::fopen(path.c_str(), "wb");
    std::fwrite(text.data(), 1, text.size(), file);
    std::fclose(file);
    const int fd = ::open(path.c_str(), O_RDONLY);
    auto* mapped = static_cast<const volatile char*>(mmap(nullptr, text.size(), PROT_READ, MAP_PRIVATE, fd, 0));
    ::close(fd);
    std::filesystem::resize_file(path, 0);
    std::filesystem::remove(path);
    std::fprintf(stderr, "read %c\n", mapped[text.size() - 1]);  // SIGBUS: the page is gone
}

TEST(TruncatedInput, IsAnErrorWithExitCodeTwoNotACrash) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(readPastATruncatedMapping(), testing::ExitedWithCode(2), "an input file was cut short");
}

}  // namespace
}  // namespace triage::cli
