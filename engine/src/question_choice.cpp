#include "question_choice.hpp"

#include <algorithm>
#include <cmath>

#include "triage/engine/rule_index.hpp"
#include "triage/engine/scoring.hpp"

namespace triage::engine {

namespace {

constexpr std::uint8_t notComputed = 3;
constexpr double tieTolerance = 1e-9;

double scoreIn(const std::vector<CauseScore>& scores, const KnowledgeBase& kb, CauseId cause) {
    auto it = std::lower_bound(scores.begin(), scores.end(), cause,
                               [](const CauseScore& score, CauseId id) { return score.cause < id; });
    return it != scores.end() && it->cause == cause ? it->score : kb.causes[cause].prior;
}

std::optional<CauseId> topOf(const std::vector<CauseScore>& scores) {
    std::optional<CauseId> top;
    double best = -1;
    for (const CauseScore& score : scores)  // ascending CauseId: strict > keeps the lowest id on ties
        if (score.supported && score.score > best) {
            best = score.score;
            top = score.cause;
        }
    return top;
}

double entropy(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    if (total <= 0) return 0;
    double bits = 0;
    for (double w : weights)
        if (w > 0) bits -= (w / total) * std::log2(w / total);
    return bits;
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

QuestionChooser::QuestionChooser(const Model& model, const WorkingMemory& memory)
    : model_(model),
      memory_(memory),
      truth_(model.kb().rules.size(), notComputed),
      leads_(model.kb().rules.size(), 2) {}

Truth QuestionChooser::truth(RuleId rule) {
    if (truth_[rule] == notComputed) truth_[rule] = static_cast<std::uint8_t>(memory_.ruleTruth(rule));
    return static_cast<Truth>(truth_[rule]);
}

bool QuestionChooser::testsKnowledgeOf(RuleId rule, FactId fact) const {
    if (!model_.index().testsKnowledge[rule]) return false;  // spares a visit to the rule itself
    for (const Atom& atom : model_.kb().rules[rule].condition.atoms)
        if (atom.fact == fact && (atom.op == Atom::Op::Known || atom.op == Atom::Op::Unknown)) return true;
    return false;
}

bool QuestionChooser::atStake(RuleId rule, FactId fact) {
    // Kleene logic is monotone: filling in an unknown fact never turns a
    // decided condition around, except through `known`/`unknown` tests.
    const Truth now = truth(rule);
    if (now == Truth::Unknown) return true;
    if (!testsKnowledgeOf(rule, fact) || memory_.value(fact)) return false;
    // Rare: try the answers on this one condition.
    const Condition& condition = model_.kb().rules[rule].condition;
    if (trialValues_.empty()) trialValues_.assign(memory_.values().begin(), memory_.values().end());
    bool changes = false;
    for (Value value : model_.answerValues(fact)) {
        trialValues_[fact] = value;
        changes |= evaluateCondition(condition, trialValues_) != now;
    }
    trialValues_[fact] = std::nullopt;
    return changes;
}

bool QuestionChooser::leadsToCause(RuleId rule) {
    if (leads_[rule] < 2) return leads_[rule] == 1;
    if (leads_[rule] == 3) return false;  // cannot happen in an acyclic model; be safe
    leads_[rule] = 3;
    bool leads = false;
    for (const auto& conclusion : model_.kb().rules[rule].conclusions) {
        if (conclusion.kind != engine::Conclusion::Kind::Sets) {
            leads = true;
            break;
        }
        const FactId derived = conclusion.fact;
        if (memory_.isGiven(derived)) continue;  // a given value hides every derivation
        for (RuleId reader : model_.index().readers[derived]) {
            const bool mayChange = truth(reader) == Truth::Unknown || memory_.value(derived).has_value() ||
                                   testsKnowledgeOf(reader, derived);
            if (mayChange && leadsToCause(reader)) {
                leads = true;
                break;
            }
        }
        if (leads) break;
    }
    leads_[rule] = leads ? 1 : 0;
    return leads;
}

std::vector<FactId> QuestionChooser::candidates() {
    const KnowledgeBase& kb = model_.kb();
    std::vector<FactId> result;
    for (FactId fact = 0; fact < kb.facts.size(); ++fact) {
        if (!kb.facts[fact].askable || memory_.value(fact) || memory_.wasAsked(fact)) continue;
        for (RuleId rule : model_.index().readers[fact]) {
            if (atStake(rule, fact) && leadsToCause(rule)) {
                result.push_back(fact);
                break;
            }
        }
    }
    return result;
}

bool QuestionChooser::couldGainSupport(CauseId cause) {
    for (RuleId rule : model_.rulesSupporting(cause)) {
        if (truth(rule) != Truth::False) return true;  // fired, or still undecided
        if (!model_.index().testsKnowledge[rule]) continue;
        for (const Atom& atom : model_.kb().rules[rule].condition.atoms)
            if (!memory_.value(atom.fact) && testsKnowledgeOf(rule, atom.fact)) return true;
    }
    return false;
}

double QuestionChooser::stake(FactId fact) {
    // How close the rules this fact decides are to firing, and how much they weigh.
    double best = 0;
    for (RuleId rule : model_.index().readers[fact]) {
        if (!atStake(rule, fact) || !leadsToCause(rule)) continue;
        double weight = 0.5;  // sets a derived fact
        for (const auto& conclusion : model_.kb().rules[rule].conclusions)
            if (conclusion.kind != engine::Conclusion::Kind::Sets) weight = std::max(weight, conclusion.certainty);
        std::size_t unknownFacts = 0;
        const auto& atoms = model_.kb().rules[rule].condition.atoms;
        for (std::size_t i = 0; i < atoms.size(); ++i) {
            bool counted = false;
            for (std::size_t j = 0; j < i; ++j) counted |= atoms[j].fact == atoms[i].fact;
            if (!counted && !memory_.value(atoms[i].fact)) ++unknownFacts;
        }
        best = std::max(best, weight / static_cast<double>(std::max<std::size_t>(unknownFacts, 1)));
    }
    return best;
}

bool QuestionChooser::topCanChangeLater(const std::vector<CauseId>& live, std::optional<CauseId> top) {
    // Optimistic bounds: every undecided rule for a cause fires, every undecided rule against it fires.
    const KnowledgeBase& kb = model_.kb();
    if (!top) return !live.empty();
    auto bound = [&](CauseId cause, bool optimistic) {
        double keepSupport = 1, keepExclusion = 1;
        for (RuleId rule : model_.rulesConcluding(cause)) {
            const Truth t = truth(rule);
            if (t == Truth::False) continue;
            for (const auto& conclusion : kb.rules[rule].conclusions) {
                if (conclusion.cause != cause || conclusion.kind == engine::Conclusion::Kind::Sets) continue;
                const bool supports = conclusion.kind == engine::Conclusion::Kind::Supports;
                if (t == Truth::Unknown && supports != optimistic) continue;
                (supports ? keepSupport : keepExclusion) *= 1 - conclusion.certainty;
            }
        }
        return combineEvidence(kb.causes[cause].prior, 1 - keepSupport, 1 - keepExclusion);
    };
    const double topLow = bound(*top, false);
    for (CauseId cause : live) {
        if (cause == *top) continue;
        const double high = bound(cause, true);
        if (high > topLow || (high == topLow && cause < *top)) return true;
    }
    return false;
}

QuestionAnalysis QuestionChooser::analyse() {
    const KnowledgeBase& kb = model_.kb();
    QuestionAnalysis analysis;
    const std::vector<FactId> facts = candidates();
    if (facts.empty()) return analysis;

    const std::vector<CauseScore> scoresBefore = scoreCauses(kb, memory_.firedRules());
    std::vector<CauseId> live;
    for (CauseId cause = 0; cause < kb.causes.size(); ++cause) {
        auto it = std::lower_bound(scoresBefore.begin(), scoresBefore.end(), cause,
                                   [](const CauseScore& score, CauseId id) { return score.cause < id; });
        const bool supported = it != scoresBefore.end() && it->cause == cause && it->supported;
        if (supported || couldGainSupport(cause)) live.push_back(cause);
    }
    const std::optional<CauseId> topBefore = topOf(scoresBefore);

    std::vector<double> before(live.size());
    double beforeTotal = 0;
    for (std::size_t i = 0; i < live.size(); ++i) beforeTotal += before[i] = scoreIn(scoresBefore, kb, live[i]);
    for (double& p : before) p = beforeTotal > 0 ? p / beforeTotal : 0;
    const double entropyBefore = entropy(before);

    WorkingMemory scratch = memory_;
    std::vector<double> after(live.size());
    struct Scored {
        Question question;
        double stake;
    };
    std::vector<Scored> scored;
    for (FactId fact : facts) {
        double weightTotal = 0, weightedEntropy = 0;
        for (Value value : model_.answerValues(fact)) {
            const std::size_t mark = scratch.mark();
            scratch.answer(fact, value);
            const std::vector<CauseScore> scoresAfter = scoreCauses(kb, scratch.firedRules());
            if (topOf(scoresAfter) != topBefore) analysis.topCanChange = true;
            scratch.rollback(mark);
            // An answer is likelier when it makes the likely causes likelier.
            double weight = 0;
            for (std::size_t i = 0; i < live.size(); ++i) {
                after[i] = scoreIn(scoresAfter, kb, live[i]);
                weight += before[i] * after[i];
            }
            weightTotal += weight;
            weightedEntropy += weight * entropy(after);
        }
        const double expectedAfter = weightTotal > 0 ? weightedEntropy / weightTotal : entropyBefore;
        const double gain = std::max(0.0, entropyBefore - expectedAfter);
        const double cost = kb.facts[fact].cost > 0 ? kb.facts[fact].cost : 1.0;
        scored.push_back({{fact, gain / cost}, stake(fact) / cost});
    }
    if (!analysis.topCanChange) analysis.topCanChange = topCanChangeLater(live, topBefore);

    // Rounded keys: gains equal up to rounding noise tie, and ties go to the
    // higher stake, then to the lower FactId (the sort is stable).
    auto key = [](double x) { return std::round(x / tieTolerance); };
    std::stable_sort(scored.begin(), scored.end(), [&key](const Scored& a, const Scored& b) {
        const double gainA = key(a.question.expectedGain), gainB = key(b.question.expectedGain);
        if (gainA != gainB) return gainA > gainB;
        return key(a.stake) > key(b.stake);
    });
    for (const Scored& s : scored) analysis.ranked.push_back(s.question);
    return analysis;
}

}  // namespace triage::engine
