#include "triage/dsl/mapped_file.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#if defined(__unix__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace triage::dsl {

std::optional<MappedFile> MappedFile::open(const std::string& path, std::size_t maxSize) {
#if defined(__unix__)
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat status {};
    const long page = sysconf(_SC_PAGESIZE);
    if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode) || status.st_size <= 0 ||
        static_cast<std::size_t>(status.st_size) > maxSize || page <= 0 || status.st_size % page == 0) {
        ::close(fd);
        return std::nullopt;
    }
    const auto size = static_cast<std::size_t>(status.st_size);
    void* data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);  // the mapping keeps the file
    if (data == MAP_FAILED) return std::nullopt;
    return MappedFile(static_cast<const char*>(data), size);
#else
    (void)path;
    (void)maxSize;
    return std::nullopt;
#endif
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    return *this;
}

MappedFile::~MappedFile() {
#if defined(__unix__)
    if (data_ != nullptr) munmap(const_cast<char*>(data_), size_);
#endif
}

void MappedFile::release(std::size_t begin, std::size_t end) const {
#if defined(__unix__) && defined(MADV_DONTNEED)
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const auto base = reinterpret_cast<std::uintptr_t>(data_);
    // Whole pages only: the ones at the edges hold text outside the range.
    const std::uintptr_t first = (base + begin + page - 1) / page * page;
    const std::uintptr_t last = (base + std::min(end, size_)) / page * page;
    if (data_ != nullptr && last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
#else
    (void)begin;
    (void)end;
#endif
}

}  // namespace triage::dsl
