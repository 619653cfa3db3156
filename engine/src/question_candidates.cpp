// Which unknown facts question choice weighs (candidates): those an answer
// to which could change a rule in scope that leads to a cause, with the rules
// each answer can fire or withdraw grouped for simulate().
#include <algorithm>

#include "question_choice.hpp"
#include "triage/engine/rule_index.hpp"

namespace triage::engine {

template <typename Visit>
[[gnu::always_inline]] inline void QuestionChooser::forEachFactAtStake(RuleId rule, Truth truth, Visit visit) {
    // Askable facts whose answer could change the rule's truth, and whether
    // that answer alone could fire or withdraw the rule (canFireOnAnswer).
    if (const FlatConditions* flat = relevance_.flat()) {
        if (flat->plain(rule)) {  // (a rule without conjuncts reads no fact either way)
            // Without `known`/`unknown` tests a decided rule stays decided
            // (Kleene logic is monotone): none of its facts is at stake,
            // and every fact of an undecided one is.
            if (truth != Truth::Unknown) return;
            const FactId sole = scratch_.soleFact[rule];
            for (FactId fact : flat->factsRead(rule))
                if (askable(fact)) visit(fact, sole == noSoleFact || sole == fact);
            return;
        }
        for (FactId fact : flat->factsRead(rule))
            if (askable(fact) && relevance_.atStake(rule, fact)) visit(fact, relevance_.canFireOnAnswer(rule, fact));
        return;
    }
    const auto& atoms = model_.kb().rules[rule].condition.atoms;
    for (std::size_t i = 0; i < atoms.size(); ++i) {
        bool seen = false;
        for (std::size_t j = 0; j < i && !seen; ++j) seen = atoms[j].fact == atoms[i].fact;
        const FactId fact = atoms[i].fact;
        if (!seen && askable(fact) && relevance_.atStake(rule, fact)) visit(fact, relevance_.canFireOnAnswer(rule, fact));
    }
}

const std::vector<QuestionChooser::Candidate>& QuestionChooser::candidates() {
    const KnowledgeBase& kb = model_.kb();
    // A fact is a candidate when a rule that leads to a cause has it at
    // stake; of its (fact, rule) pairs only those whose rule one answer can
    // fire or withdraw are kept as keys, packed in one integer each: one
    // compare per step of their sort. (Every pair is listed for stakes(),
    // which ties need now and then.)
    auto& keys = scratch_.keys;
    auto& facts = scratch_.candidateFacts;
    auto& atStake = scratch_.atStake;
    const auto& guards = model_.index().guards;
    if (walkedAlready_ == 0) {
        keys.clear();
        facts.clear();
        atStake.clear();
    } else {
        // Going on from the focused walk (collectScope): its keys and facts
        // stand, and its live causes (with the supported ones, live anyway).
        for (FactId fact : facts) scratch_.candidateStamp[fact] = scratch_.analysis;
        for (CauseId cause : scratch_.live) {
            scratch_.liveStamp[cause] = scratch_.analysis;
            scratch_.liveCauses.insert(cause);
        }
    }
    // The same walk over the scope lists the causes its rules can still
    // support (collectLive adds the supported ones and sums them up): live
    // unless the rule is False for good, i.e. False with no `known`/`unknown`
    // test of a fact without a value to turn it.
    auto addLiveCauses = [&](RuleId rule, Truth truth) {
        if (truth == Truth::False && !relevance_.testsKnowledgeOfAnUnknownFact(rule)) return;
        for (const auto& conclusion : kb.rules[rule].conclusions) {
            if (conclusion.kind != engine::Conclusion::Kind::Supports) continue;
            if (scratch_.liveStamp[conclusion.cause] == scratch_.analysis) continue;
            scratch_.liveStamp[conclusion.cause] = scratch_.analysis;
            scratch_.liveCauses.insert(conclusion.cause);
        }
    };
    for (std::size_t i = walkedAlready_; i < scratch_.scope.size(); ++i) {
        const RuleId rule = scratch_.scope[i];
        const Truth truth = relevance_.truth(rule);
        addLiveCauses(rule, truth);
        forEachFactAtStake(rule, truth, [&](FactId fact, bool canFireOnAnswer) __attribute__((always_inline)) {
            atStake.push_back({fact, rule});
            if (scratch_.candidateStamp[fact] != scratch_.analysis && relevance_.leadsToCause(rule)) {
                scratch_.candidateStamp[fact] = scratch_.analysis;
                facts.push_back(fact);
            }
            // Only these can change a score: 'a and b' with both unknown needs two answers.
            if (canFireOnAnswer) {
                keys.push_back(std::uint64_t{fact} << 32 | rule);
                if (guards[rule] && guards[rule]->fact == fact) scratch_.guardsFireable[fact] = scratch_.state;
            }
        });
    }
    std::sort(facts.begin(), facts.end());
    std::sort(keys.begin(), keys.end());
    if (scope_ == QuestionScope::Focused) scratch_.focusedWalkState = scratch_.state;
    std::vector<Candidate>& result = scratch_.candidates;
    result.clear();
    auto& fireable = scratch_.fireable;
    fireable.clear();
    std::size_t key = 0;
    for (FactId fact : facts) {
        // Keys of facts that are no candidate (no rule of theirs leads) are passed over.
        while (key < keys.size() && static_cast<FactId>(keys[key] >> 32) < fact) ++key;
        const std::size_t fireFirst = fireable.size();
        for (; key < keys.size() && static_cast<FactId>(keys[key] >> 32) == fact; ++key)
            fireable.push_back(static_cast<RuleId>(keys[key] & 0xffffffffu));
        // Rules guarded by the fact itself can only fire on their guard value:
        // grouped by it, an answer visits its own group (an unknown error
        // code has a bucket per code, and as many answers).
        const std::size_t guardedFirst =
            scratch_.guardsFireable[fact] == scratch_.state ? moveGuardedLast(fact, fireFirst) : fireable.size();
        result.push_back({fact, fireFirst, fireable.size(), guardedFirst, feedsDerivedFacts(fact)});
    }
    return result;
}

void QuestionChooser::stakes() {
    // stake(fact): the highest stake of the rules leading to a cause that
    // have the fact at stake; for the facts stakeWanted marks, from the pairs
    // candidates() listed.
    for (const auto& [fact, rule] : scratch_.atStake)
        if (scratch_.stakeWanted[fact] == scratch_.analysis && relevance_.leadsToCause(rule))
            scratch_.stakeOf[fact] = std::max(scratch_.stakeOf[fact], relevance_.stake(rule));
}

std::size_t QuestionChooser::moveGuardedLast(FactId fact, std::size_t from) {
    // A stable partition, then a stable sort of the guarded part by guard
    // value, without the temporary buffer of std::stable_partition: most
    // facts have a handful of fireable rules.
    const RuleIndex& index = model_.index();
    auto& fireable = scratch_.fireable;
    auto guardedByFact = [&](RuleId rule) { return index.guards[rule] && index.guards[rule]->fact == fact; };
    std::size_t kept = from;  // the rules before it stay where they are
    while (kept < fireable.size() && !guardedByFact(fireable[kept])) ++kept;
    if (fireable.size() - kept < 2) return kept;  // none guarded, or only the last rule: in place
    auto& guarded = scratch_.guardedFireable;
    guarded.clear();
    for (std::size_t i = kept; i < fireable.size(); ++i) {
        const RuleId rule = fireable[i];
        if (guardedByFact(rule)) guarded.push_back(rule);
        else fireable[kept++] = rule;
    }
    auto valueOf = [&](RuleId rule) { return index.guards[rule]->value.raw(); };
    constexpr std::size_t insertionLimit = 32;
    if (guarded.size() > insertionLimit) {
        std::stable_sort(guarded.begin(), guarded.end(), [&](RuleId a, RuleId b) { return valueOf(a) < valueOf(b); });
    } else {
        for (std::size_t i = 1; i < guarded.size(); ++i)
            for (std::size_t j = i; j > 0 && valueOf(guarded[j]) < valueOf(guarded[j - 1]); --j)
                std::swap(guarded[j], guarded[j - 1]);
    }
    std::copy(guarded.begin(), guarded.end(), fireable.begin() + static_cast<std::ptrdiff_t>(kept));
    return kept;
}

bool QuestionChooser::feedsDerivedFacts(FactId fact) const {
    // A rule out of scope can set a derived fact that a rule in scope reads:
    // such answers are chained. Rule bases without derived facts never pay this.
    if (!hasDerivedFacts_) return false;
    for (RuleId rule : model_.index().readers[fact])
        if (setsAFact(model_.kb().rules[rule])) return true;
    return false;
}

}  // namespace triage::engine
