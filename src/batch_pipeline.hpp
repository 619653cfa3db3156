// The batch command's engine room: evaluates chunks of ticket records on
// `threads` threads (one shared const Model, per-thread parsers) and hands
// the results back strictly in input order.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "batch_evaluation_report.hpp"
#include "record_reader.hpp"
#include "ticket_reader.hpp"
#include "ticket_writer.hpp"
#include "triage/engine/evaluation.hpp"

namespace triage::cli {

/// What one chunk of records became.
struct ChunkResult {
    fmt::memory_buffer output;                // one JSON line per record
    std::vector<EvaluationOutcome> outcomes;  // --eval: tickets with expectations
    std::size_t records = 0;
    std::size_t failed = 0;
    std::uint64_t inputBytesConsumed = 0;  // by the reader once this chunk was read (for progress)
};

/// Everything a worker needs; shared read-only between threads.
struct BatchPlan {
    std::shared_ptr<const engine::Model> model;
    const TicketWriter* writer = nullptr;
    const CsvTicketLayout* csv = nullptr;  // null: JSON Lines
    engine::EvaluateOptions evaluate;
    std::size_t top = 3;                   // ranking entries written
    bool writeLines = true;                // false: --eval-only
    bool collectOutcomes = false;          // --eval
};

/// Per-thread state: parses and evaluates records.
class ChunkEvaluator {
public:
    explicit ChunkEvaluator(const BatchPlan& plan) : plan_(plan), json_(plan.model->kb()) {}
    void evaluate(const RecordChunk& chunk, ChunkResult& result);

private:
    const BatchPlan& plan_;
    JsonTicketParser json_;
    Ticket ticket_;
    engine::TicketResult evaluated_;
    std::size_t bytesPerLine_ = 64;  // the longest average output line of a chunk so far
};

/// Reads `reader` to the end in chunks, evaluates them on `threads` threads
/// (the caller's among them) and calls `consume` with each chunk's result in
/// input order, one call at a time. `consume` returns false to stop early
/// (the output was closed).
void runBatchPipeline(RecordReader& reader, const BatchPlan& plan, std::size_t threads,
                      const std::function<bool(ChunkResult&)>& consume);

}  // namespace triage::cli
