// Whether an answer could still matter to a rule: its truth now, whether the
// answer can change it, and whether the rule leads to a cause. Shared by
// question choice and `why`; results are cached in the thread's scratch.
#pragma once

#include <optional>

#include "diagnosis_state.hpp"
#include "flat_conditions.hpp"
#include "question_scratch.hpp"
#include "triage/engine/rule_index.hpp"

namespace triage::engine {

class QuestionRelevance {
public:
    /// Starts a new analysis in `scratch` (its earlier caches become stale,
    /// except the per-rule ones with `sameState`: the same facts again).
    /// `flat`: the model's conditions flattened (the batch path has them),
    /// read instead of the condition trees; same results, fewer instructions.
    QuestionRelevance(const Model& model, const DiagnosisState& state, QuestionScratch& scratch,
                      bool sameState = false, const FlatConditions* flat = nullptr);

    /// The rule's truth now (cached).
    Truth truth(RuleId rule) {
        return scratch_.truthStamp[rule] == scratch_.state ? scratch_.truth[rule] : computeTruth(rule);
    }
    /// Answering `fact` could make the rule fire: it fires already, or every
    /// conjunct not yet True reads `fact` alone. (Unknown `a and b` needs two
    /// answers; its fired state, and so every score, stays as it is.)
    bool canFireOnAnswer(RuleId rule, FactId fact) {
        // Fired (a `known`/`unknown` test can withdraw it), or turned: yes.
        if (truth(rule) != Truth::Unknown) return true;
        // A conjunct still undecided on another fact stays undecided: no single answer fires the rule.
        const FactId sole = scratch_.soleFact[rule];
        return sole == noSoleFact || sole == fact;
    }
    /// Answering `fact` (which the rule reads) could change the rule's truth:
    /// the rule is undecided, or a `known`/`unknown` test on the fact would
    /// turn it around.
    bool atStake(RuleId rule, FactId fact) { return truth(rule) == Truth::Unknown || decidedAtStake(rule, fact); }
    /// The rule concludes about a cause, or sets a derived fact that a rule
    /// still leading to a cause reads.
    bool leadsToCause(RuleId rule) {
        // Without derived facts every conclusion is about a cause.
        if (!hasDerivedFacts_) return !model_.kb().rules[rule].conclusions.empty();
        return scratch_.leadsStamp[rule] == scratch_.state ? scratch_.leads[rule] == 1 : computeLeadsToCause(rule);
    }
    /// The rule tests `known`/`unknown` of a fact with no value: answering it
    /// can turn even a decided rule around.
    bool testsKnowledgeOfAnUnknownFact(RuleId rule) const {
        // Inline: most rules have no such test, and the scope walk asks of every False one.
        return model_.index().testsKnowledge[rule] && knowledgeTestOfAnUnknownFact(rule);
    }
    /// The rule's weight (its strongest certainty; 0.5 for setting a fact)
    /// divided by the number of facts it reads that have no value.
    double stake(RuleId rule) {
        return scratch_.stakeStamp[rule] == scratch_.state ? scratch_.stake[rule] : computeStake(rule);
    }

    const Model& model() const { return model_; }
    const DiagnosisState& state() const { return state_; }
    /// The fact's value now.
    const std::optional<Value>& value(FactId fact) const { return values_[fact]; }
    QuestionScratch& scratch() { return scratch_; }
    const FlatConditions* flat() const { return flat_; }

private:
    // The cache misses of the inline calls above (question choice calls them per rule and fact).
    Truth computeTruth(RuleId rule);
    bool decidedAtStake(RuleId rule, FactId fact);
    /// testsKnowledgeOfAnUnknownFact for a rule with `known`/`unknown` atoms.
    bool knowledgeTestOfAnUnknownFact(RuleId rule) const;
    bool computeLeadsToCause(RuleId rule);
    double computeStake(RuleId rule);
    /// computeTruth for a flattened rule without `known`/`unknown` tests that did not fire.
    Truth flatTruth(RuleId rule);
    /// True when fired, False when its guard fact has another value, else none.
    std::optional<Truth> settledTruth(RuleId rule) const;
    /// The truth of a rule that did not fire, conjunct by conjunct; records its sole fact.
    Truth conjunctTruth(RuleId rule);
    /// conjunctTruth's walk over a top-level `and`, whichever form its conjuncts take.
    template <typename TruthOf, typename SoleFactOf>
    Truth blockingConjuncts(RuleId rule, std::size_t count, bool turnable, TruthOf truthOf, SoleFactOf soleFactOf);
    bool testsKnowledgeOf(RuleId rule, FactId fact) const;

    const Model& model_;
    const DiagnosisState& state_;
    FactValues values_;
    QuestionScratch& scratch_;
    const FlatConditions* flat_;
    bool hasDerivedFacts_;
};

}  // namespace triage::engine
