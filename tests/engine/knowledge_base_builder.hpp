// Builds knowledge bases in code for engine tests and benchmarks, with
// conditions written close to the rules language: is(f) && !is(g) || eq(e, v).
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "triage/engine/knowledge_base.hpp"
#include "triage/engine/model.hpp"

namespace triage::engine::testing {

/// A condition as a tree; flattened into engine::Condition by the builder.
struct Cond {
    ConditionNode::Kind kind = ConditionNode::Kind::True;
    Atom atom;
    std::vector<Cond> children;
};

inline Cond atomCond(FactId fact, Atom::Op op, Value value = {}) {
    Cond c;
    c.kind = ConditionNode::Kind::Atom;
    c.atom.fact = fact;
    c.atom.op = op;
    c.atom.value = value;
    return c;
}
inline Cond is(FactId fact) { return atomCond(fact, Atom::Op::Eq, Value::boolean(true)); }
inline Cond eq(FactId fact, Value value) { return atomCond(fact, Atom::Op::Eq, value); }
inline Cond ne(FactId fact, Value value) { return atomCond(fact, Atom::Op::Ne, value); }
inline Cond lt(FactId fact, double n) { return atomCond(fact, Atom::Op::Lt, Value::number(n)); }
inline Cond ge(FactId fact, double n) { return atomCond(fact, Atom::Op::Ge, Value::number(n)); }
inline Cond known(FactId fact) { return atomCond(fact, Atom::Op::Known); }
inline Cond unknown(FactId fact) { return atomCond(fact, Atom::Op::Unknown); }
inline Cond in(FactId fact, std::vector<Value> set, std::string setName = {}) {
    Cond c = atomCond(fact, Atom::Op::In);
    std::sort(set.begin(), set.end());
    c.atom.set = std::move(set);
    c.atom.setName = std::move(setName);
    return c;
}
inline Cond operator!(Cond inner) {
    Cond c;
    c.kind = ConditionNode::Kind::Not;
    c.children.push_back(std::move(inner));
    return c;
}
inline Cond combine(ConditionNode::Kind kind, Cond a, Cond b) {
    Cond c;
    c.kind = kind;
    // Flatten a && b && c into one node, as the compiler does.
    for (Cond* side : {&a, &b}) {
        if (side->kind == kind) {
            for (auto& child : side->children) c.children.push_back(std::move(child));
        } else {
            c.children.push_back(std::move(*side));
        }
    }
    return c;
}
inline Cond operator&&(Cond a, Cond b) { return combine(ConditionNode::Kind::And, std::move(a), std::move(b)); }
inline Cond operator||(Cond a, Cond b) { return combine(ConditionNode::Kind::Or, std::move(a), std::move(b)); }

inline Conclusion supports(CauseId cause, double certainty) {
    Conclusion c;
    c.kind = Conclusion::Kind::Supports;
    c.cause = cause;
    c.certainty = certainty;
    return c;
}
inline Conclusion excludes(CauseId cause, double certainty) {
    Conclusion c = supports(cause, certainty);
    c.kind = Conclusion::Kind::Excludes;
    return c;
}
inline Conclusion sets(FactId fact, Value value = Value::boolean(true)) {
    Conclusion c;
    c.kind = Conclusion::Kind::Sets;
    c.fact = fact;
    c.value = value;
    return c;
}

inline std::uint32_t flatten(const Cond& cond, Condition& out) {
    ConditionNode node;
    node.kind = cond.kind;
    for (const Cond& child : cond.children) node.children.push_back(flatten(child, out));
    if (cond.kind == ConditionNode::Kind::Atom) {
        node.atom = static_cast<std::uint32_t>(out.atoms.size());
        out.atoms.push_back(cond.atom);
    }
    out.nodes.push_back(std::move(node));
    return static_cast<std::uint32_t>(out.nodes.size() - 1);
}

inline Condition toCondition(const Cond& cond) {
    Condition condition;
    flatten(cond, condition);
    return condition;
}

class KnowledgeBaseBuilder {
public:
    FactId fact(std::string name, FactType type, bool askable = true, double cost = 1.0) {
        Fact f;
        f.name = std::move(name);
        f.type = type;
        f.askable = askable;
        f.cost = cost;
        if (askable) f.question.set("en", f.name + "?");
        kb_->facts.push_back(std::move(f));
        return static_cast<FactId>(kb_->facts.size() - 1);
    }
    FactId boolFact(std::string name, bool askable = true, double cost = 1.0) {
        return fact(std::move(name), FactType::Bool, askable, cost);
    }
    FactId enumFact(std::string name, std::vector<std::string> values, bool askable = true) {
        const FactId id = fact(std::move(name), FactType::Enum, askable);
        kb_->facts[id].enumValues = std::move(values);
        return id;
    }
    CauseId cause(std::string name, double prior = 0.1) {
        Cause c;
        c.name = std::move(name);
        c.prior = prior;
        c.origin = {"test.rules", static_cast<int>(kb_->causes.size()) + 1, 1};
        kb_->causes.push_back(std::move(c));
        return static_cast<CauseId>(kb_->causes.size() - 1);
    }
    void step(CauseId cause, std::string id, const Cond* when = nullptr) {
        FixStep s;
        s.id = std::move(id);
        s.text.set("en", s.id);
        if (when) s.when = toCondition(*when);
        kb_->causes[cause].steps.push_back(std::move(s));
    }
    RuleId rule(std::string name, const Cond& when, std::vector<Conclusion> then, int priority = 0) {
        Rule r;
        r.name = std::move(name);
        r.condition = toCondition(when);
        r.conclusions = std::move(then);
        r.priority = priority;
        r.origin = {"test.rules", static_cast<int>(kb_->rules.size()) + 100, 1};
        kb_->rules.push_back(std::move(r));
        return static_cast<RuleId>(kb_->rules.size() - 1);
    }
    KnowledgeBase& kb() { return *kb_; }

    std::shared_ptr<const KnowledgeBase> build() {
        kb_->index();
        return kb_;
    }
    /// The model, or null with `issues` filled.
    std::shared_ptr<const Model> model(std::vector<ModelIssue>& issues) { return Model::build(build(), issues); }
    std::shared_ptr<const Model> model() {
        std::vector<ModelIssue> issues;
        return model(issues);
    }

private:
    std::shared_ptr<KnowledgeBase> kb_ = std::make_shared<KnowledgeBase>();
};

}  // namespace triage::engine::testing
