#include "helpful_facts.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "one_pass_evaluation.hpp"
#include "triage/engine/inline_list.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/scoring.hpp"

namespace triage::engine {

namespace {

/// The facts one rule still needs: few, so kept on the stack.
using NeededFacts = InlineList<FactId, 8>;

void addOnce(NeededFacts& facts, FactId fact) {
    if (std::find(facts.begin(), facts.end(), fact) == facts.end()) facts.push_back(fact);
}

/// The facts with no value that the subtree at `node` reads.
void addFactsWithoutValue(const Condition& condition, std::uint32_t node, FactValues values, NeededFacts& facts) {
    const ConditionNode& at = condition.nodes[node];
    if (at.kind == ConditionNode::Kind::Atom) {
        const FactId fact = condition.atoms[at.atom].fact;
        if (!values[fact]) addOnce(facts, fact);
        return;
    }
    for (const std::uint32_t child : at.children) addFactsWithoutValue(condition, child, values, facts);
}

/// The facts with no value that the rule's undecided conjuncts read (what
/// must be known before it can fire), or false when the rule is decided. A
/// True rule has fired, and a False one stays False (Kleene logic is
/// monotone; a `known f` test on a fact with no value is taken as the False
/// it is now: an answer that would flip it is not weighed).
bool undecidedFacts(const KnowledgeBase& kb, const FlatConditions& flat, RuleId rule, FactValues values,
                    NeededFacts& needed) {
    const std::uint32_t first = flat.first(rule), end = flat.first(rule + 1);
    bool open = false;
    for (std::uint32_t conjunct = first; conjunct != end; ++conjunct) {
        const Truth truth = flat.truth(rule, conjunct, values);
        if (truth == Truth::False) return false;
        if (truth == Truth::True) continue;
        open = true;
        const FactId sole = flat.soleFact(conjunct);
        if (sole != FlatConditions::severalFactsRead) {
            if (!values[sole]) addOnce(needed, sole);
        } else {
            addFactsWithoutValue(kb.rules[rule].condition, flat.node(conjunct), values, needed);
        }
    }
    return open;
}

/// Weighs rules into the stakes of the facts they still need.
class StakeCollector {
public:
    StakeCollector(const Model& model, const CompiledRules& compiled, const DiagnosisState& state,
                   const EvidenceNow& evidence, std::vector<HelpfulFact>& out)
        : kb_(model.kb()),
          effects_(compiled.effects()),
          state_(state),
          evidence_(evidence),
          flat_(compiled.flat()),
          values_(state.values()),
          out_(out) {}

    /// A rule read through FlatConditions.
    void weigh(RuleId rule) {
        // Most rules weighed are decided, and most undecided ones need one
        // fact: both take the flat pass alone.
        NeededFacts needed;
        if (flat_.plain(rule)) {
            const FlatConditions::Undecided undecided = flat_.undecided(rule, values_);
            if (undecided.truth != Truth::Unknown) return;
            if (undecided.fact < FlatConditions::severalUndecided) {
                addStakes(rule, std::span<const FactId>(&undecided.fact, 1));
                return;
            }
        }
        if (undecidedFacts(kb_, flat_, rule, values_, needed)) addStakes(rule, {needed.begin(), needed.end()});
    }

