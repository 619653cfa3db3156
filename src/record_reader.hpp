// Splits a ticket stream into chunks of records, as the batch command feeds
// them to its workers: one JSON Lines line, or one CSV record (which may span
// lines inside quotes). Blank lines are skipped but keep the line count right.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace triage::cli {

/// The longest record (a JSON Lines line, a CSV record) the batch reads. A
/// longer one becomes an error line and is skipped without being held in
/// memory, so one runaway line (or an unclosed CSV quote) cannot exhaust it.
inline constexpr std::size_t maxRecordBytes = std::size_t{1} << 20;

/// A run of non-blank records copied out of the input.
struct RecordChunk {
    /// Bytes readable past the end of every record (the next records, or
    /// spaces after the last): simdjson reads ahead, and may then parse a
    /// record where it lies, without copying it.
    static constexpr std::size_t readablePadding = 64;
    struct Record {
        std::uint32_t offset = 0;  // into text
        std::uint32_t size = 0;    // without the line end
        std::uint64_t line = 0;    // 1-based line where the record starts
        bool tooLong = false;      // longer than maxRecordBytes: no text, only its place
    };
    std::string text;
    std::vector<Record> records;

    std::string_view record(std::size_t i) const { return std::string_view(text).substr(records[i].offset, records[i].size); }
    void clear() {
        text.clear();
        records.clear();
    }
};

class RecordReader {
public:
    enum class Syntax { JsonLines, Csv };

    RecordReader(std::FILE* input, Syntax syntax) : input_(input), syntax_(syntax) {}

    /// Replaces `chunk` with the next records, at most `maxRecords` of them.
    /// False when the input is exhausted and nothing was read.
    bool next(RecordChunk& chunk, std::size_t maxRecords);

    /// Input bytes consumed so far (for progress).
    std::uint64_t bytesConsumed() const { return consumed_; }
    /// True when reading failed (as opposed to reaching the end).
    bool failed() const { return failed_; }

private:
    /// Offset of the end of the record starting at pending_[from], or npos if the
    /// buffer ends first. `lines` gets the newlines inside the record.
    std::size_t recordEnd(std::size_t from, std::uint64_t& lines) const;
    bool fill();
    /// Records the too-long record at position_ and reads past its end.
    void skipLongRecord(RecordChunk& chunk);

    std::FILE* input_;
    Syntax syntax_;
    std::string_view pending() const { return {buffer_.get(), filled_}; }
    std::unique_ptr<char[]> buffer_;  // read, not yet consumed: [position_, filled_)
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
