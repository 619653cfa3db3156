// A regular file mapped read-only: its text without a copy on the heap, and
// pages a load can hand back once it is done reading them (the kernel keeps
// them in its page cache, so reading them again costs a page fault).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace triage::dsl {

class MappedFile {
public:
    /// The file mapped, or nullopt where mapping does not suit: not a
    /// regular file, empty, larger than `maxSize`, or no mmap on this system.
    /// The caller then reads the file instead. At least `padding` zero bytes
    /// (and at least one) are readable past the text: parsers may read ahead.
    static std::optional<MappedFile> open(const std::string& path, std::size_t maxSize, std::size_t padding = 0);
    /// The same for an open file, from its start (its offset is not moved).
    static std::optional<MappedFile> open(int fd, std::size_t maxSize, std::size_t padding = 0);

    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::string_view text() const { return {data_, size_}; }

    /// Drops the whole pages inside [begin, end) from this process's memory;
    /// the text reads the same afterwards (unless the file changed on disk).
    void release(std::size_t begin, std::size_t end) const;

private:
    MappedFile(const char* data, std::size_t size, std::size_t mappedSize)
        : data_(data), size_(size), mappedSize_(mappedSize) {}
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t mappedSize_ = 0;  // the text and its zero padding, whole pages
};

}  // namespace triage::dsl
