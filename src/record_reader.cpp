#include "record_reader.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include <unistd.h>

namespace triage::cli {

namespace {

constexpr std::size_t readBlock = 1 << 20;
// A mapped chunk's records are 32-bit offsets from its start; blank lines and
// skipped long records could otherwise stretch one chunk past that.
constexpr std::size_t maxMappedChunkSpan = std::size_t{1} << 30;

bool startsWithByteOrderMark(std::string_view text) { return text.substr(0, 3) == "\xEF\xBB\xBF"; }

bool isBlank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

}  // namespace

RecordReader::RecordReader(std::FILE* input, Syntax syntax) : input_(input), syntax_(syntax) { mapInput(); }

bool RecordReader::mapInput() {
    const int fd = input_ ? fileno(input_) : -1;
    if (fd < 0 || lseek(fd, 0, SEEK_CUR) != 0) return false;  // a stream, or read from already
    // Simdjson may read a padding's length past the last record.
    mapped_ = dsl::MappedFile::open(fd, std::numeric_limits<std::size_t>::max(), RecordChunk::readablePadding);
    if (!mapped_) return false;
    data_ = mapped_->text().data();
    filled_ = mapped_->text().size();
    started_ = true;
    atEnd_ = true;  // fill() has nothing to add
    if (startsWithByteOrderMark(pending())) {
        position_ = 3;
        consumed_ = 3;
    }
    return true;
}

void RecordReader::release(std::uint64_t consumed) {
    // In steps: one madvise per few MiB, not per chunk.
    constexpr std::size_t releaseStep = std::size_t{8} << 20;
    if (!mapped_ || consumed < released_ + releaseStep) return;
    // Whole pages: the page `consumed` falls in goes with the next step.
    static const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const std::size_t end = consumed / page * page;
    // The pages are clean copies of the file: dropping them loses nothing, and
    // a stray read would fault them back in.
    mapped_->release(released_, end);
    released_ = end;
}

std::size_t RecordReader::recordEnd(std::size_t from, std::uint64_t& lines) const {
    lines = 0;
    if (syntax_ == Syntax::JsonLines) return pending().find('\n', from);
    // CSV: a newline inside quotes belongs to the cell. An escaped quote ("")
    // toggles twice, so counting quotes is enough.
    bool quoted = false;
    for (std::size_t i = from; i < filled_; ++i) {
        const char c = data_[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (c == '\n') {
            if (!quoted) return i;
            ++lines;
        }
    }
    return std::string::npos;
}

bool RecordReader::fill() {
    if (atEnd_) return false;
    // Drop what was consumed, so the buffer holds at most one partial record plus a block.
    if (filled_ > position_) std::memmove(buffer_.get(), buffer_.get() + position_, filled_ - position_);
    filled_ -= position_;
    position_ = 0;
    if (capacity_ < filled_ + readBlock) {
        // Not zero-filled (fread overwrites it): a std::string would clear each block first.
        capacity_ = std::max(capacity_ * 2, filled_ + readBlock);
        auto grown = std::make_unique_for_overwrite<char[]>(capacity_);
        if (filled_ > 0) std::memcpy(grown.get(), buffer_.get(), filled_);
        buffer_ = std::move(grown);
        data_ = buffer_.get();
    }
    const std::size_t got = std::fread(buffer_.get() + filled_, 1, readBlock, input_);
    filled_ += got;
    if (got == 0) {
        atEnd_ = true;
        failed_ = std::ferror(input_) != 0;
        return false;
    }
    if (!started_) {
        started_ = true;
        // Windows tools start UTF-8 files with a byte-order mark; it is not part of the first record.
        if (startsWithByteOrderMark(pending())) {
            position_ = 3;
            consumed_ += 3;
        }
    }
    return true;
}

void RecordReader::skipLongRecord(RecordChunk& chunk) {
    chunk.records.push_back({static_cast<std::uint32_t>(chunk.text.size()), 0, line_, true});
    bool quoted = false;
    bool blank = true;  // a long run of spaces is still a blank line, and blank lines are skipped
    std::uint64_t inner = 0;
    for (;;) {
        const std::size_t start = position_;
        for (; position_ < filled_; ++position_) {
            const char c = data_[position_];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') blank = false;
            if (syntax_ == Syntax::Csv && c == '"') {
                quoted = !quoted;
            } else if (c == '\n') {
                if (!quoted) break;
                ++inner;
            }
        }
        const bool ended = position_ < filled_;
        if (ended) ++position_;  // the line end
        consumed_ += position_ - start;
        if (ended || !fill()) break;
    }
    line_ += 1 + inner;
    if (blank) chunk.records.pop_back();
}

bool RecordReader::next(RecordChunk& chunk, std::size_t maxRecords) {
    chunk.clear();
    const std::size_t chunkStart = position_;
    if (mapped_) chunk.mapped = data_ + chunkStart;
    std::uint64_t inner = 0;
    while (chunk.records.size() < maxRecords && (!mapped_ || position_ - chunkStart < maxMappedChunkSpan)) {
        std::size_t end = recordEnd(position_, inner);
        if (end == std::string::npos || end - position_ > maxRecordBytes) {
            if (filled_ - position_ > maxRecordBytes) {
                skipLongRecord(chunk);
                continue;
            }
            if (fill()) continue;
            if (position_ >= filled_) break;
            end = filled_;  // the last record has no line end
        }
        std::string_view record(data_ + position_, end - position_);
        if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
        if (!isBlank(record)) {
            std::size_t offset = position_ - chunkStart;
            if (!mapped_) {
                offset = chunk.text.size();
                chunk.text.append(record);
            }
            chunk.records.push_back({static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(record.size()), line_});
        }
        const std::size_t consumed = std::min(end + 1, filled_) - position_;
        consumed_ += consumed;
        position_ += consumed;
        line_ += 1 + inner;
    }
    if (!mapped_) chunk.text.append(RecordChunk::readablePadding, ' ');
    return !chunk.records.empty();
}

}  // namespace triage::cli
