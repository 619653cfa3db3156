// Harness: batch input (first byte: JSON Lines or CSV, rule base, with or
// without question scoring) through the batch command's own reader, ticket
// parsers, evaluation and writer. Every output line must be JSON, and there
// must be one per record: JSON Lines gives one record per non-blank line.
// Each JSON line read in place (the fast On-Demand reader, or the DOM reader
// when it declines) must equal the DOM reader's ticket, error text included.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "batch_pipeline.hpp"
#include "fuzz_support.hpp"
#include "record_reader.hpp"

namespace {

using namespace triage;

std::size_t nonBlankLines(std::string_view text) {
    std::size_t count = 0;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        if (text.substr(0, end).find_first_not_of(" \t\r") != std::string_view::npos) ++count;
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return count;
}

/// A header naming every column there is, for when the fuzzed header is unusable.
std::string fullHeader(const engine::KnowledgeBase& kb) {
    std::string header = "id";
    for (const engine::Fact& fact : kb.facts) header += "," + fact.name;
    return header + ",expect";
}

bool sameTicket(const cli::Ticket& a, const cli::Ticket& b) {
    if (a.id != b.id || a.error != b.error || a.expect != b.expect || a.expectAny != b.expectAny) return false;
    if (a.facts.size() != b.facts.size()) return false;
    for (std::size_t i = 0; i < a.facts.size(); ++i)
        if (a.facts[i].first != b.facts[i].first || !(a.facts[i].second == b.facts[i].second)) return false;
    return true;
}

[[noreturn]] void fail(const char* message, std::size_t expected, std::size_t got) {
    std::fprintf(stderr, "fuzz: %s: expected %zu, got %zu\n", message, expected, got);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t selector = data[0];
    std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    const bool csv = selector & 0x80;
    const auto& model = fuzz::model(selector & 0x3F);
    const engine::KnowledgeBase& kb = model->kb();

    std::FILE* input = fmemopen(text.data(), text.size(), "rb");
    if (input == nullptr) return 0;  // glibc refuses an empty buffer
    cli::RecordReader reader(input, csv ? cli::RecordReader::Syntax::Csv : cli::RecordReader::Syntax::JsonLines);

    std::optional<cli::CsvTicketLayout> layout;
    cli::RecordChunk header;
    if (csv && reader.next(header, 1)) {
        std::string error;
        layout = cli::CsvTicketLayout::fromHeader(kb, header.record(0), error);
        if (!layout) layout = cli::CsvTicketLayout::fromHeader(kb, fullHeader(kb), error);
        if (!layout) std::abort();
    }

    const cli::TicketWriter writer(kb, {});
    cli::BatchPlan plan;
    plan.model = model;
    plan.writer = &writer;
    plan.csv = layout ? &*layout : nullptr;
    plan.collectOutcomes = true;
    // Half the runs leave out "ask" and "fired", as `--fields` can; question
    // choice ("next") is most of the cost, so only the runs whose input
    // length is odd ask for it (the selector byte has no bit to spare).
    plan.evaluate.helpful = selector & 0x40 ? 0 : 3;
    plan.evaluate.nextQuestions = size % 2 == 1 ? 3 : 0;
    plan.evaluate.wantFired = !(selector & 0x40);
    cli::BatchEvaluationReport report(kb);
    cli::ChunkEvaluator evaluator(plan);
    cli::JsonTicketParser inPlace(kb), dom(kb);
    cli::Ticket readInPlace;
    cli::RecordChunk chunk;
    std::size_t records = 0;
    while (reader.next(chunk, 7)) {
        for (std::size_t i = 0; !csv && i < chunk.records.size(); ++i) {
            if (chunk.records[i].tooLong) continue;
            inPlace.parseInPlace(chunk.record(i), readInPlace);
            if (!sameTicket(readInPlace, dom.parse(chunk.record(i)))) {
                std::fprintf(stderr, "fuzz: in-place and DOM readings differ on line %llu\n",
                             static_cast<unsigned long long>(chunk.records[i].line));
                std::abort();
            }
        }
        cli::ChunkResult result;
        evaluator.evaluate(chunk, result);
        records += chunk.records.size();
        const std::string_view output(result.output.data(), result.output.size());
        fuzz::requireJsonLines(output, "batch");
        const auto lines = static_cast<std::size_t>(std::count(output.begin(), output.end(), '\n'));
        if (lines != chunk.records.size()) fail("output lines per chunk", chunk.records.size(), lines);
        for (auto& outcome : result.outcomes) report.add(std::move(outcome));
    }
    std::fclose(input);
    fmt::memory_buffer rendered;
    report.render(rendered);
    if (!csv && records != nonBlankLines(text)) fail("records in JSON Lines", nonBlankLines(text), records);
    return 0;
}
