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
    node.index = static_cast<std::uint32_t>(index);
    node.children = std::move(children);
    node.span = span;
    condition.nodes.push_back(std::move(node));
    return static_cast<std::uint32_t>(condition.nodes.size() - 1);
}

/// `a or b or c` -> one Or node; a single operand passes through.
inline auto combine(ast::ConditionNode::Kind kind) {
    return [kind](auto& context) {
        std::vector<std::uint32_t>& operands = x3::_attr(context);
        x3::_val(context) = operands.size() == 1 ? operands.front()
                                                 : addNode(context, kind, std::move(operands), matchedSpan(context));
    };
}

inline auto wrap(ast::ConditionNode::Kind kind) {
    return [kind](auto& context) {
        x3::_val(context) = addNode(context, kind, {x3::_attr(context)}, matchedSpan(context));
    };
}

/// Appends a test to the condition being built and returns its node.
template <typename Context, typename Test>
std::uint32_t addTest(const Context& context, Test&& test) {
    ast::Condition& condition = *stateOf(context).condition;
    const ast::SourceSpan span = test.span;
    using Decayed = std::decay_t<Test>;
    if constexpr (std::is_same_v<Decayed, ast::CompareTest>) {
        condition.compares.push_back(std::forward<Test>(test));
        return addNode(context, ast::ConditionNode::Kind::Compare, {}, span, condition.compares.size() - 1);
    } else if constexpr (std::is_same_v<Decayed, ast::MembershipTest>) {
        condition.memberships.push_back(std::forward<Test>(test));
        return addNode(context, ast::ConditionNode::Kind::Membership, {}, span,
                       condition.memberships.size() - 1);
    } else {
        condition.knowns.push_back(std::forward<Test>(test));
        return addNode(context, ast::ConditionNode::Kind::Known, {}, span, condition.knowns.size() - 1);
    }
}

const auto add_test = [](auto& context) { x3::_val(context) = addTest(context, std::move(x3::_attr(context))); };

// A test that starts with a fact name (`f in {...}`, `f = v`, bare `f`) reads
// the name once and then its tail: trying each whole form in turn would parse
// the name up to three times.
const auto remember_fact = [](auto& context) { stateOf(context).fact = std::move(x3::_attr(context)); };

/// The span from the remembered fact name to the end of the tail just matched.
template <typename Context>
ast::SourceSpan testSpan(const Context& context) {
    return {stateOf(context).fact.span.begin, matchedSpan(context).end};
}

const auto finish_membership = [](auto& context) {
    ast::MembershipTest test;
    test.span = testSpan(context);
    test.fact = std::move(stateOf(context).fact);
    test.values = std::move(x3::_attr(context).values);
    test.group = std::move(x3::_attr(context).group);
    x3::_val(context) = addTest(context, std::move(test));
};

const auto finish_compare = [](auto& context) {
    ast::CompareTest test;
    test.span = testSpan(context);
    test.fact = std::move(stateOf(context).fact);
    test.op = at_c<0>(x3::_attr(context));
    test.value = std::move(at_c<1>(x3::_attr(context)));
    x3::_val(context) = addTest(context, std::move(test));
};

const auto finish_bare = [](auto& context) {
    ast::CompareTest test;
    test.span = stateOf(context).fact.span;
    test.fact = std::move(stateOf(context).fact);
    x3::_val(context) = addTest(context, std::move(test));
};

const x3::rule<struct condition_class, ast::Condition> condition = "condition";
const x3::rule<struct disjunction_class, std::uint32_t> disjunction = "condition";
const x3::rule<struct disjuncts_class, std::vector<std::uint32_t>> disjuncts = "condition";
const x3::rule<struct conjunction_class, std::uint32_t> conjunction = "condition";
const x3::rule<struct conjuncts_class, std::vector<std::uint32_t>> conjuncts = "condition";
const x3::rule<struct negation_class, std::uint32_t> negation = "condition";
const x3::rule<struct primary_class, std::uint32_t> primary = "condition";
const x3::rule<struct fact_test_class, std::uint32_t> fact_test = "comparison or membership test";
const x3::rule<struct known_test_class, ast::KnownTest> known_test = "'known' or 'unknown'";
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
                               // Grown by doubling while parsing; the whole AST is alive at
                               // the peak of a load, so the slack (~15 MB at 100k rules) goes.
                               built.nodes.shrink_to_fit();
                               built.compares.shrink_to_fit();
                               built.memberships.shrink_to_fit();
                               built.knowns.shrink_to_fit();
                           })];
const auto disjunction_def = spanned[disjuncts][combine(ast::ConditionNode::Kind::Or)];
const auto disjuncts_def = conjunction >> *(kw_or > conjunction);
const auto conjunction_def = spanned[conjuncts][combine(ast::ConditionNode::Kind::And)];
const auto conjuncts_def = negation >> *(kw_and > negation);
const auto negation_def = spanned[kw_not > negation][wrap(ast::ConditionNode::Kind::Not)] |
                          primary[([](auto& context) { x3::_val(context) = x3::_attr(context); })];
const auto primary_def = spanned['(' > disjunction > ')'][wrap(ast::ConditionNode::Kind::Group)] |
                         known_test[add_test] | fact_test[([](auto& context) { x3::_val(context) = x3::_attr(context); })];
const auto compare_operator_def = comparison_symbols;
const auto fact_test_def = identifier[remember_fact] >> (spanned[kw_in > membership_target][finish_membership] |
                                                         spanned[compare_operator > value][finish_compare] |
                                                         x3::eps[finish_bare]);
inline auto make_known(bool known) {
    return [known](auto& context) {
        x3::_val(context).known = known;
        x3::_val(context).fact = std::move(x3::_attr(context));
        x3::_val(context).span = matchedSpan(context);
    };
}
const auto known_test_def =
    spanned[kw_known > identifier][make_known(true)] | spanned[kw_unknown > identifier][make_known(false)];
const auto membership_target_def =
    ('{' > value_list > '}')[([](auto& context) { x3::_val(context).values = std::move(x3::_attr(context)); })] |
    identifier[([](auto& context) { x3::_val(context).group = std::move(x3::_attr(context)); })];
const auto value_list_def = value > *(',' > value);

BOOST_SPIRIT_DEFINE(condition, disjunction, disjuncts, conjunction, conjuncts, negation, primary,
                    fact_test, known_test, membership_target, value_list,
                    compare_operator)

}  // namespace triage::dsl::grammar
