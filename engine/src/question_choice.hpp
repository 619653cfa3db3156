// Choosing the next question: which askable facts can still matter
// (candidates), how much each is expected to tell about the causes per unit
// of cost, and whether any answers could still change the top cause.
#pragma once

#include <optional>
#include <vector>

#include "triage/engine/session.hpp"
#include "triage/engine/working_memory.hpp"

namespace triage::engine {

struct QuestionAnalysis {
    std::vector<Question> ranked;  // every candidate, most useful first
    bool topCanChange = false;     // some answer (now or after more answers) could change the top cause
};

class QuestionChooser {
public:
    QuestionChooser(const Model& model, const WorkingMemory& memory);

    /// Askable facts not known, not asked, read by a rule whose outcome the
    /// answer can still decide and that leads to a cause. Ascending FactId.
    std::vector<FactId> candidates();
    /// Scores every candidate by simulating each of its answers.
    QuestionAnalysis analyse();

    /// Answering `fact` (which the rule reads) could change the rule's truth:
    /// the rule is undecided, or a `known`/`unknown` test on the fact would
    /// turn it around.
    bool atStake(RuleId rule, FactId fact);
    /// The rule concludes about a cause, or sets a derived fact that a rule
    /// still leading to a cause reads.
    bool leadsToCause(RuleId rule);

private:
    Truth truth(RuleId rule);
    bool testsKnowledgeOf(RuleId rule, FactId fact) const;
    bool couldGainSupport(CauseId cause);
    double stake(FactId fact);
    bool topCanChangeLater(const std::vector<CauseId>& live, std::optional<CauseId> top);

    const Model& model_;
    const WorkingMemory& memory_;
    std::vector<std::uint8_t> truth_;    // per rule: Truth, or 3 = not yet computed
    std::vector<std::uint8_t> leads_;    // per rule: 0 no, 1 yes, 2 not yet computed, 3 in progress
    std::vector<std::optional<Value>> trialValues_;  // working memory with one fact tried out
};

/// Causes with support, by score descending, ties by CauseId.
std::vector<RankedCause> rankCauses(const KnowledgeBase& kb, const std::vector<RuleId>& fired);

}  // namespace triage::engine
