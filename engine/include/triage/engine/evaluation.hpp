// One-shot evaluation of a ticket (batch mode) and the runner of the rule
// base's own test blocks. Both reuse Session; no I/O.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "triage/engine/session.hpp"

namespace triage::engine {

struct TicketResult {
    std::vector<RankedCause> ranking;      // best first, at most `top`
    std::optional<Diagnosis> conclusion;
    std::vector<RuleId> fired;
    std::vector<HelpfulFact> helpful;      // `ask`: facts whose answers would most move the contenders
    std::vector<Question> nextQuestions;   // `next`: what a session started from the ticket would ask
};

struct EvaluateOptions {
    std::size_t top = 3;
    std::size_t helpful = 3;        // facts in `helpful` at most (0: none looked for)
    bool wantFired = true;
    /// Only the conclusion's cause and score will be read (a batch line of
    /// id, cause and score): the ranking may then hold the top cause alone,
    /// and the conclusion lack runners-up, fix steps and the stop policy's
    /// verdict, which cost a ranking pass and a condition per fix step.
    bool conclusionOnly = false;
    std::size_t nextQuestions = 0;  // questions in `nextQuestions` at most (0: no question choice, the costly part)
};

TicketResult evaluate(const std::shared_ptr<const Model>& model,
                      const std::vector<std::pair<FactId, Value>>& facts,
                      const EvaluateOptions& options = {});
/// The same into `result`, reusing its storage: the batch loop's form. The
/// conclusion's runners-up are cut to `options.top` like the ranking.
void evaluate(const std::shared_ptr<const Model>& model, const std::vector<std::pair<FactId, Value>>& facts,
              const EvaluateOptions& options, TicketResult& result);

struct TestFailure {
    Origin origin;        // of the expectation that failed
    std::string message;  // what was expected and what came out
};

/// Runs one `test` block; empty when it passes.
std::vector<TestFailure> runTest(const std::shared_ptr<const Model>& model, const RuleTest& test);

}  // namespace triage::engine
