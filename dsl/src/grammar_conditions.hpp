// Conditions of the .rules grammar, built straight into the flat
// ast::Condition by semantic actions. Included only by parser.cpp.
#pragma once

#include "grammar_lexical.hpp"

namespace triage::dsl::grammar {

// Sub-rules yield node indices; no action runs before its subject matched,
// and a failure after `>` abandons the whole declaration, so no orphans.
struct MembershipTarget {
    std::vector<ast::Literal> values;
    std::optional<ast::Identifier> group;
};

template <typename Context>
std::uint32_t addNode(const Context& context, ast::ConditionNode::Kind kind,
                      std::vector<std::uint32_t> children, ast::SourceSpan span, std::size_t index = 0) {
    ast::Condition& condition = *stateOf(context).condition;
    ast::ConditionNode node;
    node.kind = kind;
    node.index = index;
    node.children = std::move(children);
    node.span = span;
    condition.nodes.push_back(std::move(node));
    return static_cast<std::uint32_t>(condition.nodes.size() - 1);
}

/// `a or b or c` -> one Or node; a single operand passes through.
inline auto combine(ast::ConditionNode::Kind kind) {
    return [kind](auto& context) {
        const std::vector<std::uint32_t>& operands = x3::_attr(context);
        x3::_val(context) =
            operands.size() == 1 ? operands.front() : addNode(context, kind, operands, matchedSpan(context));
    };
}

inline auto wrap(ast::ConditionNode::Kind kind) {
    return [kind](auto& context) {
        x3::_val(context) = addNode(context, kind, {x3::_attr(context)}, matchedSpan(context));
    };
}

const auto add_test = [](auto& context) {
    ast::Condition& condition = *stateOf(context).condition;
    auto& test = x3::_attr(context);
    using Test = std::decay_t<decltype(test)>;
    const ast::SourceSpan span = test.span;
    if constexpr (std::is_same_v<Test, ast::CompareTest>) {
        condition.compares.push_back(std::move(test));
        x3::_val(context) =
            addNode(context, ast::ConditionNode::Kind::Compare, {}, span, condition.compares.size() - 1);
    } else if constexpr (std::is_same_v<Test, ast::MembershipTest>) {
        condition.memberships.push_back(std::move(test));
        x3::_val(context) = addNode(context, ast::ConditionNode::Kind::Membership, {}, span,
                                    condition.memberships.size() - 1);
    } else {
        condition.knowns.push_back(std::move(test));
        x3::_val(context) =
            addNode(context, ast::ConditionNode::Kind::Known, {}, span, condition.knowns.size() - 1);
    }
};

const x3::rule<struct condition_class, ast::Condition> condition = "condition";
const x3::rule<struct disjunction_class, std::uint32_t> disjunction = "condition";
const x3::rule<struct disjuncts_class, std::vector<std::uint32_t>> disjuncts = "condition";
const x3::rule<struct conjunction_class, std::uint32_t> conjunction = "condition";
const x3::rule<struct conjuncts_class, std::vector<std::uint32_t>> conjuncts = "condition";
const x3::rule<struct negation_class, std::uint32_t> negation = "condition";
const x3::rule<struct primary_class, std::uint32_t> primary = "condition";
const x3::rule<struct compare_test_class, ast::CompareTest> compare_test = "comparison";
const x3::rule<struct bare_test_class, ast::CompareTest> bare_test = "fact name";
const x3::rule<struct known_test_class, ast::KnownTest> known_test = "'known' or 'unknown'";
const x3::rule<struct membership_test_class, ast::MembershipTest> membership_test = "membership test";
const x3::rule<struct membership_target_class, MembershipTarget> membership_target =
    "'{' or the name of a code group";
const x3::rule<struct value_list_class, std::vector<ast::Literal>> value_list =
    "value (a name, number or error code)";
const x3::rule<struct compare_operator_class, ast::Comparison> compare_operator = "comparison operator";

const auto condition_def = x3::eps[([](auto& context) {
                               x3::_val(context) = ast::Condition{};
                               stateOf(context).condition = &x3::_val(context);
                           })] >>
                           disjunction[([](auto& context) {
                               ast::Condition& built = x3::_val(context);
                               built.root = x3::_attr(context);
                               built.span = built.nodes[built.root].span;
                           })];
const auto disjunction_def = spanned[disjuncts][combine(ast::ConditionNode::Kind::Or)];
const auto disjuncts_def = conjunction >> *(kw_or > conjunction);
const auto conjunction_def = spanned[conjuncts][combine(ast::ConditionNode::Kind::And)];
const auto conjuncts_def = negation >> *(kw_and > negation);
const auto negation_def = spanned[kw_not > negation][wrap(ast::ConditionNode::Kind::Not)] |
                          primary[([](auto& context) { x3::_val(context) = x3::_attr(context); })];
const auto primary_def = spanned['(' > disjunction > ')'][wrap(ast::ConditionNode::Kind::Group)] |
                         known_test[add_test] | membership_test[add_test] | compare_test[add_test] |
                         bare_test[add_test];
const auto compare_operator_def = comparison_symbols;
const auto compare_test_def = spanned[identifier >> compare_operator > value][([](auto& context) {
    ast::CompareTest& test = x3::_val(context);
    test.fact = at_c<0>(x3::_attr(context));
    test.op = at_c<1>(x3::_attr(context));
    test.value = at_c<2>(x3::_attr(context));
    test.span = matchedSpan(context);
})];
const auto bare_test_def = spanned[identifier][([](auto& context) {
    x3::_val(context).fact = x3::_attr(context);
    x3::_val(context).span = matchedSpan(context);
})];
inline auto make_known(bool known) {
    return [known](auto& context) {
        x3::_val(context).known = known;
        x3::_val(context).fact = x3::_attr(context);
        x3::_val(context).span = matchedSpan(context);
    };
}
const auto known_test_def =
    spanned[kw_known > identifier][make_known(true)] | spanned[kw_unknown > identifier][make_known(false)];
const auto membership_test_def = spanned[identifier >> kw_in > membership_target][([](auto& context) {
    ast::MembershipTest& test = x3::_val(context);
    test.fact = at_c<0>(x3::_attr(context));
    test.values = std::move(at_c<1>(x3::_attr(context)).values);
    test.group = std::move(at_c<1>(x3::_attr(context)).group);
    test.span = matchedSpan(context);
})];
const auto membership_target_def =
    ('{' > value_list > '}')[([](auto& context) { x3::_val(context).values = x3::_attr(context); })] |
    identifier[([](auto& context) { x3::_val(context).group = x3::_attr(context); })];
const auto value_list_def = value > *(',' > value);

BOOST_SPIRIT_DEFINE(condition, disjunction, disjuncts, conjunction, conjuncts, negation, primary,
                    compare_test, bare_test, known_test, membership_test, membership_target, value_list,
                    compare_operator)

}  // namespace triage::dsl::grammar
