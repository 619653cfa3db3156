// Harness: a .rules text through the whole front end (parse, load with
// imports, check, lower, model build), then its test blocks through the engine,
// and the formatter, whose output must parse again and format to itself.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "triage/dsl/compiler.hpp"
#include "triage/dsl/formatter.hpp"
#include "triage/dsl/loader.hpp"
#include "triage/dsl/parser.hpp"
#include "triage/engine/evaluation.hpp"

namespace {

using namespace triage;

void checkFormatterRoundTrip(const std::string& text) {
    const dsl::SourceFile source("main.rules", text);
    const dsl::ParseResult parsed = dsl::parse(source);
    if (!parsed.ok()) return;
    const std::string formatted = dsl::formatFile(parsed.file, source);
    const dsl::SourceFile again("formatted.rules", formatted);
    const dsl::ParseResult reparsed = dsl::parse(again);
    if (!reparsed.ok()) {
        std::fprintf(stderr, "fuzz: formatted text does not parse:\n%s\n", formatted.c_str());
        for (const auto& diagnostic : reparsed.diagnostics) std::fputs(dsl::format(diagnostic).c_str(), stderr);
        std::abort();
    }
    if (dsl::formatFile(reparsed.file, again) != formatted) {
        std::fprintf(stderr, "fuzz: formatting is not stable:\n%s\n", formatted.c_str());
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    // The text is reachable under two names and a folder, so imports of
    // itself, of a sibling and of a folder all happen.
    const dsl::MemorySources sources({{"main.rules", text}, {"lib/sibling.rules", text}});
    const dsl::Program program = dsl::load({"main.rules"}, sources);
    const dsl::CompileResult compiled = dsl::compile(program, {});
    for (const dsl::Diagnostic& diagnostic : compiled.diagnostics) {
        dsl::FormatOptions options;
        options.colour = diagnostic.span.begin % 2 == 0;
        (void)dsl::format(diagnostic, options);
    }
    if (compiled.knowledgeBase) {
        std::vector<engine::ModelIssue> issues;
        const auto model = engine::Model::build(compiled.knowledgeBase, issues);
        for (const engine::RuleTest& test : compiled.knowledgeBase->tests) (void)engine::runTest(model, test);
    }
    checkFormatterRoundTrip(text);
    return 0;
}
