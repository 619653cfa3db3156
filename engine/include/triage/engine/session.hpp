// An interactive diagnosis: known facts, forward chaining to a fixpoint after
// each answer, ranking, the next question to ask, undo and explanations.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "triage/engine/explanation.hpp"
#include "triage/engine/model.hpp"

namespace triage::engine {

struct RankedCause {
    CauseId cause = 0;
    double score = 0;  // in [0, 1]
};

struct Question {
    FactId fact = 0;
    double expectedGain = 0;  // information gain (bits) per unit of cost
};

/// A fact whose answer would move the scores of the causes in contention
/// (batch `ask`, docs/inference.md §4 "Batch `ask`"). Its stake: over the
/// undecided rules that need it, the largest of how far a rule would move the
/// scores it concludes about once fired, shared among the facts that rule
/// still needs, per unit of asking cost.
struct HelpfulFact {
    FactId fact = 0;
    double stake = 0;
};

/// What a session concludes: the top cause, the others, the fix steps.
/// (Named Diagnosis because engine::Conclusion is a rule's `then` part.)
struct Diagnosis {
    CauseId cause = 0;
    double score = 0;
    std::vector<RankedCause> runnersUp;
    std::vector<std::uint32_t> steps;  // indices into Cause::steps, `when` applied
    bool confident = false;            // met the stop policy (else: nothing left to ask)
};

class Session {
public:
    /// Starts from given facts (a ticket's), already chained to a fixpoint.
    explicit Session(std::shared_ptr<const Model> model,
                     const std::vector<std::pair<FactId, Value>>& given = {});
    ~Session();
    Session(const Session&);
    Session& operator=(const Session&);

    const Model& model() const { return *model_; }

    /// The best question to ask now, or none when the session should conclude.
    std::optional<Question> nextQuestion() const;
    /// Records an answer; nullopt = "unknown" (the fact will not be asked again).
    void answer(FactId fact, std::optional<Value> value);
    /// Takes back the last answer; false when there is none.
    bool undo();
    /// Number of answers given so far (undo steps available).
    std::size_t answerCount() const;

    /// Causes with evidence, best first (ties: declaration order).
    std::vector<RankedCause> ranking() const;
    /// The top cause with its fix, when any cause has supporting evidence.
    std::optional<Diagnosis> conclusion() const;

    std::optional<Value> value(FactId fact) const;
    bool wasAsked(FactId fact) const;  // answered, including "unknown"
    /// Rules that fired, in firing order.
    std::vector<RuleId> firedRules() const;
    /// Askable unknown facts whose answer could still change the ranking,
    /// most useful first; the first is nextQuestion() whenever there is one
    /// (what batch output lists as `next`).
    std::vector<Question> usefulQuestions(std::size_t limit) const;
    /// Askable unknown facts whose answers would most move the scores of the
    /// ranking's first causes, most first (batch `ask`). Cheaper than
    /// usefulQuestions: it reads only the rules about those causes.
    std::vector<HelpfulFact> helpfulFacts(std::size_t limit) const;

    WhyExplanation why(FactId question) const;
    HowExplanation how(CauseId cause) const;
    WhyNotExplanation whyNot(CauseId cause) const;

private:
    struct State;
    std::shared_ptr<const Model> model_;
    std::unique_ptr<State> state_;
};

}  // namespace triage::engine
