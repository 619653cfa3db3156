// Conditions: the AST's tree of compares, memberships and known-tests becomes
// the engine's flat array of atoms and nodes.
#include <algorithm>

#include "lower.hpp"
#include "lower_literal.hpp"

namespace triage::dsl {
namespace {

engine::Atom::Op atomOp(ast::Comparison op) {
    switch (op) {
        case ast::Comparison::Eq: return engine::Atom::Op::Eq;
        case ast::Comparison::Ne: return engine::Atom::Op::Ne;
        case ast::Comparison::Lt: return engine::Atom::Op::Lt;
        case ast::Comparison::Le: return engine::Atom::Op::Le;
        case ast::Comparison::Gt: return engine::Atom::Op::Gt;
        case ast::Comparison::Ge: return engine::Atom::Op::Ge;
    }
    return engine::Atom::Op::Eq;
}

class ConditionLowering {
public:
    ConditionLowering(const ast::Condition& source, const LoweredNames& names)
        : source_(source), names_(names) {}

    engine::Condition run() {
        // Sized once: growing by doubling would move every node (and its children) several times.
        result_.atoms.reserve(source_.compares.size() + source_.memberships.size() + source_.knowns.size());
        result_.nodes.reserve(source_.nodes.size());
        if (!source_.nodes.empty()) lowerNode(source_.root);
        return std::move(result_);
    }

private:
    /// Lowers the subtree at `index`; returns the engine node that stands for it.
    std::uint32_t lowerNode(std::uint32_t index) {
        const ast::ConditionNode& node = source_.nodes[index];
        using Kind = ast::ConditionNode::Kind;
        switch (node.kind) {
            case Kind::Compare: return addAtom(compareAtom(source_.compares[node.index]));
            case Kind::Membership: return addAtom(membershipAtom(source_.memberships[node.index]));
            case Kind::Known: return addAtom(knownAtom(source_.knowns[node.index]));
            case Kind::Group: return lowerNode(node.children.front());
            case Kind::Not: return addNode(engine::ConditionNode::Kind::Not, node.children);
            case Kind::And: return addNode(engine::ConditionNode::Kind::And, node.children);
            case Kind::Or: return addNode(engine::ConditionNode::Kind::Or, node.children);
        }
        return addNode(engine::ConditionNode::Kind::True, {});
    }

    std::uint32_t addNode(engine::ConditionNode::Kind kind, const engine::InlineList<std::uint32_t, 3>& astChildren) {
        engine::ConditionNode node;
        node.kind = kind;
        node.children.reserve(astChildren.size());
        for (std::uint32_t child : astChildren) node.children.push_back(lowerNode(child));
        result_.nodes.push_back(std::move(node));
        return static_cast<std::uint32_t>(result_.nodes.size() - 1);
    }

    std::uint32_t addAtom(engine::Atom&& atom) {
        result_.atoms.push_back(std::move(atom));
        engine::ConditionNode node;
        node.kind = engine::ConditionNode::Kind::Atom;
        node.atom = static_cast<std::uint32_t>(result_.atoms.size() - 1);
        result_.nodes.push_back(std::move(node));
        return static_cast<std::uint32_t>(result_.nodes.size() - 1);
    }

    engine::Atom compareAtom(const ast::CompareTest& compare) const {
        engine::Atom atom;
        atom.fact = names_.factIds.at(compare.fact.name);
        if (!compare.op) {  // a bare bool fact
            atom.op = engine::Atom::Op::Eq;
            atom.value = engine::Value::boolean(true);
            return atom;
        }
        atom.op = atomOp(*compare.op);
        atom.value = valueOf(atom.fact, compare.value);
        return atom;
    }

    engine::Atom membershipAtom(const ast::MembershipTest& membership) const {
        engine::Atom atom;
        atom.fact = names_.factIds.at(membership.fact.name);
        atom.op = engine::Atom::Op::In;
        std::vector<engine::Value> set;
        if (membership.group) {
            for (std::uint32_t code : names_.codeGroups->at(membership.group->name))
                set.push_back(engine::Value::code(code));
            atom.setName = names_.codeGroupNames.find(membership.group->name)->second;
        } else {
            for (const ast::Literal& literal : membership.values) set.push_back(valueOf(atom.fact, literal));
        }
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
        atom.set = set;
        return atom;
    }

    engine::Atom knownAtom(const ast::KnownTest& known) const {
        engine::Atom atom;
        atom.fact = names_.factIds.at(known.fact.name);
        atom.op = known.known ? engine::Atom::Op::Known : engine::Atom::Op::Unknown;
        return atom;
    }

    engine::Value valueOf(engine::FactId fact, const ast::Literal& literal) const {
        std::string error;
        return literalValue(*names_.factDecls[fact], literal, error).value_or(engine::Value{});
    }

    const ast::Condition& source_;
    const LoweredNames& names_;
    engine::Condition result_;
};

}  // namespace

engine::Condition lowerCondition(const ast::Condition& condition, const LoweredNames& names) {
    return ConditionLowering(condition, names).run();
}

}  // namespace triage::dsl
