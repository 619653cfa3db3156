#include "batch_pipeline.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

namespace triage::cli {

namespace {

// Small enough that output starts flowing (and `| head` stops us) early, big
// enough that handing chunks between threads costs next to nothing.
constexpr std::size_t recordsPerChunk = 512;

}  // namespace

void ChunkEvaluator::evaluate(const RecordChunk& chunk, ChunkResult& result) {
    result.records = chunk.records.size();
    // One ticket and one result, reused record after record: no allocation per ticket.
    Ticket& ticket = ticket_;
    engine::TicketResult& evaluated = evaluated_;
    if (!plan_.csv) json_.startChunk(chunk);
    // Room for the chunk's lines at the longest average seen so far: growing
    // from fmt's 500 inline bytes copied the output ~6 times a chunk.
    result.output.reserve(result.output.size() + chunk.records.size() * bytesPerLine_);
    const std::size_t outputBefore = result.output.size();
    for (std::size_t i = 0; i < chunk.records.size(); ++i) {
        const std::string_view record = chunk.record(i);
        if (chunk.records[i].tooLong) {
            ticket.clear();
            ticket.error = fmt::format("line longer than the limit of {} bytes (1 MiB)", maxRecordBytes);
        } else if (plan_.csv) {
            ticket = plan_.csv->parse(record);
        } else {
            json_.parseChunkRecord(chunk, i, ticket);
        }
        if (ticket.ok()) {
            try {
                engine::evaluate(plan_.model, ticket.facts, plan_.evaluate, evaluated);
                if (plan_.writeLines) plan_.writer->writeResult(result.output, ticket.id, evaluated, plan_.top);
                if (plan_.collectOutcomes && ticket.hasExpectation())
                    result.outcomes.push_back(EvaluationOutcome::of(ticket, evaluated));
                continue;
            } catch (const std::exception& failure) {
                // A bug in the engine must not cost the rest of the batch its results.
                ticket.error = std::string("internal error: ") + failure.what();
            }
        }
        ++result.failed;
        if (plan_.writeLines) plan_.writer->writeError(result.output, ticket.id, chunk.records[i].line, ticket.error);
    }
    // Capped: a few huge lines (a long id echoed) must not make every later
    // chunk reserve megabytes; longer lines just grow the buffer.
    constexpr std::size_t reservedPerLineAtMost = 1024;
    if (!chunk.records.empty())
        bytesPerLine_ = std::min(reservedPerLineAtMost,
                                 std::max(bytesPerLine_, (result.output.size() - outputBefore) / chunk.records.size() + 1));
}

void runBatchPipeline(RecordReader& reader, const BatchPlan& plan, std::size_t threads,
                      const std::function<bool(ChunkResult&)>& consume) {
    if (threads <= 1) {
        ChunkEvaluator evaluator(plan);
        RecordChunk chunk;
        while (reader.next(chunk, recordsPerChunk)) {
            ChunkResult result;
            result.inputBytesConsumed = reader.bytesConsumed();
            evaluator.evaluate(chunk, result);
            if (!consume(result)) return;
            reader.release(result.inputBytesConsumed);
        }
        return;
    }

    // Every thread (the caller too) reads a chunk, evaluates it and hands
    // its result in: whoever completes the next chunk in input order writes
    // it and any finished ones after it. No thread only waits, so `threads`
    // threads keep `threads` cores busy (a separate reader thread would be
    // one thread too many, and starve the others whenever it is descheduled).
    std::mutex readMutex;  // the reader, and the read sequence
    std::mutex writeMutex;  // finished results and the write sequence; consume runs under it
    std::condition_variable written;
    std::uint64_t nextToRead = 0;
    std::uint64_t nextToWrite = 0;
    bool inputDone = false;
    bool stopping = false;
    std::map<std::uint64_t, ChunkResult> finished;
    std::exception_ptr failure;
    // Read ahead of the output by at most this many chunks: memory stays bounded.
    const std::uint64_t window = threads * 4;

    auto work = [&] {
        ChunkEvaluator evaluator(plan);
        RecordChunk chunk;
        for (;;) {
            std::uint64_t sequence = 0;
            ChunkResult result;
            {
                std::unique_lock lock(writeMutex);
                written.wait(lock, [&] { return stopping || nextToRead < nextToWrite + window; });
                if (stopping) return;
            }
            {
                std::lock_guard lock(readMutex);
                if (inputDone) return;
                if (!reader.next(chunk, recordsPerChunk)) {
                    inputDone = true;
                    return;
                }
                sequence = nextToRead++;
                result.inputBytesConsumed = reader.bytesConsumed();
            }
            evaluator.evaluate(chunk, result);
            std::lock_guard lock(writeMutex);
            if (stopping) return;
            finished.emplace(sequence, std::move(result));
            try {
                for (auto next = finished.find(nextToWrite); next != finished.end(); next = finished.find(nextToWrite)) {
                    const bool goOn = consume(next->second);
                    reader.release(next->second.inputBytesConsumed);
                    finished.erase(next);
                    ++nextToWrite;
                    if (!goOn) {
                        stopping = true;
                        break;
                    }
                }
            } catch (...) {
                failure = std::current_exception();
                stopping = true;
            }
            written.notify_all();
            if (stopping) return;
        }
    };

    std::vector<std::thread> helpers;
    for (std::size_t i = 1; i < threads; ++i) helpers.emplace_back(work);
    work();
    for (std::thread& helper : helpers) helper.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace triage::cli
