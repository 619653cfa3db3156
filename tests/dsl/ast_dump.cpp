#include "ast_dump.hpp"

#include <vector>

namespace triage::testing {
namespace {

std::string literal(const ast::Literal& value) {
    static const char* kinds[] = {"word", "number", "code"};
    return std::string(kinds[static_cast<int>(value.kind)]) + ":" + value.text;
}

std::string texts(const ast::Texts& all) {
    std::string out = "[";
    for (const ast::Translation& text : all) out += " " + text.language.name + "=\"" + text.text + "\"";
    return out + " ]";
}

const ast::ConditionNode& skipGroups(const ast::Condition& condition, std::uint32_t index) {
    const ast::ConditionNode* node = &condition.nodes.at(index);
    while (node->kind == ast::ConditionNode::Kind::Group) node = &condition.nodes.at(node->children.at(0));
    return *node;
}

void operands(const ast::Condition& condition, const ast::ConditionNode& node, std::vector<std::string>& out);

std::string node(const ast::Condition& condition, const ast::ConditionNode& current) {
    using Kind = ast::ConditionNode::Kind;
    static const char* ops[] = {"=", "!=", "<", "<=", ">", ">="};
    switch (current.kind) {
        case Kind::Compare: {
            const ast::CompareTest& test = condition.compares.at(current.index);
            if (!test.op) return test.fact.name;
            return "(" + std::string(ops[static_cast<int>(*test.op)]) + " " + test.fact.name + " " +
                   literal(test.value) + ")";
        }
        case Kind::Membership: {
            const ast::MembershipTest& test = condition.memberships.at(current.index);
            std::string out = "(in " + test.fact.name;
            if (test.group) out += " group:" + test.group->name;
            for (const ast::Literal& value : test.values) out += " " + literal(value);
            return out + ")";
        }
        case Kind::Known: {
            const ast::KnownTest& test = condition.knowns.at(current.index);
            return std::string(test.known ? "(known " : "(unknown ") + test.fact.name + ")";
        }
        case Kind::Not:
            return "(not " + node(condition, skipGroups(condition, current.children.at(0))) + ")";
        case Kind::And:
        case Kind::Or: {
            std::vector<std::string> parts;
            operands(condition, current, parts);
            std::string out = current.kind == Kind::And ? "(and" : "(or";
            for (const std::string& part : parts) out += " " + part;
            return out + ")";
        }
        case Kind::Group:
            return node(condition, skipGroups(condition, current.children.at(0)));
    }
    return "?";
}

/// Operands of an and/or, with nested operators of the same kind flattened.
void operands(const ast::Condition& condition, const ast::ConditionNode& parent,
              std::vector<std::string>& out) {
    for (std::uint32_t child : parent.children) {
        const ast::ConditionNode& operand = skipGroups(condition, child);
        if (operand.kind == parent.kind)
            operands(condition, operand, out);
        else
            out.push_back(node(condition, operand));
    }
}

}  // namespace

std::string dumpCondition(const ast::Condition& condition) {
    if (condition.nodes.empty()) return "(empty)";
    return node(condition, skipGroups(condition, condition.root));
}

std::string dumpFile(const ast::File& file) {
    std::string out;
    for (const ast::Declaration& declaration : file.order) {
        switch (declaration.kind) {
            case ast::Declaration::Kind::Import:
                out += "import \"" + file.imports.at(declaration.index).path + "\"\n";
                break;
            case ast::Declaration::Kind::Fact: {
                const ast::FactDecl& fact = file.facts.at(declaration.index);
                out += "fact " + fact.name.name + " type=" + std::to_string(static_cast<int>(fact.type));
                for (const ast::Identifier& value : fact.enumValues) out += " " + value.name;
                if (fact.question) out += " question=" + texts(*fact.question);
                if (fact.help) out += " help=" + texts(*fact.help);
                if (fact.cost) out += " cost=" + literal(*fact.cost);
                out += "\n";
                break;
            }
            case ast::Declaration::Kind::CodeGroup: {
                const ast::CodeGroupDecl& group = file.codeGroups.at(declaration.index);
                out += "codes " + group.name.name;
                for (const ast::Literal& code : group.codes) out += " " + literal(code);
                out += "\n";
                break;
            }
            case ast::Declaration::Kind::Cause: {
                const ast::CauseDecl& cause = file.causes.at(declaration.index);
                out += "cause " + cause.name.name;
                if (cause.prior) out += " prior=" + literal(*cause.prior);
                out += " title=" + texts(cause.title) + "\n";
                for (const ast::FixStepDecl& step : cause.steps) {
                    out += "  step " + step.id.name;
                    if (step.when) out += " when " + dumpCondition(*step.when);
                    out += " " + texts(step.texts) + "\n";
                }
                break;
            }
            case ast::Declaration::Kind::Rule: {
                const ast::RuleDecl& rule = file.rules.at(declaration.index);
                static const char* kinds[] = {"supports", "excludes", "set"};
                out += "rule " + rule.name.name + " when " + dumpCondition(rule.condition);
                for (const ast::ConclusionDecl& conclusion : rule.conclusions) {
                    out += " then " + std::string(kinds[static_cast<int>(conclusion.kind)]) + " " +
                           conclusion.target.name + " " + literal(conclusion.value);
                }
                if (rule.priority) out += " priority=" + literal(*rule.priority);
                out += "\n";
                break;
            }
            case ast::Declaration::Kind::Test: {
                const ast::TestDecl& test = file.tests.at(declaration.index);
                static const char* kinds[] = {"cause", "not-cause", "question", "no-question"};
                out += "test \"" + test.name + "\"";
                for (const ast::GivenFact& given : test.given)
                    out += " given " + given.fact.name + "=" + literal(given.value);
                for (const ast::Expectation& expected : test.expectations) {
                    out += " expect " + std::string(kinds[static_cast<int>(expected.kind)]);
                    if (expected.target) out += " " + expected.target->name;
                }
                out += "\n";
                break;
            }
        }
    }
    return out;
}

}  // namespace triage::testing
