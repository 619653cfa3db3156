#include "one_pass_evaluation.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <span>

#include "session_state.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/scoring.hpp"
#include "triage/engine/truth.hpp"

namespace triage::engine {

OnePassEvaluation::OnePassEvaluation(std::shared_ptr<const Model> model)
    : model_(std::move(model)),
      compiled_(model_->compiledRules()),
      masks_(compiled_.masks()),
      effects_(compiled_.effects()),
      values_(model_->kb().facts.size()),
      given_(model_->kb().facts.size(), 0),
      literals_(std::max<std::size_t>(masks_.words(), 1), 0),
      touched_(model_->kb().facts.size()),
      candidateEpoch_(model_->kb().rules.size(), 0),
      firedEpoch_(model_->kb().rules.size(), 0),
      firing_(std::make_unique_for_overwrite<RuleId[]>(model_->kb().rules.size())),
      evidence_(model_->kb().causes.size()),
      concluded_(std::make_unique_for_overwrite<CauseId[]>(model_->kb().causes.size())) {
    const auto& levels = model_->index().levels;
    hasLevels_ = std::any_of(levels.begin(), levels.end(), [](std::uint32_t level) { return level > 0; });
}

void OnePassEvaluation::reset() {
    const std::span<const FactId> touched(touched_.data(), touchedCount_);
    for (const FactId fact : touched) {
        values_[fact].reset();
        given_[fact] = 0;
    }
    // A rule base of a few dozen facts has a word or two of literals:
    // clearing them whole beats finding each fact's bits.
    if (literals_.size() <= touched.size()) {
        std::fill(literals_.begin(), literals_.end(), 0);
    } else {
        for (const FactId fact : touched)
            if (const std::uint64_t bits = masks_.factBits(fact)) literals_[masks_.factWord(fact)] &= ~bits;
    }
    touchedCount_ = 0;
    agenda_.clear();
    firingCount_ = 0;
    concludedCount_ = 0;
    if (++epoch_ == 0) {  // wrapped: stamps from 2^32 tickets ago would look current
        std::fill(candidateEpoch_.begin(), candidateEpoch_.end(), 0);
        std::fill(firedEpoch_.begin(), firedEpoch_.end(), 0);
        for (Evidence& evidence : evidence_) evidence.epoch = 0;
        epoch_ = 1;
    }
}

inline void OnePassEvaluation::setValue(FactId fact, std::optional<Value> value) {
    if (!values_[fact]) touched_[touchedCount_++] = fact;
    values_[fact] = value;
    if (const std::uint64_t bits = masks_.factBits(fact)) {
        std::uint64_t& word = literals_[masks_.factWord(fact)];
        word &= ~bits;
        if (value)
            if (const std::uint32_t literal = masks_.literal(fact, *value); literal != ConditionMasks::noLiteral)
                word |= std::uint64_t{1} << (literal % 64);
    }
}

inline void OnePassEvaluation::give(FactId fact, Value value) {
    // Inlined in the ticket's loop (setValue with it): every given fact passes here.
    setValue(fact, value);
    given_[fact] = 1;
}

void OnePassEvaluation::addCandidate(RuleId rule) {
    if (candidateEpoch_[rule] == epoch_) return;
    candidateEpoch_[rule] = epoch_;
    agenda_.emplace_back(model_->index().levels[rule], rule);
    if (hasLevels_) std::push_heap(agenda_.begin(), agenda_.end(), std::greater<>());
}

void OnePassEvaluation::addCandidates(const std::vector<RuleId>& rules) {
    for (RuleId rule : rules) addCandidate(rule);
}

std::optional<Value> OnePassEvaluation::derivedValue(FactId fact) const {
    // Setters are sorted winner first: priority, specificity, file order.
    for (RuleId setter : model_->index().setters[fact]) {
        if (firedEpoch_[setter] != epoch_) continue;
        for (const auto& conclusion : model_->kb().rules[setter].conclusions)
            if (conclusion.kind == Conclusion::Kind::Sets && conclusion.fact == fact) return conclusion.value;
    }
    return std::nullopt;
}

void OnePassEvaluation::fire(RuleId rule) {
    firedEpoch_[rule] = epoch_;
    firing_[firingCount_++] = rule;
    if (!effects_.setsFacts(rule)) return;
    for (const auto& conclusion : model_->kb().rules[rule].conclusions) {
        if (conclusion.kind != Conclusion::Kind::Sets || given_[conclusion.fact]) continue;
        const FactId fact = conclusion.fact;
        const std::optional<Value> now = derivedValue(fact);
        if (values_[fact] == now) continue;
        setValue(fact, now);
        // Readers of a derived fact sit at a higher level than all its setters,
        // so they are examined after its value is final.
        if (const RuleIndex::Bucket* bucket = model_->index().bucket(fact, *now)) addCandidates(bucket->rules);
    }
}

void OnePassEvaluation::chain() {
    while (!agenda_.empty()) {
        std::pop_heap(agenda_.begin(), agenda_.end(), std::greater<>());
        const RuleId rule = agenda_.back().second;
        agenda_.pop_back();
        if (masks_.holds(rule, literals_.data(), values_)) fire(rule);
    }
}

inline void OnePassEvaluation::examine(const BucketPrograms::Program& program) {
    // Simple rules set no fact, so firing one is only listing it (its
    // firedEpoch_ stamp is read for setters alone).
    // firing_ has room: each rule is examined once.
    const RuleId* end = BucketPrograms::collectHolding(program, literals_.data(), firing_.get() + firingCount_);
    firingCount_ = static_cast<std::size_t>(end - firing_.get());
    for (RuleId rule : program.general)
        if (masks_.holds(rule, literals_.data(), values_)) fire(rule);
}

inline bool OnePassEvaluation::accumulateEvidence() {
    // Locals, not members: stores into the per-cause entries would
    // otherwise make the compiler reload the tables for every piece.
    const RuleEffects::Table effects = effects_.table();
    Evidence* const perCause = evidence_.data();
    CauseId* const concluded = concluded_.get();
    std::size_t concludedCount = concludedCount_;
    const std::uint32_t epoch = epoch_;
    bool orderMatters = false;
    for (const RuleId rule : firing())
        for (const RuleEffects::Evidence* effect = effects.first(rule), *end = effects.first(rule + 1); effect != end;
             ++effect) {
            Evidence& evidence = perCause[effect->cause];
            if (evidence.epoch != epoch) {
                evidence = Evidence{epoch, 0, 0, 1.0, 1.0};
                concluded[concludedCount++] = effect->cause;
            }
            if (effect->supports) {
                evidence.disbelievedBySupport *= effect->unbelief;
                ++evidence.supports;
            } else {
                evidence.keptByExclusion *= effect->unbelief;
            }
            // Two factors multiply the same either way; from three on, the
            // rounding depends on the order.
            orderMatters |= ++evidence.pieces >= 3;
        }
    concludedCount_ = concludedCount;
    return orderMatters;
}

void OnePassEvaluation::accumulateInRuleOrder() {
    // Products in RuleId order, as scoreCauses takes them: bit-identical
    // scores. Sorting the fired rules is only needed when the order shows.
    if (accumulateEvidence() && !firedSorted_) {
        for (CauseId cause : concluded()) evidence_[cause].epoch = 0;  // never the current epoch
        concludedCount_ = 0;
        std::sort(firing().begin(), firing().end());
        firedSorted_ = true;
        accumulateEvidence();
    }
}

RankedCause OnePassEvaluation::scored(CauseId cause) const {
    const Evidence& evidence = evidence_[cause];
    return {cause, scoreFromProducts(effects_.prior(cause), evidence.disbelievedBySupport, evidence.keptByExclusion)};
}

void OnePassEvaluation::scoresNow(std::vector<CauseScore>& out) const {
    for (const CauseId cause : concluded()) out.push_back({cause, scored(cause).score, evidence_[cause].supports != 0});
}

namespace {

bool ranksBefore(const RankedCause& a, const RankedCause& b) { return ranksAbove(a.score, a.cause, b.score, b.cause); }

/// `rules` by firing rank into `out`. A ticket fires a few dozen rules (17
/// at N=1,000, 8-80 at N=100,000): each one's place is the count of those
/// ranked before it (ranks are distinct), n^2 compares that vectorise, with
/// no branch to mispredict, where a sort mispredicts about one compare in two.
void inFiringOrder(std::span<const RuleId> rules, const std::vector<std::uint32_t>& firingRank,
                   std::vector<RuleId>& out) {
    const std::size_t count = rules.size();
    out.resize(count);
    constexpr std::size_t countingLimit = 128;
    if (count > countingLimit) {
        std::copy(rules.begin(), rules.end(), out.begin());
        std::sort(out.begin(), out.end(), [&](RuleId a, RuleId b) { return firingRank[a] < firingRank[b]; });
        return;
    }
    // Signed, and padded to whole vectors with a rank above all: the inner
    // loop is then a run of SSE2 compares (ranks stay below 2^31: rules do).
    constexpr std::size_t lanes = 4;
    alignas(16) std::int32_t ranks[countingLimit];
    const std::size_t padded = (count + lanes - 1) / lanes * lanes;
    for (std::size_t i = 0; i < count; ++i) ranks[i] = static_cast<std::int32_t>(firingRank[rules[i]]);
    for (std::size_t i = count; i < padded; ++i) ranks[i] = std::numeric_limits<std::int32_t>::max();
    for (std::size_t i = 0; i < count; ++i) {
        std::int32_t before = 0;
        for (std::size_t j = 0; j < padded; ++j) before += ranks[j] < ranks[i] ? 1 : 0;
        out[static_cast<std::size_t>(before)] = rules[i];
    }
}

}  // namespace

void OnePassEvaluation::rank(std::vector<RankedCause>& ranking, std::size_t keep) {
    accumulateInRuleOrder();
    // Only the first `keep` are read. For the few a line shows, keep them
    // sorted while scoring (a ticket concludes 10-40 causes): no sort at all.
    constexpr std::size_t insertionLimit = 8;
    ranking.clear();
    // Only supported causes are ranked: a cause with exclusions alone is not a diagnosis.
    for (const CauseId cause : concluded()) {
        if (evidence_[cause].supports == 0) continue;
        const RankedCause ranked = scored(cause);
        if (keep > insertionLimit) {
            ranking.push_back(ranked);
            continue;
        }
        if (ranking.size() == keep) {
            if (keep == 0 || !ranksBefore(ranked, ranking.back())) continue;
            ranking.pop_back();
        }
        ranking.push_back(ranked);
        for (std::size_t i = ranking.size() - 1; i > 0 && ranksBefore(ranking[i], ranking[i - 1]); --i)
            std::swap(ranking[i], ranking[i - 1]);
    }
    if (keep > insertionLimit) {
        keep = std::min(keep, ranking.size());
        std::partial_sort(ranking.begin(), ranking.begin() + static_cast<std::ptrdiff_t>(keep), ranking.end(),
                          ranksBefore);
        ranking.resize(keep);
    }
}

inline std::optional<RankedCause> OnePassEvaluation::best() {
    accumulateInRuleOrder();
    // Below every score (they are in [0, 1], and NaN never wins a comparison either way).
    RankedCause found{0, -std::numeric_limits<double>::infinity()};
    bool any = false;
    for (const CauseId cause : concluded()) {
        if (evidence_[cause].supports == 0) continue;
        const RankedCause ranked = scored(cause);
        if (!any || ranksBefore(ranked, found)) found = ranked;
        any = true;
    }
    if (!any) return std::nullopt;
    return found;
}

void OnePassEvaluation::concludeTopOnly(TicketResult& result) {
    result.ranking.clear();
    const std::optional<RankedCause> top = best();
    if (!top) {
        result.conclusion.reset();
        return;
    }
    result.ranking.push_back(*top);
    Diagnosis& found = result.conclusion ? *result.conclusion : result.conclusion.emplace();
    found.cause = top->cause;
    found.score = top->score;
    found.runnersUp.clear();
    found.steps.clear();
    found.confident = false;
}

void OnePassEvaluation::evaluate(const std::vector<std::pair<FactId, Value>>& facts, const EvaluateOptions& options,
                                 TicketResult& result) {
    const RuleIndex& index = model_->index();
    reset();
    for (const auto& [fact, value] : facts) give(fact, value);
    // A guarded rule can only hold while its guard does: the given values'
    // buckets, plus the rules without a guard, are every rule that can fire
    // (and the buckets of derived values, added as they are derived).
    if (hasLevels_) {
        for (const auto& [fact, value] : facts)
            if (const RuleIndex::Bucket* bucket = index.bucket(fact, *values_[fact])) addCandidates(bucket->rules);
        addCandidates(index.unguarded);
        chain();
    } else {
        // No rule reads a derived fact: every rule sees only given values, and
        // each rule sits in one bucket, so each bucket of a given value (each
        // given fact once: touched_, before anything fires) is read straight
        // through, without an agenda.
        const BucketPrograms& programs = compiled_.programs();
        const std::size_t givenFacts = touchedCount_;
        for (std::size_t i = 0; i < givenFacts; ++i) {
            const FactId fact = touched_[i];
            if (const RuleIndex::Bucket* bucket = index.bucket(fact, *values_[fact]))
                examine(programs.bucket(static_cast<std::size_t>(bucket - index.buckets.data())));
        }
        examine(programs.unguarded());
    }
    firedSorted_ = false;

    if (options.conclusionOnly) {
        concludeTopOnly(result);
    } else {
        // The stop policy reads the runner-up, even when only the top is wanted.
        rank(result.ranking, std::max<std::size_t>(options.top, 2));
        // The stop policy reads the whole kept ranking; the runners-up shown stop at `top`.
        diagnoseInto(*model_, result.ranking, options.top > 0 ? options.top - 1 : 0, values_, result.conclusion);
        if (result.ranking.size() > options.top) result.ranking.resize(options.top);
    }
    if (options.nextQuestions > 0) sortFiredRules();  // question choice reads them in order
    result.fired.clear();
    if (options.wantFired) inFiringOrder(firing(), index.firingRank, result.fired);
    result.helpful.clear();
    result.nextQuestions.clear();
}

void OnePassEvaluation::sortFiredRules() {
    if (firedSorted_) return;
    std::sort(firing().begin(), firing().end());
    firedSorted_ = true;
}

}  // namespace triage::engine
