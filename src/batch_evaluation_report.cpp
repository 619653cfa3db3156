#include "batch_evaluation_report.hpp"

#include <algorithm>
#include <iterator>

namespace triage::cli {

namespace {

std::string ratio(std::size_t part, std::size_t whole) {
    if (whole == 0) return "-";
    return fmt::format("{}/{} = {:.1f}%", part, whole, 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

}  // namespace

EvaluationOutcome EvaluationOutcome::of(const Ticket& ticket, const engine::TicketResult& result) {
    EvaluationOutcome outcome;
    outcome.id = ticket.id;
    if (ticket.expect) outcome.expected.push_back(*ticket.expect);
    for (engine::CauseId cause : ticket.expectAny)
        if (!outcome.expects(cause)) outcome.expected.push_back(cause);
    if (result.conclusion) outcome.top = engine::RankedCause{result.conclusion->cause, result.conclusion->score};
    for (std::size_t i = 0; i < result.ranking.size() && i < 3; ++i) outcome.leaders.push_back(result.ranking[i].cause);
    return outcome;
}

bool EvaluationOutcome::expects(engine::CauseId cause) const {
    return std::find(expected.begin(), expected.end(), cause) != expected.end();
}

void BatchEvaluationReport::add(EvaluationOutcome outcome) { outcomes_.push_back(std::move(outcome)); }

void BatchEvaluationReport::render(fmt::memory_buffer& out) const {
    auto line = std::back_inserter(out);
    std::size_t top1 = 0;
    std::size_t top3 = 0;
    // Per cause: how often predicted, how often the truth, how often both.
    // With expect_any the truth is the predicted cause when it is acceptable,
    // else the first expected one, so an acceptable answer never costs recall.
    std::vector<std::size_t> predicted(kb_.causes.size()), truth(kb_.causes.size()), hits(kb_.causes.size());
    std::vector<const EvaluationOutcome*> misses;
    for (const EvaluationOutcome& outcome : outcomes_) {
        const bool right = outcome.top && outcome.expects(outcome.top->cause);
        top1 += right;
        top3 += std::any_of(outcome.leaders.begin(), outcome.leaders.end(),
                            [&](engine::CauseId cause) { return outcome.expects(cause); });
        if (outcome.top) ++predicted[outcome.top->cause];
        ++truth[right ? outcome.top->cause : outcome.expected.front()];
        if (right) {
            ++hits[outcome.top->cause];
        } else {
            misses.push_back(&outcome);
        }
    }

    fmt::format_to(line, "evaluation: {} tickets with an expected cause\n", outcomes_.size());
    fmt::format_to(line, "top-1 accuracy: {}\n", ratio(top1, outcomes_.size()));
    fmt::format_to(line, "top-3 accuracy: {}\n", ratio(top3, outcomes_.size()));
    if (outcomes_.empty()) return;

    std::size_t width = 5;
    for (engine::CauseId cause = 0; cause < kb_.causes.size(); ++cause)
        if (predicted[cause] || truth[cause]) width = std::max(width, kb_.cause(cause).name.size());
    fmt::format_to(line, "\n{:<{}}  {:<20}  {}\n", "cause", width, "precision", "recall");
    for (engine::CauseId cause = 0; cause < kb_.causes.size(); ++cause) {
        if (!predicted[cause] && !truth[cause]) continue;
        fmt::format_to(line, "{:<{}}  {:<20}  {}\n", kb_.cause(cause).name, width, ratio(hits[cause], predicted[cause]),
                       ratio(hits[cause], truth[cause]));
    }

    fmt::format_to(line, "\nmisses: {}\n", misses.size());
    for (const EvaluationOutcome* miss : misses) {
        std::string expected;
        for (engine::CauseId cause : miss->expected) expected += (expected.empty() ? "" : " or ") + kb_.cause(cause).name;
        const std::string got = miss->top ? fmt::format("{} ({:.3f})", kb_.cause(miss->top->cause).name, miss->top->score)
                                          : std::string("no cause");
        fmt::format_to(line, "  {}: expected {}, got {}\n", miss->id.value_or("(no id)"), expected, got);
    }
}

}  // namespace triage::cli
