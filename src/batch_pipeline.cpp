#include "batch_pipeline.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace triage::cli {

namespace {

// Small enough that output starts flowing (and `| head` stops us) early, big
// enough that handing chunks between threads costs next to nothing.
constexpr std::size_t recordsPerChunk = 512;

struct Job {
    RecordChunk chunk;
    ChunkResult result;
    bool done = false;
};

}  // namespace

void ChunkEvaluator::evaluate(const RecordChunk& chunk, ChunkResult& result) {
    result.records = chunk.records.size();
    // One ticket and one result, reused record after record: no allocation per ticket.
    Ticket& ticket = ticket_;
    engine::TicketResult& evaluated = evaluated_;
    for (std::size_t i = 0; i < chunk.records.size(); ++i) {
        const std::string_view record = chunk.record(i);
        if (chunk.records[i].tooLong) {
            ticket.clear();
            ticket.error = fmt::format("line longer than the limit of {} bytes (1 MiB)", maxRecordBytes);
        } else if (plan_.csv) {
            ticket = plan_.csv->parse(record);
        } else {
            json_.parseInPlace(record, ticket);
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
}

void runBatchPipeline(RecordReader& reader, const BatchPlan& plan, std::size_t threads,
                      const std::function<bool(ChunkResult&)>& consume) {
    if (threads <= 1) {
        ChunkEvaluator evaluator(plan);
        RecordChunk chunk;
        while (reader.next(chunk, recordsPerChunk)) {
            ChunkResult result;
            evaluator.evaluate(chunk, result);
            if (!consume(result)) return;
        }
        return;
    }

    std::mutex mutex;
    std::condition_variable workAvailable;
    std::condition_variable jobDone;
    std::deque<Job*> queue;  // read, not yet taken by a worker
    bool stopping = false;

    std::vector<std::thread> workers;
    for (std::size_t i = 0; i < threads; ++i) {
        workers.emplace_back([&] {
            ChunkEvaluator evaluator(plan);
            for (;;) {
                Job* job = nullptr;
                {
                    std::unique_lock lock(mutex);
                    workAvailable.wait(lock, [&] { return stopping || !queue.empty(); });
                    if (queue.empty()) return;
                    job = queue.front();
                    queue.pop_front();
                }
                evaluator.evaluate(job->chunk, job->result);
                {
                    std::lock_guard lock(mutex);
                    job->done = true;
                }
                jobDone.notify_all();
            }
        });
    }

    // The main thread reads ahead by a bounded window and writes in order.
    std::deque<std::unique_ptr<Job>> inFlight;
    const std::size_t window = threads * 2;
    bool inputDone = false;
    for (;;) {
        while (!inputDone && inFlight.size() < window) {
            auto job = std::make_unique<Job>();
            if (!reader.next(job->chunk, recordsPerChunk)) {
                inputDone = true;
                break;
            }
            {
                std::lock_guard lock(mutex);
                queue.push_back(job.get());
            }
            workAvailable.notify_one();
            inFlight.push_back(std::move(job));
        }
        if (inFlight.empty()) break;
        {
            std::unique_lock lock(mutex);
            jobDone.wait(lock, [&] { return inFlight.front()->done; });
        }
        const bool goOn = consume(inFlight.front()->result);
        inFlight.pop_front();
        if (!goOn) break;
    }

    {
        std::lock_guard lock(mutex);
        stopping = true;
        queue.clear();  // jobs not started are dropped; started ones finish
    }
    workAvailable.notify_all();
    for (std::thread& worker : workers) worker.join();
}

}  // namespace triage::cli
