// Batch evaluation of one ticket without truth maintenance: a fresh ticket
// never withdraws a conclusion, so each candidate rule is examined once, in
// level order, and nothing is recorded for undo. Reused between tickets.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "compiled_rules.hpp"
#include "diagnosis_state.hpp"
#include "helpful_facts.hpp"
#include "triage/engine/evaluation.hpp"
#include "triage/engine/scoring.hpp"

namespace triage::engine {

class OnePassEvaluation {
public:
    explicit OnePassEvaluation(std::shared_ptr<const Model> model);

    const std::shared_ptr<const Model>& model() const { return model_; }
    const CompiledRules& compiled() const { return compiled_; }
    /// ConditionMasks' literal words of the last evaluate()'s values.
    const std::uint64_t* literals() const { return literals_.data(); }
    /// The facts with a value after the last evaluate(), each once.
    std::span<const FactId> factsWithValues() const { return {touched_.data(), touchedCount_}; }

    /// The same TicketResult as a Session started from `facts`, without
    /// `helpful` and `nextQuestions` (see evaluation.cpp), and with the conclusion's runners-up
    /// cut as the ranking is, to `top`. Reuses `result`'s storage.
    void evaluate(const std::vector<std::pair<FactId, Value>>& facts, const EvaluateOptions& options,
                  TicketResult& result);

    /// The state the last evaluate() left: values per fact, given or not,
    /// fired rules (ascending when question choice reads them: see evaluate).
    FactValues values() const { return values_; }
    bool isGiven(FactId fact) const { return given_[fact] != 0; }
    std::span<const RuleId> firedRules() const { return {firing_.get(), firingCount_}; }
    /// Makes firedRules() ascending, as question choice reads them (evaluate
    /// leaves them so when EvaluateOptions::nextQuestions asks for it).
    void sortFiredRules();
    /// The evidence products of a cause, as the last evaluate() scored it.
    CauseEvidence evidenceOf(CauseId cause) const {
        const Evidence& evidence = evidence_[cause];
        if (evidence.epoch != epoch_) return {};
        return {evidence.disbelievedBySupport, evidence.keptByExclusion};
    }
    /// The score of each cause with evidence, as the last evaluate() ranked
    /// them (bit-identical to scoreCauses: the products are in RuleId order
    /// when question choice is wanted).
    void scoresNow(std::vector<CauseScore>& out) const;
    /// The flattened conditions, indexed for question choice.
    const FlatConditions& conditionsForQuestions() const { return compiled_.flatWithFactsRead(); }

private:
    void reset();
    void give(FactId fact, Value value);
    void setValue(FactId fact, std::optional<Value> value);
    void addCandidates(const std::vector<RuleId>& rules);
    void addCandidate(RuleId rule);
    void chain();
    void examine(const BucketPrograms::Program& program);
    void fire(RuleId rule);
    std::optional<Value> derivedValue(FactId fact) const;
    /// The `keep` best supported causes, best first.
    void rank(std::vector<RankedCause>& ranking, std::size_t keep);
    /// The best supported cause alone, as rank's first: one comparison per cause.
    std::optional<RankedCause> best();
    /// EvaluateOptions::conclusionOnly: the best cause as ranking and conclusion.
    void concludeTopOnly(TicketResult& result);

    std::shared_ptr<const Model> model_;
    const CompiledRules& compiled_;
    const ConditionMasks& masks_;
    const RuleEffects& effects_;
    bool hasLevels_ = false;  // some rule reads a derived fact: candidates go in level order
    std::uint32_t epoch_ = 0;

    std::vector<std::optional<Value>> values_;  // per fact
    std::vector<std::uint8_t> given_;           // per fact
    std::vector<std::uint64_t> literals_;       // ConditionMasks' literal words of values_
    // Facts with a value, to reset: each at most once (added when it gets its
    // first value), so sized once and appended without a capacity check.
    std::vector<FactId> touched_;
    std::size_t touchedCount_ = 0;
    std::vector<std::uint32_t> candidateEpoch_;  // per rule: == epoch_ once a candidate
    std::vector<std::uint32_t> firedEpoch_;      // per rule: == epoch_ once fired
    std::vector<std::pair<std::uint32_t, RuleId>> agenda_;  // (level, rule); a min-heap when hasLevels_
    // The fired rules as found: room for every rule, so the bucket programs
    // write straight into it (a resize would zero what they overwrite), and
    // left uninitialised: only the pages a batch reaches take memory.
    std::unique_ptr<RuleId[]> firing_;
    std::size_t firingCount_ = 0;
    std::span<RuleId> firing() { return {firing_.get(), firingCount_}; }

    struct Evidence {
        std::uint32_t epoch = 0;
        std::uint32_t supports = 0;         // supporting pieces seen: ranked when not 0
        std::uint32_t pieces = 0;           // supports and excludes seen
        double disbelievedBySupport = 1.0;  // prod(1 - c) over supporting rules
        double keptByExclusion = 1.0;       // prod(1 - c) over excluding rules
    };
    /// Evidence of the fired rules per cause; true when some cause has three
    /// pieces or more, whose product depends on the order they come in.
    bool accumulateEvidence();
    /// accumulateEvidence, in RuleId order where the order shows.
    void accumulateInRuleOrder();
    RankedCause scored(CauseId cause) const;
    bool firedSorted_ = false;  // firing() ascending (it is sorted only when read in order)
    std::vector<Evidence> evidence_;  // per cause
    // Causes with evidence this ticket, each once: room for every cause.
    std::unique_ptr<CauseId[]> concluded_;
    std::size_t concludedCount_ = 0;
    std::span<const CauseId> concluded() const { return {concluded_.get(), concludedCount_}; }
};

/// The batch path's state after a ticket, as question choice and `ask` read
/// it: values, fired rules and evidence of the last evaluate(); a ticket
/// answers nothing, so nothing was asked.
class OnePassState final : public DiagnosisState, public EvidenceNow {
public:
    explicit OnePassState(const OnePassEvaluation& evaluation) : evaluation_(evaluation) {}
    FactValues values() const override { return evaluation_.values(); }
    bool isGiven(FactId fact) const override { return evaluation_.isGiven(fact); }
    bool wasAsked(FactId) const override { return false; }
    std::span<const RuleId> firedRules() const override { return evaluation_.firedRules(); }
    const WorkingMemory* memory() const override { return nullptr; }
    bool scoresNow(std::vector<CauseScore>& out) const override {
        evaluation_.scoresNow(out);
        return true;
    }
    CauseEvidence of(CauseId cause) const override { return evaluation_.evidenceOf(cause); }

private:
    const OnePassEvaluation& evaluation_;
};

}  // namespace triage::engine
