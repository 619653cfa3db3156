#include "condition_layout.hpp"

namespace triage::dsl {
namespace {

const char* comparisonText(ast::Comparison op) {
    switch (op) {
        case ast::Comparison::Eq:
            return "=";
        case ast::Comparison::Ne:
            return "!=";
        case ast::Comparison::Lt:
            return "<";
        case ast::Comparison::Le:
            return "<=";
        case ast::Comparison::Gt:
            return ">";
        case ast::Comparison::Ge:
            return ">=";
    }
    return "=";
}

/// Lines longer than this are split at `or` / `and`.
constexpr std::size_t kMaxLineWidth = 100;

int precedence(ast::ConditionNode::Kind kind) {
    switch (kind) {
        case ast::ConditionNode::Kind::Or:
            return 1;
        case ast::ConditionNode::Kind::And:
            return 2;
        case ast::ConditionNode::Kind::Not:
            return 3;
        default:
            return 4;
    }
}

/// The condition on one line, with parentheses only where precedence needs them.
std::string conditionText(const ast::Condition& condition, std::uint32_t index, int required) {
    const ast::ConditionNode* node = &condition.nodes[index];
    while (node->kind == ast::ConditionNode::Kind::Group) node = &condition.nodes[node->children.front()];
    std::string text;
    switch (node->kind) {
        case ast::ConditionNode::Kind::Compare: {
            const ast::CompareTest& test = condition.compares[node->index];
            text = test.fact.name;
            if (test.op) text += std::string(" ") + comparisonText(*test.op) + " " + test.value.text;
            break;
        }
        case ast::ConditionNode::Kind::Membership: {
            const ast::MembershipTest& test = condition.memberships[node->index];
            text = test.fact.name + " in ";
            if (test.group) {
                text += test.group->name;
            } else {
                text += "{ ";
                for (std::size_t i = 0; i < test.values.size(); ++i)
                    text += (i ? ", " : "") + test.values[i].text;
                text += " }";
            }
            break;
        }
        case ast::ConditionNode::Kind::Known: {
            const ast::KnownTest& test = condition.knowns[node->index];
            text = (test.known ? "known " : "unknown ") + test.fact.name;
            break;
        }
        case ast::ConditionNode::Kind::Not:
            text = "not " + conditionText(condition, node->children.front(), precedence(node->kind));
            break;
        case ast::ConditionNode::Kind::And:
        case ast::ConditionNode::Kind::Or: {
            const char* joiner = node->kind == ast::ConditionNode::Kind::And ? " and " : " or ";
            for (std::size_t i = 0; i < node->children.size(); ++i) {
                if (i) text += joiner;
                text += conditionText(condition, node->children[i], precedence(node->kind));
            }
            break;
        }
        case ast::ConditionNode::Kind::Group:
            break;  // unwrapped above
    }
    return precedence(node->kind) < required ? "(" + text + ")" : text;
}

}  // namespace

std::string conditionText(const ast::Condition& condition) {
    return condition.nodes.empty() ? std::string() : conditionText(condition, condition.root, 0);
}

/// Lays out the node so its first character lands at `column`. What fits
/// stays on one line; a longer `and`/`or` puts one operand per line, with the
/// joiner right-aligned before the operand column, recursively inside
/// parentheses: "when a" / " and (b" / "      or c)".
std::vector<ConditionLine> layoutCondition(const ast::Condition& condition, std::uint32_t index, int required,
                                           std::size_t column) {
    const ast::ConditionNode* node = &condition.nodes[index];
    while (node->kind == ast::ConditionNode::Kind::Group) node = &condition.nodes[node->children.front()];
    std::string flat = conditionText(condition, index, required);
    const bool joined = node->kind == ast::ConditionNode::Kind::And || node->kind == ast::ConditionNode::Kind::Or;
    if (column + flat.size() <= kMaxLineWidth || !joined) return {{column, std::move(flat), node->span.begin}};

    const bool parenthesised = precedence(node->kind) < required;
    const std::size_t operandColumn = column + (parenthesised ? 1 : 0);
    const std::string joiner = node->kind == ast::ConditionNode::Kind::And ? "and " : "or ";
    std::vector<ConditionLine> lines;
    for (std::size_t i = 0; i < node->children.size(); ++i) {
        auto part = layoutCondition(condition, node->children[i], precedence(node->kind), operandColumn);
        if (i > 0) {
            part.front().text = joiner + part.front().text;
            part.front().column -= joiner.size();
        }
        lines.insert(lines.end(), part.begin(), part.end());
    }
    if (parenthesised) {
        lines.front().text = "(" + lines.front().text;
        lines.front().column -= 1;
        lines.back().text += ")";
    }
    return lines;
}
}  // namespace triage::dsl
