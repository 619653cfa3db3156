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

std::optional<MappedFile> MappedFile::open(const std::string& path, std::size_t maxSize, std::size_t padding) {
#if defined(__unix__)
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::optional<MappedFile> mapped = open(fd, maxSize, padding);
    ::close(fd);  // the mapping keeps the file
    return mapped;
#else
    (void)path;
    (void)maxSize;
    (void)padding;
    return std::nullopt;
#endif
}

std::optional<MappedFile> MappedFile::open(int fd, std::size_t maxSize, std::size_t padding) {
#if defined(__unix__)
    struct stat status {};
    const long page = sysconf(_SC_PAGESIZE);
    if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode) || status.st_size <= 0 ||
        static_cast<std::size_t>(status.st_size) > maxSize || page <= 0)
        return std::nullopt;
    const auto size = static_cast<std::size_t>(status.st_size);
    const auto pageSize = static_cast<std::size_t>(page);
    // Pages past a file's end are not readable, so the file is mapped over the
    // start of a zero-filled reservation that reaches `padding` bytes further.
    const std::size_t total = (size + std::max<std::size_t>(padding, 1) + pageSize - 1) / pageSize * pageSize;
    void* area = mmap(nullptr, total, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (area == MAP_FAILED) return std::nullopt;
    if (mmap(area, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
        munmap(area, total);
        return std::nullopt;
    }
    return MappedFile(static_cast<const char*>(area), size, total);
#else
    (void)fd;
    (void)maxSize;
    (void)padding;
    return std::nullopt;
#endif
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      mappedSize_(std::exchange(other.mappedSize_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(mappedSize_, other.mappedSize_);
    return *this;
}

MappedFile::~MappedFile() {
#if defined(__unix__)
    if (data_ != nullptr) munmap(const_cast<char*>(data_), mappedSize_);
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
