// Reads tickets (docs/cli.md, shared SCHEMA.md) into engine facts: one JSON
// object per JSON Lines line, or one CSV record under a header row.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "record_reader.hpp"
#include "triage/engine/knowledge_base.hpp"

namespace triage::cli {

/// One ticket as read. When `error` is set the rest may be partial; `id` is
/// kept if it could be read, so an error line can still name its ticket.
struct Ticket {
    std::optional<std::string> id;  // numbers are kept as their decimal text
    std::vector<std::pair<engine::FactId, engine::Value>> facts;
    std::optional<engine::CauseId> expect;
    std::vector<engine::CauseId> expectAny;
    std::string error;  // one line, e.g. "unknown fact 'hardware_chnged'"

    bool ok() const { return error.empty(); }
    bool hasExpectation() const { return expect.has_value() || !expectAny.empty(); }
    /// True when `cause` is what the ticket expects (expect or any of expect_any).
    bool expects(engine::CauseId cause) const;
    /// Empty again, keeping the storage of facts for the next ticket.
    void clear();
};

/// Parses JSON ticket objects: {"id": "T-1", "facts": {...}, "expect": "...",
/// "expect_any": [...]}. Holds a simdjson parser, so use one per thread.
class JsonTicketParser {
public:
    explicit JsonTicketParser(const engine::KnowledgeBase& kb);
    ~JsonTicketParser();
    JsonTicketParser(const JsonTicketParser&) = delete;
    JsonTicketParser& operator=(const JsonTicketParser&) = delete;

    /// Parses one object (one JSON Lines line, surrounding spaces allowed).
    Ticket parse(std::string_view json);
    /// The same into `ticket` (cleared first, its storage reused), reading
    /// `json` where it lies: RecordChunk::readablePadding bytes past its end
    /// must be readable. The batch loop's form.
    void parseInPlace(std::string_view json, Ticket& ticket);
    /// Starts on a JSON Lines chunk, whose records parseChunkRecord then
    /// reads in order: plain records come from one simdjson document stream
    /// over the chunk (one structural index for all of them), the rest as
    /// parseInPlace reads them.
    void startChunk(const RecordChunk& chunk);
    /// parseInPlace(chunk.record(i), ticket) for the chunk startChunk was
    /// given, each record that is not tooLong once, in order.
    void parseChunkRecord(const RecordChunk& chunk, std::size_t i, Ticket& ticket);

private:
    struct State;
    std::unique_ptr<State> state_;
};

/// The column layout of a CSV ticket file, read from its header row.
class CsvTicketLayout {
public:
    /// Reads the header: `id`, fact names, optionally `expect`. nullopt and
    /// `error` set when a column is unknown or repeated, or `id` is missing.
    static std::optional<CsvTicketLayout> fromHeader(const engine::KnowledgeBase& kb,
                                                     std::string_view headerRecord, std::string& error);

    /// Parses one record (RFC 4180; an empty cell is an unknown fact).
    Ticket parse(std::string_view record) const;

private:
    enum class ColumnKind { Id, Fact, Expect };
    struct Column {
        ColumnKind kind = ColumnKind::Fact;
        engine::FactId fact = 0;
    };
    explicit CsvTicketLayout(const engine::KnowledgeBase& kb) : kb_(&kb) {}
    const engine::KnowledgeBase* kb_;
    std::vector<Column> columns_;
};

/// Splits one CSV record into unquoted cells. False (with `error`) on a stray quote.
bool splitCsvRecord(std::string_view record, std::vector<std::string>& cells, std::string& error);

}  // namespace triage::cli
