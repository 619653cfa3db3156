// Which unknown facts question choice weighs (candidates): those an answer
// to which could change a rule in scope that leads to a cause, with the rules
// each answer can fire or withdraw grouped for simulate().
#include <algorithm>

#include "question_choice.hpp"
#include "triage/engine/rule_index.hpp"

namespace triage::engine {

const std::vector<QuestionChooser::Candidate>& QuestionChooser::candidates() {
    const KnowledgeBase& kb = model_.kb();
    // Whether a fact is a candidate at all, once per fact and state (the wide
    // analysis finds the focused one's).
    auto askable = [&](FactId fact) {
        if (scratch_.askStamp[fact] != scratch_.state) {
            scratch_.askStamp[fact] = scratch_.state;
            scratch_.askNow[fact] = kb.facts[fact].askable && !relevance_.value(fact) && !state_.wasAsked(fact);
        }
        return scratch_.askNow[fact] != 0;
    };
    // (fact, rule) packed in one integer: one compare per step of the sort.
    auto& keys = scratch_.keys;
    keys.clear();
    auto consider = [&](FactId fact, RuleId rule) {
        if (askable(fact) && relevance_.atStake(rule, fact)) keys.push_back(std::uint64_t{fact} << 32 | rule);
    };
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
    if (const FlatConditions* flat = relevance_.flat()) {
        const auto& testsKnowledge = model_.index().testsKnowledge;
        for (RuleId rule : scratch_.scope) {
            const Truth truth = relevance_.truth(rule);
            addLiveCauses(rule, truth);
            if (!testsKnowledge[rule]) {
                // Without `known`/`unknown` tests a decided rule stays decided
                // (Kleene logic is monotone): none of its facts is at stake,
                // and every fact of an undecided one is.
                if (truth != Truth::Unknown) continue;
                for (FactId fact : flat->factsRead(rule))
                    if (askable(fact)) keys.push_back(std::uint64_t{fact} << 32 | rule);
                continue;
            }
            for (FactId fact : flat->factsRead(rule))
                if (askable(fact) && relevance_.atStake(rule, fact)) keys.push_back(std::uint64_t{fact} << 32 | rule);
        }
    } else {
        for (RuleId rule : scratch_.scope) {
            addLiveCauses(rule, relevance_.truth(rule));
            const auto& atoms = kb.rules[rule].condition.atoms;
            for (std::size_t i = 0; i < atoms.size(); ++i) {
                bool seen = false;
                for (std::size_t j = 0; j < i && !seen; ++j) seen = atoms[j].fact == atoms[i].fact;
                if (!seen) consider(atoms[i].fact, rule);
            }
        }
    }
    std::sort(keys.begin(), keys.end());
    auto factOf = [&](std::size_t i) { return static_cast<FactId>(keys[i] >> 32); };
    auto ruleOf = [&](std::size_t i) { return static_cast<RuleId>(keys[i] & 0xffffffffu); };
    std::vector<Candidate>& result = scratch_.candidates;
    result.clear();
    auto& fireable = scratch_.fireable;
    fireable.clear();
    for (std::size_t first = 0; first < keys.size();) {
        const FactId fact = factOf(first);
        const std::size_t fireFirst = fireable.size();
        std::size_t last = first;
        bool leads = false;
        for (; last < keys.size() && factOf(last) == fact; ++last) {
            const RuleId rule = ruleOf(last);
            leads = leads || relevance_.leadsToCause(rule);
            // Only these can change a score: 'a and b' with both unknown needs two answers.
            if (relevance_.canFireOnAnswer(rule, fact)) fireable.push_back(rule);
        }
        if (!leads) {
            fireable.resize(fireFirst);
        } else {
            // Rules guarded by the fact itself can only fire on their guard value:
            // grouped by it, an answer visits its own group (an unknown error
            // code has a bucket per code, and as many answers).
            const std::size_t guardedFirst = moveGuardedLast(fact, fireFirst);
            result.push_back({fact, first, last, fireFirst, fireable.size(), guardedFirst, feedsDerivedFacts(fact)});
        }
        first = last;
    }
    return result;
}

std::size_t QuestionChooser::moveGuardedLast(FactId fact, std::size_t from) {
    // A stable partition, then a stable sort of the guarded part by guard
    // value, without the temporary buffer of std::stable_partition: most
    // facts have a handful of fireable rules.
    const RuleIndex& index = model_.index();
    auto& fireable = scratch_.fireable;
    if (fireable.size() - from < 2) {  // nothing to reorder: most candidates
        const bool guardedByFact = fireable.size() > from && index.guards[fireable[from]] &&
                                   index.guards[fireable[from]]->fact == fact;
        return guardedByFact ? from : fireable.size();
    }
    auto& guarded = scratch_.guardedFireable;
    guarded.clear();
    std::size_t kept = from;
    for (std::size_t i = from; i < fireable.size(); ++i) {
        const RuleId rule = fireable[i];
        if (index.guards[rule] && index.guards[rule]->fact == fact) guarded.push_back(rule);
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
