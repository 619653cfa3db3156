// `triage batch FILE|-`: evaluates tickets (JSON Lines or CSV) and writes one
// JSON line per input record, in input order; --eval adds an accuracy report.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_evaluation_report.hpp"
#include "batch_pipeline.hpp"
#include "commands.hpp"
#include "output_stream.hpp"
#include "progress_bar.hpp"
#include "record_reader.hpp"
#include "ticket_writer.hpp"

namespace triage::cli {

namespace {

struct BatchSettings {
    std::string input;
    std::string format;  // "jsonl", "csv" or empty: by extension
    std::string fields{ResultFields::defaultNames};
    std::size_t top = 3;
    std::size_t threads = 0;  // 0: hardware concurrency
    bool eval = false;
    bool evalOnly = false;
};

bool endsWith(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Closes the input unless it is stdin.
struct InputFile {
    std::FILE* file = nullptr;
    ~InputFile() {
        if (file && file != stdin) std::fclose(file);
    }
};

int runBatch(const BatchSettings& settings, const GlobalOptions& options) {
    std::string fieldsError;
    const std::optional<ResultFields> fields = ResultFields::parse(settings.fields, fieldsError);
    if (!fields) {
        std::cerr << "triage batch: --fields: " << fieldsError << "\n";
        return 2;
    }
    InputFile input;
    input.file = settings.input == "-" ? stdin : std::fopen(settings.input.c_str(), "rb");
    if (!input.file) {
        std::cerr << "triage batch: cannot open " << settings.input << ": " << std::strerror(errno) << "\n";
        return 2;
    }
    const bool csv = settings.format == "csv" || (settings.format.empty() && endsWith(settings.input, ".csv"));

    const std::shared_ptr<const engine::Model> model = loadModel(options, std::cerr);
    if (!model) return 1;
    // The batch structures are part of compiling the rules: built here, once,
    // not by the first ticket (and not at all by the other commands).
    model->compileForBatch();
    const engine::KnowledgeBase& kb = model->kb();

    RecordReader reader(input.file, csv ? RecordReader::Syntax::Csv : RecordReader::Syntax::JsonLines);
    std::optional<CsvTicketLayout> layout;
    if (csv) {
        RecordChunk header;
        if (reader.next(header, 1)) {
            std::string error;
            layout = CsvTicketLayout::fromHeader(kb, header.record(0), error);
            if (!layout) {
                std::cerr << settings.input << ":" << header.records[0].line << ": error: " << error << "\n";
                return 2;
            }
        }
    }

    const TicketWriter writer(kb, *fields);
    BatchPlan plan;
    plan.model = model;
    plan.writer = &writer;
    plan.csv = layout ? &*layout : nullptr;
    plan.top = settings.top;
    plan.writeLines = !settings.evalOnly;
    plan.collectOutcomes = settings.eval || settings.evalOnly;
    // Question choice is the expensive part; only "next" pays for it.
    plan.evaluate.helpful = fields->ask && plan.writeLines ? 3 : 0;
    plan.evaluate.nextQuestions = fields->next && plan.writeLines ? 3 : 0;
    plan.evaluate.wantFired = fields->fired && plan.writeLines;
    plan.evaluate.top = plan.collectOutcomes ? std::max<std::size_t>(settings.top, 3) : settings.top;
    // The writer reads ranking, fix steps and questions only for those fields, --eval the ranking.
    plan.evaluate.conclusionOnly =
        !fields->ranking && !fields->fix && !fields->ask && !fields->next && !plan.collectOutcomes;

    std::optional<ProgressBar> progress;
    if (::isatty(STDERR_FILENO)) {
        struct stat info {};
        std::optional<std::uint64_t> size;
        if (::fstat(::fileno(input.file), &info) == 0 && S_ISREG(info.st_mode))
            size = static_cast<std::uint64_t>(info.st_size);
        progress.emplace(stderr, size);
    }

    OutputStream out(STDOUT_FILENO);
    BatchEvaluationReport report(kb);
    std::uint64_t records = 0;
    std::uint64_t failed = 0;
    const std::size_t threads =
        settings.threads ? settings.threads : std::max(1u, std::thread::hardware_concurrency());
    runBatchPipeline(reader, plan, threads, [&](ChunkResult& result) {
        records += result.records;
        failed += result.failed;
        for (EvaluationOutcome& outcome : result.outcomes) report.add(std::move(outcome));
        if (progress) progress->update(records, result.inputBytesConsumed);
        return out.write(std::string_view(result.output.data(), result.output.size()));
    });
    if (progress) progress->finish();

    if (reader.failed()) {
        std::cerr << "triage batch: error reading " << settings.input << "\n";
        return 2;
    }
    if (out.failed()) return failed ? 1 : 0;  // the reader went away: end quietly

    if (plan.collectOutcomes) {
        fmt::memory_buffer text;
        report.render(text);
        if (settings.evalOnly) {
            out.write(std::string_view(text.data(), text.size()));
        } else {
            std::cerr.write(text.data(), static_cast<std::streamsize>(text.size()));
        }
    }
    if (failed) std::cerr << failed << " of " << records << " lines failed\n";
    return failed ? 1 : 0;
}

}  // namespace

void registerBatchCommand(CLI::App& app, GlobalOptions& options, int& exitCode) {
    auto settings = std::make_shared<BatchSettings>();
    CLI::App* command = app.add_subcommand("batch", "Diagnose many tickets at once: one JSON line out per ticket in");
    command->add_option("input", settings->input, "Tickets: a .jsonl or .csv file, or - for stdin")->required();
    command->add_option("--format", settings->format, "Input format (default: csv for *.csv, else jsonl)")
        ->check(CLI::IsMember({"jsonl", "csv"}));
    command->add_option("--fields", settings->fields,
                        "Keys to write, comma-separated, from " + std::string(ResultFields::allNames) +
                            " (default: " + std::string(ResultFields::defaultNames) +
                            "; next, the questions a session would ask, costs the most)");
    command->add_option("--top", settings->top, "Causes in each ranking (default: 3)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
    command->add_option("--threads", settings->threads, "Worker threads (default: the number of cores)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{256}));
    command->add_flag("--eval", settings->eval,
                      "Compare top causes with expect/expect_any; the report goes to stderr");
    command->add_flag("--eval-only", settings->evalOnly, "Like --eval, but write only the report, to stdout");
    command->footer(
        "Output: one line per non-blank input line, in input order:\n"
        "  {\"id\":..,\"cause\":..,\"score\":0.873,\"ranking\":[{\"cause\":..,\"score\":..}],\n"
        "   \"fix\":[step ids],\"fired\":[rule names],\"ask\":[facts worth asking]}\n"
        "  (--fields ...,next adds \"next\":[the questions `triage ask --facts` would ask first])\n"
        "A line that cannot be used (invalid JSON, unknown fact, bad value) becomes\n"
        "  {\"id\":..,\"line\":N,\"error\":\"..\"}\n"
        "and the batch goes on; a summary (\"3 of 1000 lines failed\") goes to stderr.\n"
        "CSV: a header row with id, fact names and optionally expect; an empty cell is unknown.\n"
        "Exit codes: 0 every line evaluated; 1 a line failed or the rules have errors;\n"
        "2 usage error (bad arguments, unreadable input, a bad CSV header).");
    command->callback([settings, &options, &exitCode] { exitCode = runBatch(*settings, options); });
}

}  // namespace triage::cli