    /// An undecided rule, with the facts it still needs: their stakes.
    void addStakes(RuleId rule, std::span<const FactId> needed) {
        // Shared among the facts still needed: an answer that completes a
        // rule on its own weighs more than one of three it still needs.
        const double share = move(rule) / static_cast<double>(needed.size());
        for (const FactId fact : needed) {
            const Fact& about = kb_.facts[fact];
            if (!about.askable || state_.wasAsked(fact)) continue;
            const double stake = share / (about.cost > 0 ? about.cost : 1.0);  // as question choice reads costs
            auto found = std::find_if(out_.begin(), out_.end(), [fact](const HelpfulFact& f) { return f.fact == fact; });
            if (found == out_.end()) {
                out_.push_back({fact, stake});
            } else if (stake > found->stake) {
                found->stake = stake;
            }
        }
    }

private:
    /// How far the rule, once fired, would move the scores it touches.
    double move(RuleId rule) const {
        double moved = 0;
        for (const RuleEffects::Evidence& effect : effects_.evidence(rule)) {
            CauseEvidence now = evidence_.of(effect.cause);
            const double prior = effects_.prior(effect.cause);
            const double before = scoreFromProducts(prior, now.unbeliefBySupport, now.keptByExclusion);
            (effect.supports ? now.unbeliefBySupport : now.keptByExclusion) *= effect.unbelief;
            moved += std::abs(scoreFromProducts(prior, now.unbeliefBySupport, now.keptByExclusion) - before);
        }
        return moved;
    }

