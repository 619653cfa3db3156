// Session::why, how and whyNot: explanations as data, with atoms rendered
// the way the rule author wrote them.
#include <algorithm>

#include "question_choice.hpp"
#include "session_state.hpp"
#include "triage/engine/inference_graph.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/scoring.hpp"

namespace triage::engine {

namespace {

const char* comparison(Atom::Op op) {
    switch (op) {
        case Atom::Op::Eq: return " = ";
        case Atom::Op::Ne: return " != ";
        case Atom::Op::Lt: return " < ";
        case Atom::Op::Le: return " <= ";
        case Atom::Op::Gt: return " > ";
        case Atom::Op::Ge: return " >= ";
        default: return " ? ";
    }
}

/// An atom with the parity of the `not`s above it.
struct Literal {
    std::uint32_t atom;
    bool negated;
};

void collectLiterals(const Condition& condition, std::uint32_t node, bool negated, std::vector<Literal>& out) {
    const ConditionNode& current = condition.nodes[node];
    switch (current.kind) {
        case ConditionNode::Kind::True: return;
        case ConditionNode::Kind::Atom: out.push_back({current.atom, negated}); return;
        case ConditionNode::Kind::Not: collectLiterals(condition, current.children.front(), !negated, out); return;
        case ConditionNode::Kind::And:
        case ConditionNode::Kind::Or:
            for (std::uint32_t child : current.children) collectLiterals(condition, child, negated, out);
            return;
    }
}

/// The literals of a condition whose truth is (or is not) `wanted`.
std::vector<AtomStatus> literalsWhere(const KnowledgeBase& kb, const Condition& condition, FactValues values,
                                      bool wantTrue) {
    std::vector<Literal> literals;
    if (!condition.empty()) collectLiterals(condition, condition.root(), false, literals);
    std::vector<AtomStatus> out;
    for (const Literal& literal : literals) {
        const Atom& atom = condition.atoms[literal.atom];
        Truth truth = evaluateAtom(atom, values[atom.fact]);
        if (literal.negated && truth != Truth::Unknown) truth = truth == Truth::True ? Truth::False : Truth::True;
        if ((truth == Truth::True) != wantTrue) continue;
        AtomStatus status;
        status.fact = atom.fact;
        status.text = describeAtom(kb, atom, literal.negated);
        status.truth = truth == Truth::True    ? AtomStatus::Truth::True
                       : truth == Truth::False ? AtomStatus::Truth::False
                                               : AtomStatus::Truth::Unknown;
        out.push_back(std::move(status));
    }
    return out;
}

}  // namespace

std::string describeAtom(const KnowledgeBase& kb, const Atom& atom, bool negated) {
    const Fact& fact = kb.facts[atom.fact];
    std::string text;
    switch (atom.op) {
        case Atom::Op::Known: text = "known " + fact.name; break;
        case Atom::Op::Unknown: text = "unknown " + fact.name; break;
        case Atom::Op::In:
            if (!atom.setName.empty()) {
                text = fact.name + " in " + atom.setName;
            } else {
                text = fact.name + " in { ";
                for (std::size_t i = 0; i < atom.set.size(); ++i)
                    text += (i ? ", " : "") + formatValue(fact, atom.set[i]);
                text += " }";
            }
            break;
        case Atom::Op::Eq:
            if (fact.type == FactType::Bool) {
                // `f` and `not f` are how authors write bool tests.
                const bool holdsWhenTrue = atom.value.asBool() != negated;
                return holdsWhenTrue ? fact.name : "not " + fact.name;
            }
            [[fallthrough]];
        default: text = fact.name + comparison(atom.op) + formatValue(fact, atom.value); break;
    }
    return negated ? "not " + text : text;
}

WhyExplanation Session::why(FactId question) const {
    WhyExplanation explanation;
    explanation.fact = question;
    const MemoryState state(state_->memory);
    QuestionRelevance relevance(*model_, state, questionScratch());
    for (RuleId rule : model_->index().readers[question])
        if (relevance.atStake(rule, question) && relevance.leadsToCause(rule))
            explanation.stakes.push_back({rule, model_->graph().causesReachedBy(rule)});
    return explanation;
}

HowExplanation Session::how(CauseId cause) const {
    const KnowledgeBase& kb = model_->kb();
    const WorkingMemory& memory = state_->memory;
    HowExplanation explanation;
    explanation.cause = cause;
    explanation.prior = kb.causes[cause].prior;
    explanation.score = explanation.prior;
    for (const CauseScore& score : scoreCauses(kb, memory.firedRules()))
        if (score.cause == cause) explanation.score = score.score;

    for (RuleId rule : firedRules()) {
        for (const auto& conclusion : kb.rules[rule].conclusions) {
            if (conclusion.kind == engine::Conclusion::Kind::Sets || conclusion.cause != cause) continue;
            HowExplanation::Step step;
            step.rule = rule;
            step.supports = conclusion.kind == engine::Conclusion::Kind::Supports;
            step.certainty = conclusion.certainty;
            step.used = literalsWhere(kb, kb.rules[rule].condition, memory.values(), true);
            for (const AtomStatus& used : step.used) {
                if (memory.isGiven(used.fact)) continue;
                for (RuleId setter : model_->index().setters[used.fact]) {
                    if (!memory.fired(setter)) continue;
                    if (std::find(step.derivedFrom.begin(), step.derivedFrom.end(), setter) == step.derivedFrom.end())
                        step.derivedFrom.push_back(setter);
                    break;  // the winner is the first fired setter
                }
            }
            explanation.steps.push_back(std::move(step));
        }
    }
    return explanation;
}

WhyNotExplanation Session::whyNot(CauseId cause) const {
    const KnowledgeBase& kb = model_->kb();
    const WorkingMemory& memory = state_->memory;
    WhyNotExplanation explanation;
    explanation.cause = cause;
    explanation.score = kb.causes[cause].prior;
    for (const CauseScore& score : scoreCauses(kb, memory.firedRules()))
        if (score.cause == cause) explanation.score = score.score;
    const std::vector<RankedCause> ranked = ranking();
    if (!ranked.empty()) {
        explanation.top = ranked.front().cause;
        explanation.topScore = ranked.front().score;
    }
    for (RuleId rule : model_->rulesConcluding(cause)) {
        if (memory.fired(rule)) continue;
        bool supports = false;
        for (const auto& conclusion : kb.rules[rule].conclusions)
            supports |= conclusion.kind == engine::Conclusion::Kind::Supports && conclusion.cause == cause;
        if (!supports) continue;
        explanation.rules.push_back({rule, literalsWhere(kb, kb.rules[rule].condition, memory.values(), false)});
    }
    return explanation;
}

}  // namespace triage::engine
