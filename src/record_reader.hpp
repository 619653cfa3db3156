// Splits a ticket stream into chunks of records, as the batch command feeds
// them to its workers: one JSON Lines line, or one CSV record (which may span
// lines inside quotes). Blank lines are skipped but keep the line count right.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/dsl/mapped_file.hpp"

namespace triage::cli {

/// The longest record (a JSON Lines line, a CSV record) the batch reads. A
/// longer one becomes an error line and is skipped without being held in
/// memory, so one runaway line (or an unclosed CSV quote) cannot exhaust it.
inline constexpr std::size_t maxRecordBytes = std::size_t{1} << 20;

/// A run of non-blank records: views into the mapped input file, or copied
/// out of a stream.
struct RecordChunk {
    /// Bytes readable past the end of every record (the next records, or
    /// zeros or spaces after the last): simdjson reads ahead, and may then parse a
    /// record where it lies, without copying it.
    static constexpr std::size_t readablePadding = 64;
    struct Record {
        std::uint32_t offset = 0;  // into the chunk's bytes
        std::uint32_t size = 0;    // without the line end
        std::uint64_t line = 0;    // 1-based line where the record starts
        bool tooLong = false;      // longer than maxRecordBytes: no text, only its place
    };
    std::string text;                 // the records' bytes when copied from a stream
    const char* mapped = nullptr;     // else: where the chunk starts in the mapped file
    std::vector<Record> records;

    std::string_view record(std::size_t i) const {
        return {(mapped ? mapped : text.data()) + records[i].offset, records[i].size};
    }
    void clear() {
        text.clear();
        mapped = nullptr;
        records.clear();
    }
};

class RecordReader {
public:
    enum class Syntax { JsonLines, Csv };

    /// A regular file read from its start is mapped into memory, so that
    /// chunks are views into it: the batch threads then take turns only to
    /// find where records end, not to copy them. Other input is read in blocks.
    RecordReader(std::FILE* input, Syntax syntax);

    /// Replaces `chunk` with the next records, at most `maxRecords` of them.
    /// False when the input is exhausted and nothing was read.
    bool next(RecordChunk& chunk, std::size_t maxRecords);

    /// The input before `consumed` (a bytesConsumed() figure) has been
    /// evaluated: a mapped file's pages there leave the process's memory, so a
    /// long file does not stay resident. Call in input order, one thread at a
    /// time; it shares nothing with next().
    void release(std::uint64_t consumed);

    /// Input bytes consumed so far (for progress).
    std::uint64_t bytesConsumed() const { return consumed_; }
    /// True when reading failed (as opposed to reaching the end).
    bool failed() const { return failed_; }

private:
    /// Offset of the end of the record starting at pending_[from], or npos if the
    /// buffer ends first. `lines` gets the newlines inside the record.
    std::size_t recordEnd(std::size_t from, std::uint64_t& lines) const;
    bool fill();
    bool mapInput();
    /// Records the too-long record at position_ and reads past its end.
    void skipLongRecord(RecordChunk& chunk);

    std::FILE* input_;
    Syntax syntax_;
    std::string_view pending() const { return {data_, filled_}; }
    std::unique_ptr<char[]> buffer_;  // a stream's bytes read, not yet consumed: [position_, filled_)
    std::optional<dsl::MappedFile> mapped_;
    const char* data_ = nullptr;      // buffer_, or the whole mapped file
    std::size_t released_ = 0;        // mapped pages before this were given back
    std::size_t capacity_ = 0;
    std::size_t filled_ = 0;
    std::size_t position_ = 0;  // first unread byte of the buffer
    std::uint64_t line_ = 1;
    std::uint64_t consumed_ = 0;
    bool started_ = false;  // the first block was read (and a byte-order mark dropped)
    bool atEnd_ = false;
    bool failed_ = false;
};

}  // namespace triage::cli
