#include "question_choice.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "triage/engine/plogp_memo.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/scoring.hpp"

namespace triage::engine {

namespace {

constexpr double tieTolerance = 1e-9;

/// Stable sort of items[first, last) by key, highest first. A ticket has a
/// few dozen candidates at most: insertion, without stable_sort's buffer.
template <typename Item, typename Key>
void stableSortDescending(std::vector<Item>& items, std::size_t first, std::size_t last, Key key) {
    constexpr std::size_t insertionLimit = 64;
    const auto begin = items.begin() + static_cast<std::ptrdiff_t>(first), end = items.begin() + static_cast<std::ptrdiff_t>(last);
    if (last - first > insertionLimit) {
        std::stable_sort(begin, end, [&](const Item& a, const Item& b) { return key(a) > key(b); });
        return;
    }
    for (std::size_t i = first + 1; i < last; ++i) {
        if (!(key(items[i]) > key(items[i - 1]))) continue;  // in place already: the common case
        Item moving = std::move(items[i]);
        const auto movingKey = key(moving);
        std::size_t j = i;
        for (; j > first && movingKey > key(items[j - 1]); --j) items[j] = std::move(items[j - 1]);
        items[j] = std::move(moving);
    }
}

}  // namespace

std::vector<RankedCause> rankCauses(const KnowledgeBase& kb, const std::vector<RuleId>& fired) {
    std::vector<RankedCause> ranking;
    for (const CauseScore& score : scoreCauses(kb, fired))
        if (score.supported) ranking.push_back({score.cause, score.score});
    std::stable_sort(ranking.begin(), ranking.end(),
                     [](const RankedCause& a, const RankedCause& b) { return a.score > b.score; });
    return ranking;
}

QuestionAnalysis chooseQuestions(const Model& model, const DiagnosisState& state, const FlatConditions* flat,
                                 std::size_t limit, std::vector<Question> storage, AnalysisUse use) {
    // At least one: whether the focused analysis has a question decides which
    // one is used, and so does its topCanChange; its ranking is read only then.
    const std::size_t ranked = std::max<std::size_t>(limit, 1);
    QuestionAnalysis analysis = QuestionChooser(model, state, QuestionScope::Focused, false, flat)
                                    .analyse(ranked, std::move(storage), AnalysisUse::RankingIfTopCanChange);
    // Nothing the known facts point to can change the top: look at every cause still possible.
    if (analysis.ranked.empty() || !analysis.topCanChange)
        analysis = QuestionChooser(model, state, QuestionScope::Wide, true, flat)
                       .analyse(ranked, std::move(analysis.ranked), use);
    if (analysis.ranked.size() > limit) analysis.ranked.resize(limit);
    return analysis;
}

QuestionChooser::QuestionChooser(const Model& model, const DiagnosisState& state, QuestionScope scope,
                                 bool sameStateAsBefore, const FlatConditions* flat)
    : model_(model),
      state_(state),
      relevance_(model, state, questionScratch(), sameStateAsBefore, flat),
      scratch_(relevance_.scratch()),
      scope_(scope),
      rankingNow_(scratch_.rankingNow) {}

void QuestionChooser::collectScope() {
    // A guarded rule cannot hold while its guard fact has another value, so
    // the rules worth a look come from the guard buckets (docs/inference.md §1).
    const RuleIndex& index = model_.index();
    // The wide scope holds the focused one: after the focused analysis of the
    // same facts, its rules (already walked by candidates()) come first.
    walkedAlready_ = 0;
    if (scope_ == QuestionScope::Wide && scratch_.focusedWalkState == scratch_.state) {
        for (RuleId rule : scratch_.scope) scratch_.scopeStamp[rule] = scratch_.analysis;
        walkedAlready_ = scratch_.scope.size();
    } else {
        scratch_.scope.clear();
    }
    scratch_.focusedWalkState = 0;
    auto addToScope = [&scratch = scratch_](RuleId rule) {
        if (scratch.scopeStamp[rule] == scratch.analysis) return;
        scratch.scopeStamp[rule] = scratch.analysis;
        scratch.scope.push_back(rule);
    };
    if (scope_ == QuestionScope::Focused) {
        for (FactId guardFact : index.guardFacts)
            if (const std::optional<Value>& value = relevance_.value(guardFact))
                if (const RuleIndex::Bucket* bucket = index.bucket(guardFact, *value))
                    for (RuleId rule : bucket->rules) addToScope(rule);
    } else {
        // Every bucket but those a given value rules out for good (a derived
        // value only for now). Walking the buckets, not each guard fact's
        // readers: most readers of a bool are guarded by another fact; and
        // fact by fact, so that a given code is one bucket, not all of them.
        for (FactId guardFact : index.guardFacts) {
            const std::optional<Value>& value = relevance_.value(guardFact);
            if (value && state_.isGiven(guardFact)) {
                if (const RuleIndex::Bucket* bucket = index.bucket(guardFact, *value))
                    for (RuleId rule : bucket->rules) addToScope(rule);
                continue;
            }
            index.forEachBucketOf(guardFact, [&](const RuleIndex::Bucket& bucket) {
                for (RuleId rule : bucket.rules) addToScope(rule);
            });
        }
        for (RuleId rule : index.unguarded) addToScope(rule);
    }
    for (RuleId rule : state_.firedRules()) addToScope(rule);
}

std::uint32_t QuestionChooser::changesByChaining(FactId fact, Value value) {
    // An answer that changes a rule setting a derived fact: let truth
    // maintenance chain it on a copy of working memory, then compare.
    if (!chained_) chained_.emplace(*state_.memory());  // rule bases with derived facts always have one
    const std::uint32_t answer = scratch_.stamp();
    const std::size_t mark = chained_->mark();
    chained_->answer(fact, value);
    const std::span<const RuleId> before = state_.firedRules();
    const std::span<const RuleId> after = chained_->firedRules();
    scratch_.delta.clear();
    auto record = [&](RuleId rule, bool fires) {
        if (scratch_.scopeStamp[rule] != scratch_.analysis) return;  // outside the analysed rules
        scratch_.changeStamp[rule] = answer;
        scratch_.firesAfter[rule] = fires ? 1 : 0;
        scratch_.delta.push_back(rule);
    };
    std::size_t i = 0, j = 0;
    while (i < before.size() || j < after.size()) {
        if (j == after.size() || (i < before.size() && before[i] < after[j])) record(before[i++], false);
        else if (i == before.size() || after[j] < before[i]) record(after[j++], true);
        else ++i, ++j;
    }
    chained_->rollback(mark);
    return answer;
}

QuestionChooser::Effect QuestionChooser::simulate(const Candidate& candidate, Value value, bool topWanted) {
    const KnowledgeBase& kb = model_.kb();
    std::uint32_t answer = scratch_.stamp();
    auto& delta = scratch_.delta;
    delta.clear();
    // Only the rules in scope that this fact can change; each is re-evaluated
    // with the answer tried out, nothing else is touched.
    bool chains = candidate.feedsDerivedFacts;
    scratch_.trialValues[candidate.fact] = value;
    const FlatConditions* flat = relevance_.flat();
    auto tryRule = [&](RuleId rule) __attribute__((always_inline)) {
        const Truth now = scratch_.truth[rule];  // computed by the candidates walk, which listed the rule
        const bool firesNow = now == Truth::True;
        // One undecided conjunct (the others stay True): its truth is the rule's.
        const std::uint32_t sole = now == Truth::Unknown ? scratch_.soleConjunct[rule] : noSoleConjunct;
        const bool firesAfter = sole != noSoleConjunct ? flat->truth(rule, sole, scratch_.trialValues) == Truth::True
                                : flat ? flat->holds(rule, scratch_.trialValues)
                                       : evaluateCondition(kb.rules[rule].condition, scratch_.trialValues) == Truth::True;
        if (firesAfter == firesNow) return;
        scratch_.changeStamp[rule] = answer;
        scratch_.firesAfter[rule] = firesAfter ? 1 : 0;
        delta.push_back(rule);
        chains = chains || setsAFact(kb.rules[rule]);
    };
    const auto& fireable = scratch_.fireable;
    for (std::size_t i = candidate.fireFirst; i < candidate.guardedFirst; ++i) tryRule(fireable[i]);
    const auto& guards = model_.index().guards;
    const auto group = std::equal_range(fireable.begin() + static_cast<std::ptrdiff_t>(candidate.guardedFirst),
                                        fireable.begin() + static_cast<std::ptrdiff_t>(candidate.fireLast), value.raw(),
                                        [&](auto a, auto b) {
                                            if constexpr (std::is_same_v<decltype(a), double>) return a < guards[b]->value.raw();
                                            else return guards[a]->value.raw() < b;
                                        });
    for (auto it = group.first; it != group.second; ++it) tryRule(*it);
    scratch_.trialValues[candidate.fact] = std::nullopt;
    if (chains) answer = changesByChaining(candidate.fact, value);

    auto& changed = scratch_.changed;
    changed.clear();
    for (RuleId rule : delta)
        for (const auto& conclusion : kb.rules[rule].conclusions) {
            if (conclusion.kind == engine::Conclusion::Kind::Sets) continue;
            if (scratch_.changedStamp[conclusion.cause] == answer) {
                scratch_.changedBy[conclusion.cause] = nullptr;  // by two conclusions or more
                continue;
            }
            scratch_.changedStamp[conclusion.cause] = answer;
            scratch_.changedBy[conclusion.cause] = &conclusion;
            changed.push_back(conclusion.cause);
        }

    Effect effect{weightNow_, entropyNow_, false};
    if (changed.empty()) return effect;
    double total = total_, sumPlogP = sumPlogP_, weight = weightNow_;
    bool liveChanged = false;
    std::optional<CauseId> top;
    double topScore = 0;
    for (CauseId cause : changed) {
        // A cause without evidence now, changed by one rule (which fires
        // after the answer: none fires now), has that rule's evidence alone.
        const Conclusion* only = scratch_.evidenceStamp[cause] != scratch_.state ? scratch_.changedBy[cause] : nullptr;
        const Score after = only ? scoreWithOnly(cause, *only) : scoreWith(cause, answer);
        if (topWanted && after.supported && (!top || ranksAbove(after.score, cause, topScore, *top))) {
            top = cause;
            topScore = after.score;
        }
        if (scratch_.liveStamp[cause] != scratch_.analysis) continue;
        const double now = scoreOf(cause);
        total += after.score - now;
        sumPlogP += scratch_.plogpOf(after.score) - scratch_.plogpNow[cause];
        weight += probability(cause) * (after.score - now);
        liveChanged = true;
    }
    // The top after: the best changed cause against the best unchanged one.
    if (topWanted) {
        for (const RankedCause& ranked : rankingNow_) {
            if (scratch_.changedStamp[ranked.cause] == answer) continue;
            if (!top || ranksAbove(ranked.score, ranked.cause, topScore, *top)) top = ranked.cause;
            break;
        }
    }
    effect.topChanges = topWanted && top != topNow_;
    if (liveChanged) {
        effect.weight = weight;
        effect.entropy = entropyOf(total, sumPlogP);
    }
    return effect;
}

bool QuestionChooser::topCanChangeLater() {
    // Optimistic bounds: every undecided rule in scope for a cause fires, every
    // undecided rule against the top fires.
    const KnowledgeBase& kb = model_.kb();
    if (!topNow_) return !scratch_.live.empty();
    auto bound = [&](CauseId cause, bool optimistic) {
        double keepSupport = 1, keepExclusion = 1;
        for (const Model::Evidence& evidence : model_.evidenceAbout(cause)) {
            if (scratch_.scopeStamp[evidence.rule] != scratch_.analysis) continue;  // False for good, or out of focus
            const Truth t = relevance_.truth(evidence.rule);
            if (t == Truth::False) continue;
            if (t == Truth::Unknown && evidence.supports != optimistic) continue;
            (evidence.supports ? keepSupport : keepExclusion) *= 1 - evidence.certainty;
        }
        return scoreFromProducts(kb.causes[cause].prior, keepSupport, keepExclusion);
    };
    const double topLow = bound(*topNow_, false);
    // A cause whose ceiling stays below the top's floor cannot pass it: its
    // evidence need not be read. (The margin covers the rounding by which
    // an optimistic bound could exceed the ceiling.)
    constexpr double ceilingMargin = 1e-9;
    for (CauseId cause : scratch_.live) {
        if (cause == *topNow_ || model_.scoreCeiling(cause) < topLow - ceilingMargin) continue;
        const double high = bound(cause, true);
        if (high > topLow || (high == topLow && cause < *topNow_)) return true;
    }
    return false;
}

QuestionAnalysis QuestionChooser::analyse(std::size_t limit, std::vector<Question> storage, AnalysisUse use) {
    const KnowledgeBase& kb = model_.kb();
    QuestionAnalysis analysis;
    analysis.ranked = std::move(storage);
    analysis.ranked.clear();
    collectScope();
    hasDerivedFacts_ = model_.index().hasDerivedFacts;
    const std::vector<Candidate>& facts = candidates();
    if (facts.empty()) {
        scratch_.live.clear();
        scratch_.liveCauses.drainInto(scratch_.live);  // the set starts the next analysis empty
        return analysis;
    }
    scoreNow();
    topNow_ = rankingNow_.empty() ? std::nullopt : std::optional<CauseId>(rankingNow_.front().cause);
    collectLive();

    using Scored = ScoredQuestion;
    auto key = [](double x) { return x == 0 ? 0.0 : std::round(x / tieTolerance); };  // many gains are 0
    auto costOf = [&](FactId fact) { return kb.facts[fact].cost > 0 ? kb.facts[fact].cost : 1.0; };
    std::vector<Scored>& scored = scratch_.scored;
    scored.clear();
    for (std::uint32_t i = 0; i < facts.size(); ++i) {
        const Candidate& candidate = facts[i];
        double weightTotal = 0, weightedEntropy = 0;
        // No rule one answer can fire or withdraw, and nothing chained: no
        // answer changes a score, and each leaves the distribution as it is.
        const bool changesNothing = candidate.fireFirst == candidate.fireLast && !candidate.feedsDerivedFacts;
        for (Value value : model_.answerValues(candidate.fact)) {
            // Once some answer changes the top, the others need not tell.
            const bool topWanted = use != AnalysisUse::Ranking && !analysis.topCanChange;
            const Effect effect = changesNothing ? Effect{weightNow_, entropyNow_, false} : simulate(candidate, value, topWanted);
            analysis.topCanChange = analysis.topCanChange || effect.topChanges;
            // An answer is likelier when it makes the likely causes likelier.
            weightTotal += effect.weight;
            weightedEntropy += effect.weight * effect.entropy;
        }
        const double expectedAfter = weightTotal > 0 ? weightedEntropy / weightTotal : entropyNow_;
        const double gain = std::max(0.0, entropyNow_ - expectedAfter);
        const double cost = costOf(candidate.fact);
        scored.push_back({{candidate.fact, gain / cost}, key(gain / cost), 0.0, i});
    }
    if (use != AnalysisUse::Ranking && !analysis.topCanChange) analysis.topCanChange = topCanChangeLater();
    if (use == AnalysisUse::RankingIfTopCanChange && !analysis.topCanChange) return analysis;

    // Rounded keys: gains equal up to rounding noise tie, and ties go to the
    // higher stake, then to the lower FactId (the sorts are stable). Sorting
    // by gain, then each run of equal gains by stake, is the same order; only
    // the runs that reach into the first `limit` need their stakes.
    stableSortDescending(scored, 0, scored.size(), [](const Scored& s) { return s.gainKey; });
    const std::size_t shown = std::min(limit, scored.size());
    auto runEnd = [&](std::size_t first) {
        std::size_t last = first + 1;
        while (last < scored.size() && scored[last].gainKey == scored[first].gainKey) ++last;
        return last;
    };
    bool tied = false;
    for (std::size_t first = 0, last; first < shown; first = last) {
        last = runEnd(first);
        if (last - first == 1) continue;
        tied = true;
        for (std::size_t i = first; i < last; ++i) {
            scratch_.stakeWanted[scored[i].question.fact] = scratch_.analysis;
            scratch_.stakeOf[scored[i].question.fact] = 0;
        }
    }
    if (tied) stakes();
    for (std::size_t first = 0, last; first < shown && tied; first = last) {
        last = runEnd(first);
        if (last - first == 1) continue;
        for (std::size_t i = first; i < last; ++i)
            scored[i].stakeKey = key(scratch_.stakeOf[scored[i].question.fact] / costOf(scored[i].question.fact));
        stableSortDescending(scored, first, last, [](const Scored& s) { return s.stakeKey; });
    }
    for (std::size_t i = 0; i < shown; ++i) analysis.ranked.push_back(scored[i].question);
    return analysis;
}

}  // namespace triage::engine