    const KnowledgeBase& kb_;
    const RuleEffects& effects_;
    const DiagnosisState& state_;
    const EvidenceNow& evidence_;
    const FlatConditions& flat_;
    const FactValues values_;
    std::vector<HelpfulFact>& out_;
};

/// No cause in contention: the rules the known values point to (their guard
/// holds: an error code's rules) and those without a guard, the focused
/// scope of question choice (docs/inference.md §4). Not every rule: a ticket
/// no rule fires for would cost a pass over the rule base.
void weighFocusedScope(const Model& model, FactValues values, StakeCollector& stakes) {
    const RuleIndex& index = model.index();
    for (FactId fact = 0; fact < values.size(); ++fact)
        if (values[fact])
            if (const RuleIndex::Bucket* bucket = index.bucket(fact, *values[fact]))
                for (const RuleId rule : bucket->rules) stakes.weigh(rule);
    for (const RuleId rule : index.unguarded) stakes.weigh(rule);
}

/// Most stake first, then lower FactId; stakes above 0; at most `limit`.
void finish(std::vector<HelpfulFact>& out, std::size_t limit) {
    std::erase_if(out, [](const HelpfulFact& f) { return !(f.stake > 0); });
    // Few facts: an insertion sort.
    for (std::size_t i = 1; i < out.size(); ++i)
        for (std::size_t j = i; j > 0; --j) {
            const HelpfulFact &a = out[j], &b = out[j - 1];
            if (!(a.stake > b.stake || (a.stake == b.stake && a.fact < b.fact))) break;
            std::swap(out[j], out[j - 1]);
        }
    if (out.size() > limit) out.resize(limit);
}

bool guardRulesOut(FactId guardFact, double guardValue, FactValues values) {
    return guardFact != CauseRules::noGuard && values[guardFact] && values[guardFact]->raw() != guardValue;
}

std::span<const RankedCause> contendersOf(std::span<const RankedCause> ranking) {
    return ranking.first(std::min(ranking.size(), causesInContention));
}

/// The cause's rules that are not bit tests, through FlatConditions.
void weighGeneralRules(const CauseRules& causeRules, CauseId cause, FactValues values, StakeCollector& stakes) {
    for (const CauseRules::GuardedRule& rule : causeRules.general(cause))
        if (!guardRulesOut(rule.guardFact, rule.guardValue, values)) stakes.weigh(rule.rule);
}

}  // namespace

void chooseHelpfulFacts(const Model& model, const CompiledRules& compiled, const DiagnosisState& state,
                        const EvidenceNow& evidence, std::span<const RankedCause> ranking, std::size_t limit,
                        std::vector<HelpfulFact>& out) {
    out.clear();
    if (limit == 0) return;
    StakeCollector stakes(model, compiled, state, evidence, out);
    const FactValues values = state.values();
    if (ranking.empty()) {
        weighFocusedScope(model, values, stakes);
    } else {
        // A rule about both contenders is weighed twice, alike: stakes keep the largest.
        const CauseRules& causeRules = compiled.causeRules();
        for (const RankedCause& contender : contendersOf(ranking)) {
            for (const CauseRules::SimpleRule& rule : causeRules.simple(contender.cause))
                if (!guardRulesOut(rule.guardFact, rule.guardValue, values)) stakes.weigh(rule.rule);
            weighGeneralRules(causeRules, contender.cause, values, stakes);
        }
    }
    finish(out, limit);
}

void chooseHelpfulFacts(const Model& model, const OnePassEvaluation& evaluation, std::span<const RankedCause> ranking,
                        std::size_t limit, std::vector<HelpfulFact>& out) {
    out.clear();
    if (limit == 0) return;
    const CompiledRules& compiled = evaluation.compiled();
    const OnePassState state(evaluation);
    StakeCollector stakes(model, compiled, state, state, out);
    const FactValues values = evaluation.values();
    if (ranking.empty()) {
        weighFocusedScope(model, values, stakes);
        finish(out, limit);
        return;
    }
    // Every bit of the facts with a value: a required bit left unset is a
    // fact still needed if its fact has no value, else the rule is False.
    const ConditionMasks& masks = compiled.masks();
    thread_local std::vector<std::uint64_t> known;
    known.assign(std::max<std::size_t>(masks.words(), 1), 0);
    for (const FactId fact : evaluation.factsWithValues())
        if (const std::uint64_t bits = masks.factBits(fact)) known[masks.factWord(fact)] |= bits;
    const std::uint64_t* literals = evaluation.literals();
    const CauseRules& causeRules = compiled.causeRules();
    for (const RankedCause& contender : contendersOf(ranking)) {
        // The bit-test rules without a branch per rule: the undecided ones
        // are listed first, and only those are weighed.
        const std::span<const CauseRules::SimpleRule> rules = causeRules.simple(contender.cause);
        thread_local std::vector<const CauseRules::SimpleRule*> undecided;
        if (undecided.size() < rules.size()) undecided.resize(rules.size());
        const CauseRules::SimpleRule** end = undecided.data();
        for (const CauseRules::SimpleRule& rule : rules) {
            const std::optional<Value>& guard = rule.guardFact != CauseRules::noGuard ? values[rule.guardFact] : std::nullopt;
            const bool guardOpen = rule.guardFact != CauseRules::noGuard && !guard;
            std::uint64_t decidedFalse = guard && guard->raw() != rule.guardValue ? 1 : 0, missing = 0;
            for (int i = 0; i < 2; ++i) {
                const std::uint64_t set = literals[rule.word[i]];
                const std::uint64_t unset = rule.expected[i] & ~set;
                decidedFalse |= (set & rule.mask[i] & ~rule.expected[i]) | (unset & known[rule.word[i]]);
                missing |= unset;
            }
            *end = &rule;
            end += (decidedFalse == 0) & (missing != 0 || guardOpen);
        }
        for (const CauseRules::SimpleRule* const* at = undecided.data(); at != end; ++at) {
            const CauseRules::SimpleRule& rule = **at;
            NeededFacts needed;
            if (rule.guardFact != CauseRules::noGuard && !values[rule.guardFact]) needed.push_back(rule.guardFact);
            for (int i = 0; i < 2; ++i)
                for (std::uint64_t unset = rule.expected[i] & ~literals[rule.word[i]]; unset != 0; unset &= unset - 1)
                    addOnce(needed, masks.factOf(rule.word[i] * 64u + static_cast<std::uint32_t>(std::countr_zero(unset))));
            stakes.addStakes(rule.rule, {needed.begin(), needed.end()});
        }
        weighGeneralRules(causeRules, contender.cause, values, stakes);
    }
    finish(out, limit);
}

CauseEvidence EvidenceFromFiredRules::of(CauseId cause) const {
    const std::span<const RuleId> fired = state_.firedRules();  // ascending
    CauseEvidence found;
    for (const Model::Evidence& piece : model_.evidenceAbout(cause)) {
        if (!std::binary_search(fired.begin(), fired.end(), piece.rule)) continue;
        (piece.supports ? found.unbeliefBySupport : found.keptByExclusion) *= 1.0 - piece.certainty;
    }
    return found;
}

}  // namespace triage::engine
