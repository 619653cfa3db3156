// `triage batch --eval`: how well the top causes match the causes people
// confirmed (expect / expect_any): top-1 and top-3 accuracy, precision and
// recall per cause, and the list of misses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ticket_reader.hpp"
#include "triage/engine/evaluation.hpp"

namespace triage::cli {

/// One evaluated ticket that had an expectation; small, so workers can hand it over.
struct EvaluationOutcome {
    std::optional<std::string> id;
    std::vector<engine::CauseId> expected;       // expect first, then expect_any
    std::optional<engine::RankedCause> top;      // the conclusion, if any
    std::vector<engine::CauseId> leaders;        // the first three of the ranking

    static EvaluationOutcome of(const Ticket& ticket, const engine::TicketResult& result);
    bool expects(engine::CauseId cause) const;
};

class BatchEvaluationReport {
public:
    explicit BatchEvaluationReport(const engine::KnowledgeBase& kb) : kb_(kb) {}

    void add(EvaluationOutcome outcome);
    /// The report as text (English: it is for rule authors, like diagnostics).
    void render(fmt::memory_buffer& out) const;

private:
    const engine::KnowledgeBase& kb_;
    std::vector<EvaluationOutcome> outcomes_;
};

}  // namespace triage::cli
