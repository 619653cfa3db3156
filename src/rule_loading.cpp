#include "rule_loading.hpp"

#include <cstdint>
#include <cstdlib>
#include <ostream>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "triage/bundled_rules.hpp"
#include "triage/dsl/compiler.hpp"
#include "triage/dsl/diagnostic.hpp"

namespace triage::cli {

namespace {

constexpr const char* bundledFolder = "rules";

/// Asks for transparent huge pages under the heap that loading is about to
/// fill. A 100,000-rule load touches ~170 MiB in millions of small blocks;
/// with 4 KiB pages that is ~40,000 page faults and as many TLB misses
/// (measured: 1.0 user + 0.35 sys s; with huge pages 0.65 + 0.05 s). glibc
/// reads its own switch for this (glibc.malloc.hugetlb) only at start-up, so
/// the heap is grown once by a large pad and the whole of it advised here.
/// Where THP is off ("never") or malloc is not glibc's (sanitizers,
/// valgrind) the advice is ignored: it changes no behaviour, only speed.
void adviseHugePagesForHeap() {
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    static bool done = false;
    if (done) return;
    done = true;
    constexpr std::size_t pad = 256u << 20;  // virtual only: pages are backed when touched
    mallopt(M_TOP_PAD, static_cast<int>(pad));
    char* const before = static_cast<char*>(sbrk(0));
    void* probe = malloc(64 * 1024);  // below the mmap threshold: grows the heap by the pad
    char* const after = static_cast<char*>(sbrk(0));
    if (probe != nullptr && after > before) {
        const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
        const auto start = (reinterpret_cast<std::uintptr_t>(probe) + page - 1) & ~(page - 1);
        const auto end = reinterpret_cast<std::uintptr_t>(after) & ~(page - 1);
        if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
    }
    free(probe);
#endif
}

/// Keeps every loaded model reachable until the process ends, so it is never
/// destroyed: freeing a 100,000-rule model node by node costs ~0.3 CPU s at
/// exit for memory the operating system takes back at once. The pointer lives
/// in a static, so leak checkers (LSan, valgrind) see it as reachable, not lost.
void keepUntilExit(std::shared_ptr<const engine::Model> model) {
    static auto* const kept = new std::vector<std::shared_ptr<const engine::Model>>();
    kept->push_back(std::move(model));
}

}  // namespace

RuleSources RuleSources::fromDisk(std::vector<std::string> paths) {
    return RuleSources{std::make_unique<dsl::DiskSources>(), std::move(paths)};
}

RuleSources RuleSources::bundled() {
    std::map<std::string, std::string> files;
    for (const auto& [name, text] : triage::bundledRules()) files.emplace(std::string(bundledFolder) + "/" + name, text);
    return RuleSources{std::make_unique<dsl::MemorySources>(std::move(files)), {bundledFolder}};
}

RuleLoadReport loadRules(const RuleSources& sources, bool warningsAsErrors, std::ostream& err, bool colour) {
    adviseHugePagesForHeap();
    dsl::Program program = dsl::load(sources.paths, *sources.provider);
    dsl::CompileOptions compileOptions;
    compileOptions.warningsAsErrors = warningsAsErrors;
    // The program is given up, so its syntax trees go before the model is built (peak memory).
    dsl::CompileResult compiled = dsl::compile(std::move(program), compileOptions);
    std::vector<dsl::Diagnostic> diagnostics = std::move(compiled.diagnostics);

    RuleLoadReport report;
    dsl::FormatOptions formatOptions;
    formatOptions.colour = colour;
    for (const dsl::Diagnostic& diagnostic : diagnostics) {
        err << dsl::format(diagnostic, formatOptions);
        if (diagnostic.severity == dsl::Severity::Error) ++report.errors;
        if (diagnostic.severity == dsl::Severity::Warning) ++report.warnings;
    }
    if (report.errors == 0) {
        report.model = std::move(compiled.model);
        if (report.model) keepUntilExit(report.model);
    }
    return report;
}

}  // namespace triage::cli
