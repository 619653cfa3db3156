#include "question_relevance.hpp"

#include <algorithm>

#include "triage/engine/rule_index.hpp"

namespace triage::engine {

namespace {

constexpr std::uint8_t inProgress = 3;

}  // namespace

static_assert(noSoleFact == FlatConditions::severalFactsRead && severalFacts == FlatConditions::severalUndecided);
static_assert(noSoleConjunct == FlatConditions::noConjunct);

QuestionRelevance::QuestionRelevance(const Model& model, const DiagnosisState& state, QuestionScratch& scratch,
                                     bool sameState, const FlatConditions* flat)
    : model_(model),
      state_(state),
      values_(state.values()),
      scratch_(scratch),
      flat_(flat),
      hasDerivedFacts_(model.index().hasDerivedFacts) {
    scratch_.begin(model, values_, sameState);
    if (scratch_.state == scratch_.analysis)  // new facts: stamp what fired, once per state
        for (RuleId rule : state.firedRules()) scratch_.firedState[rule] = scratch_.state;
}

double QuestionRelevance::computeStake(RuleId rule) {
    const Rule& definition = model_.kb().rules[rule];
    double weight = 0.5;  // sets a derived fact
    for (const auto& conclusion : definition.conclusions)
        if (conclusion.kind != engine::Conclusion::Kind::Sets) weight = std::max(weight, conclusion.certainty);
    std::size_t unknownFacts = 0;
    if (flat_) {
        for (FactId fact : flat_->factsRead(rule)) unknownFacts += values_[fact] ? 0 : 1;
    } else {
        const auto& atoms = definition.condition.atoms;
        for (std::size_t i = 0; i < atoms.size(); ++i) {
            bool counted = false;
            for (std::size_t j = 0; j < i && !counted; ++j) counted = atoms[j].fact == atoms[i].fact;
            if (!counted && !values_[atoms[i].fact]) ++unknownFacts;
        }
    }
    scratch_.stakeStamp[rule] = scratch_.state;
    return scratch_.stake[rule] = weight / static_cast<double>(std::max<std::size_t>(unknownFacts, 1));
}

namespace {

/// The one fact the subtree reads, or noSoleFact when it reads several.
FactId soleFactOf(const Condition& condition, std::uint32_t node) {
    const ConditionNode& current = condition.nodes[node];
    if (current.kind == ConditionNode::Kind::Atom) return condition.atoms[current.atom].fact;
    FactId sole = noSoleFact;
    for (std::uint32_t child : current.children) {
        const FactId fact = soleFactOf(condition, child);
        if (fact == noSoleFact || (sole != noSoleFact && sole != fact)) return noSoleFact;
        sole = fact;
    }
    return sole;
}

}  // namespace

Truth QuestionRelevance::computeTruth(RuleId rule) {
    scratch_.truthStamp[rule] = scratch_.state;
    // Most rules: flattened, with conjuncts, without `known`/`unknown` tests.
    if (flat_ && flat_->plain(rule) && scratch_.firedState[rule] != scratch_.state)
        return scratch_.truth[rule] = flatTruth(rule);
    scratch_.soleFact[rule] = noSoleFact;
    scratch_.soleConjunct[rule] = noSoleConjunct;
    const std::optional<Truth> settled = settledTruth(rule);
    return scratch_.truth[rule] = settled ? *settled : conjunctTruth(rule);
}

Truth QuestionRelevance::flatTruth(RuleId rule) {
    // blockingConjuncts for a rule no answer turns around once False, read
    // straight from the flat runs: a False guard is one more False conjunct,
    // and the condition tree is never visited.
    const FlatConditions::Undecided undecided = flat_->undecided(rule, values_);
    scratch_.soleFact[rule] = undecided.fact;  // noSoleFact unless Unknown
    scratch_.soleConjunct[rule] = undecided.conjunct;
    return undecided.truth;
}

Truth QuestionRelevance::conjunctTruth(RuleId rule) {
    const Condition& condition = model_.kb().rules[rule].condition;
    const ConditionNode& root = condition.nodes[condition.root()];
    if (root.kind != ConditionNode::Kind::And) {
        const Truth truth = flat_ ? flat_->truth(rule, flat_->first(rule), values_)
                                  : evaluateNode(condition, condition.root(), values_);
        if (truth == Truth::Unknown)
            scratch_.soleFact[rule] = flat_ ? flat_->soleFact(flat_->first(rule)) : soleFactOf(condition, condition.root());
        return truth;
    }
    // Only `known`/`unknown` tests can turn a False rule, so only then are its False conjuncts of interest.
    const bool turnable = model_.index().testsKnowledge[rule] != 0;
    if (flat_) {
        // The flat runs hold the same conjuncts in the same order (flat_conditions.hpp).
        const std::uint32_t first = flat_->first(rule);
        return blockingConjuncts(rule, root.children.size(), turnable,
                                 [&](std::size_t i) { return flat_->truth(rule, first + static_cast<std::uint32_t>(i), values_); },
                                 [&](std::size_t i) { return flat_->soleFact(first + static_cast<std::uint32_t>(i)); });
    }
    return blockingConjuncts(rule, root.children.size(), turnable,
                             [&](std::size_t i) { return evaluateNode(condition, root.children[i], values_); },
                             [&](std::size_t i) { return soleFactOf(condition, root.children[i]); });
}

template <typename TruthOf, typename SoleFactOf>
Truth QuestionRelevance::blockingConjuncts(RuleId rule, std::size_t count, bool turnable, TruthOf truthOf,
                                           SoleFactOf soleFactOf) {
    // The conjuncts that keep the rule from being True: all on one fact, on
    // several, or (mixed) one of them reads several facts.
    Truth result = Truth::True;
    FactId sole = noSoleFact;
    bool mixed = false, several = false, falseSeen = false;
    for (std::size_t i = 0; i < count; ++i) {
        const Truth truth = truthOf(i);
        if (truth == Truth::True) continue;
        if (truth == Truth::False) {
            if (!turnable) return Truth::False;
            if (!falseSeen) sole = noSoleFact, mixed = several = false;  // what blocks now is the False ones
            falseSeen = true;
            result = Truth::False;
        } else {
            if (falseSeen) continue;
            result = Truth::Unknown;
        }
        const FactId fact = soleFactOf(i);
        mixed = mixed || fact == noSoleFact;  // a conjunct over several facts: only evaluation tells
        several = several || (sole != noSoleFact && fact != sole);
        sole = fact;
    }
    if (result != Truth::True && !mixed) scratch_.soleFact[rule] = several ? severalFacts : sole;
    return result;
}

std::optional<Truth> QuestionRelevance::settledTruth(RuleId rule) const {
    if (scratch_.firedState[rule] == scratch_.state) return Truth::True;
    // A guard on another value settles it without a look at the condition.
    const auto& guard = model_.index().guards[rule];
    if (guard && values_[guard->fact] && !(*values_[guard->fact] == guard->value)) return Truth::False;
    return std::nullopt;
}

bool QuestionRelevance::testsKnowledgeOf(RuleId rule, FactId fact) const {
    if (!model_.index().testsKnowledge[rule]) return false;  // spares a visit to the rule itself
    for (const Atom& atom : model_.kb().rules[rule].condition.atoms)
        if (atom.fact == fact && (atom.op == Atom::Op::Known || atom.op == Atom::Op::Unknown)) return true;
    return false;
}

bool QuestionRelevance::knowledgeTestOfAnUnknownFact(RuleId rule) const {
    for (const Atom& atom : model_.kb().rules[rule].condition.atoms)
        if ((atom.op == Atom::Op::Known || atom.op == Atom::Op::Unknown) && !value(atom.fact)) return true;
    return false;
}

bool QuestionRelevance::decidedAtStake(RuleId rule, FactId fact) {
    // Kleene logic is monotone: filling in an unknown fact never turns a
    // decided condition around, except through `known`/`unknown` tests.
    const Truth now = truth(rule);
    // A False conjunct on another fact stays False whatever the answer (the
    // cheaper test first: most decided rules are False for a known value).
    if (now == Truth::False && scratch_.soleFact[rule] != noSoleFact && scratch_.soleFact[rule] != fact) return false;
    if (!testsKnowledgeOf(rule, fact) || value(fact)) return false;
    // Rare: try the answers on this one condition.
    const Condition& condition = model_.kb().rules[rule].condition;
    bool changes = false;
    for (Value value : model_.answerValues(fact)) {
        scratch_.trialValues[fact] = value;
        changes |= (flat_ ? flat_->truth(rule, scratch_.trialValues) : evaluateCondition(condition, scratch_.trialValues)) != now;
    }
    scratch_.trialValues[fact] = std::nullopt;
    return changes;
}

bool QuestionRelevance::computeLeadsToCause(RuleId rule) {
    // (A rule being computed reads as not leading: cannot happen in an acyclic model; be safe.)
    scratch_.leadsStamp[rule] = scratch_.state;
    scratch_.leads[rule] = inProgress;
    bool leads = false;
    for (const auto& conclusion : model_.kb().rules[rule].conclusions) {
        if (conclusion.kind != engine::Conclusion::Kind::Sets) {
            leads = true;
            break;
        }
        const FactId derived = conclusion.fact;
        if (state_.isGiven(derived)) continue;  // a given value hides every derivation
        for (RuleId reader : model_.index().readers[derived]) {
            const bool mayChange = truth(reader) == Truth::Unknown || value(derived).has_value() ||
                                   testsKnowledgeOf(reader, derived);
            if (mayChange && leadsToCause(reader)) {
                leads = true;
                break;
            }
        }
        if (leads) break;
    }
    scratch_.leads[rule] = leads ? 1 : 0;
    return leads;
}

}  // namespace triage::engine
