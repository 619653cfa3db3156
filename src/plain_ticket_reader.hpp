// The batch path's fast reading of a JSON ticket line: simdjson On-Demand
// (no tape), for well-formed tickets only. Anything else (bad JSON, an
// unknown fact, a value that does not fit, numbers, a repeated id) makes it
// decline, and JsonTicketParser reads the line again with the DOM parser,
// whose error messages name what is wrong.
#pragma once

#include <string_view>

#include <simdjson.h>

#include "fact_name_table.hpp"
#include "ticket_reader.hpp"

namespace triage::cli {

/// Reads `json` (with simdjson::SIMDJSON_PADDING readable bytes after it)
/// into `ticket`, which must be clear. False when it declines: `ticket` may
/// then be partly filled.
bool readPlainTicket(simdjson::ondemand::parser& parser, const engine::KnowledgeBase& kb,
                     const FactNameTable& factNames, std::string_view json, Ticket& ticket);

/// readPlainTicket over a chunk's records with one simdjson document stream:
/// one stage 1 (the structural index) for the chunk instead of one per
/// record. A record is read from the stream only when the stream's document
/// starts where the record does and the next one where the next record
/// does; a record that is not one JSON value puts the stream out of step,
/// and it stops.
class PlainRecordStream {
public:
    enum class Result {
        Read,       // as readPlainTicket returning true
        Declined,   // as readPlainTicket returning false: the DOM reader must read the record
                    // (after a JSON error the stream stops, as for OutOfStep)
        OutOfStep,  // no reading counts: read this record and the rest of the chunk one by one
    };
    /// Chunks up to this size are streamed: the parser keeps room for one.
    static constexpr std::size_t batchBytes = std::size_t{256} << 10;

    /// Starts on `text` (with simdjson::SIMDJSON_PADDING readable bytes
    /// after it): records in order, with nothing but blanks between them.
    /// False when it does not start (too long, or simdjson refuses).
    bool start(simdjson::ondemand::parser& parser, std::string_view text);
    /// Reads the record whose first non-blank byte is text[begin] into
    /// `ticket` (clear); `next` is where the next record's first non-blank
    /// byte lies, text's size after the last record. Call for every record
    /// in order. `ticket` may be partly filled unless the result is Read.
    Result read(const engine::KnowledgeBase& kb, const FactNameTable& factNames, std::size_t begin,
                std::size_t next, Ticket& ticket);
    bool live() const { return live_; }

private:
    Result lose() {
        live_ = false;
        return Result::OutOfStep;
    }

    simdjson::ondemand::document_stream stream_;
    simdjson::ondemand::document_stream::iterator at_;
    std::size_t size_ = 0;
    bool live_ = false;
};

}  // namespace triage::cli
