// Declarations of the .rules grammar: import, fact, codes, cause, rule and
// test, each filling its AST node through actions. Included only by parser.cpp.
#pragma once

#include "grammar_conditions.hpp"

namespace triage::dsl::grammar {

struct TypeSpec {
    ast::FactType type = ast::FactType::Bool;
    std::vector<ast::Identifier> values;
};

/// Stores a clause in `slot`, or reports it as a duplicate.
template <typename Context, typename Slot, typename Value>
void setOnce(const Context& context, Slot& slot, Value&& value, bool alreadySet, const char* clause) {
    if (alreadySet) {
        ast::SourceSpan span = matchedSpan(context);
        span.end = span.begin + static_cast<std::uint32_t>(std::char_traits<char>::length(clause));
        throw DuplicateClause{span, std::string("duplicate '") + clause + "' clause"};
    }
    slot = std::forward<Value>(value);
}

/// A bare `set f` or `given f` means the bool value true; the empty span
/// records that it was not written.
inline ast::Literal impliedTrue(const ast::Identifier& fact) {
    ast::Literal literal;
    literal.text = "true";
    literal.span = {fact.span.end, fact.span.end};
    return literal;
}

const x3::rule<struct fact_type_class, TypeSpec> fact_type = "type ('bool', 'code', 'number' or 'enum')";
const x3::rule<struct enum_values_class, std::vector<ast::Identifier>> enum_values = "enum value";
const x3::rule<struct import_decl_class, ast::ImportDecl> import_decl = "'import'";
const x3::rule<struct fact_decl_class, ast::FactDecl> fact_decl = "'fact'";
const x3::rule<struct code_list_class, std::vector<ast::Literal>> code_list =
    "error code (0x and 8 hex digits)";
const x3::rule<struct code_group_decl_class, ast::CodeGroupDecl> code_group_decl = "'codes'";
const x3::rule<struct fix_step_class, ast::FixStepDecl> fix_step = "'step'";
const x3::rule<struct fix_steps_class, std::vector<ast::FixStepDecl>> fix_steps = "'step'";
const x3::rule<struct cause_decl_class, ast::CauseDecl> cause_decl = "'cause'";
const x3::rule<struct conclusion_class, ast::ConclusionDecl> conclusion =
    "conclusion ('supports', 'excludes' or 'set')";
const x3::rule<struct rule_decl_class, ast::RuleDecl> rule_decl = "'rule'";
const x3::rule<struct given_fact_class, ast::GivenFact> given_fact = "fact name";
const x3::rule<struct expectation_body_class, ast::Expectation> expectation_body =
    "'cause', 'not cause', 'question' or 'no question'";
const x3::rule<struct expectation_class, ast::Expectation> expectation = "'expect'";
const x3::rule<struct test_decl_class, ast::TestDecl> test_decl = "'test'";

inline auto set_type(ast::FactType type) {
    return [type](auto& context) { x3::_val(context).type = type; };
}

const auto fact_type_def = kw_bool[set_type(ast::FactType::Bool)] | kw_code[set_type(ast::FactType::Code)] |
                           kw_number[set_type(ast::FactType::Number)] |
                           (kw_enum > '{' > enum_values > '}')[([](auto& context) {
                               x3::_val(context).type = ast::FactType::Enum;
                               x3::_val(context).values = std::move(x3::_attr(context));
                           })];
const auto enum_values_def = identifier > *(',' > identifier);

const auto import_decl_def =
    located(kw_import > string_literal[([](auto& context) { x3::_val(context).path = std::move(x3::_attr(context)); })]);

const auto set_name = [](auto& context) { x3::_val(context).name = std::move(x3::_attr(context)); };

const auto fact_decl_def = located(
    kw_fact > identifier[set_name] > ':' > fact_type[([](auto& context) {
        x3::_val(context).type = x3::_attr(context).type;
        x3::_val(context).enumValues = std::move(x3::_attr(context).values);
    })] > *(spanned[kw_question > texts][([](auto& context) {
                auto& fact = x3::_val(context);
                setOnce(context, fact.question, std::move(x3::_attr(context)), fact.question.has_value(), "question");
            })] |
            spanned[kw_help > texts][([](auto& context) {
                auto& fact = x3::_val(context);
                setOnce(context, fact.help, std::move(x3::_attr(context)), fact.help.has_value(), "help");
            })] |
            spanned[kw_cost > number_literal][([](auto& context) {
                auto& fact = x3::_val(context);
                setOnce(context, fact.cost, std::move(x3::_attr(context)), fact.cost.has_value(), "cost");
            })]));

const auto code_list_def = code_literal > *(',' > code_literal);
const auto code_group_decl_def =
    located(kw_codes > identifier[set_name] > '=' > '{' >
            code_list[([](auto& context) { x3::_val(context).codes = std::move(x3::_attr(context)); })] > '}');

const auto fix_step_def = located(
    kw_step > identifier[([](auto& context) { x3::_val(context).id = std::move(x3::_attr(context)); })] >
    -(kw_when > condition[([](auto& context) { x3::_val(context).when = std::move(x3::_attr(context)); })]) >
    texts[([](auto& context) { x3::_val(context).texts = std::move(x3::_attr(context)); })]);
const auto fix_steps_def = +fix_step;

const auto cause_decl_def =
    located(kw_cause > identifier[set_name] >
            *(spanned[kw_prior > number_literal][([](auto& context) {
                  auto& cause = x3::_val(context);
                  setOnce(context, cause.prior, std::move(x3::_attr(context)), cause.prior.has_value(), "prior");
              })] |
              spanned[kw_title > texts][([](auto& context) {
                  auto& cause = x3::_val(context);
                  setOnce(context, cause.title, std::move(x3::_attr(context)), !cause.title.empty(), "title");
              })] |
              spanned[kw_fix > fix_steps][([](auto& context) {
                  auto& cause = x3::_val(context);
                  setOnce(context, cause.steps, std::move(x3::_attr(context)), !cause.steps.empty(), "fix");
              })]));

inline auto make_conclusion(ast::ConclusionDecl::Kind kind) {
    return [kind](auto& context) {
        ast::ConclusionDecl& conclusion = x3::_val(context);
        conclusion.kind = kind;
        conclusion.target = std::move(at_c<0>(x3::_attr(context)));
        conclusion.value = std::move(at_c<1>(x3::_attr(context)));
        conclusion.span = matchedSpan(context);
    };
}

const auto conclusion_def =
    spanned[kw_supports > identifier > number_literal][make_conclusion(ast::ConclusionDecl::Kind::Supports)] |
    spanned[kw_excludes > identifier > number_literal][make_conclusion(ast::ConclusionDecl::Kind::Excludes)] |
    spanned[kw_set > identifier >> -('=' > value)][([](auto& context) {
        ast::ConclusionDecl& conclusion = x3::_val(context);
        conclusion.kind = ast::ConclusionDecl::Kind::Sets;
        conclusion.target = std::move(at_c<0>(x3::_attr(context)));
        const auto& written = at_c<1>(x3::_attr(context));
        conclusion.value = written ? *written : impliedTrue(conclusion.target);
        conclusion.span = matchedSpan(context);
    })];

const auto add_conclusion = [](auto& context) {
    x3::_val(context).conclusions.push_back(std::move(x3::_attr(context)));
};
const auto rule_decl_def =
    located(kw_rule > identifier[set_name] > kw_when >
            condition[([](auto& context) { x3::_val(context).condition = std::move(x3::_attr(context)); })] >
            kw_then > conclusion[add_conclusion] > *(kw_and > conclusion[add_conclusion]) >
            -(kw_priority >
              number_literal[([](auto& context) { x3::_val(context).priority = std::move(x3::_attr(context)); })]));

const auto given_fact_def = spanned[identifier >> -('=' > value)][([](auto& context) {
    ast::GivenFact& given = x3::_val(context);
    given.fact = std::move(at_c<0>(x3::_attr(context)));
    const auto& written = at_c<1>(x3::_attr(context));
    given.value = written ? *written : impliedTrue(given.fact);
    given.span = matchedSpan(context);
})];

inline auto expect_kind(ast::Expectation::Kind kind) {
    return [kind](auto& context) {
        x3::_val(context).kind = kind;
        if constexpr (!std::is_same_v<std::decay_t<decltype(x3::_attr(context))>, x3::unused_type>) {
            x3::_val(context).target = std::move(x3::_attr(context));
        }
    };
}

const auto expectation_body_def =
    (kw_cause > identifier)[expect_kind(ast::Expectation::Kind::TopCause)] |
    (kw_not > kw_cause > identifier)[expect_kind(ast::Expectation::Kind::NotTopCause)] |
    (kw_question > identifier)[expect_kind(ast::Expectation::Kind::NextQuestion)] |
    (kw_no > kw_question)[expect_kind(ast::Expectation::Kind::NoQuestion)];
const auto expectation_def =
    located(kw_expect > expectation_body[([](auto& context) { x3::_val(context) = std::move(x3::_attr(context)); })]);

const auto add_given = [](auto& context) { x3::_val(context).given.push_back(std::move(x3::_attr(context))); };
const auto test_decl_def = located(
    kw_test > spanned[string_literal][([](auto& context) {
        x3::_val(context).name = std::move(x3::_attr(context));
        x3::_val(context).nameSpan = matchedSpan(context);
    })] >
    *((kw_given > given_fact[add_given] > *(',' > given_fact[add_given])) |
      expectation[([](auto& context) { x3::_val(context).expectations.push_back(std::move(x3::_attr(context))); })]));

BOOST_SPIRIT_DEFINE(fact_type, enum_values, import_decl, fact_decl, code_list, code_group_decl, fix_step,
                    fix_steps, cause_decl, conclusion, rule_decl, given_fact, expectation_body, expectation,
                    test_decl)

// What may follow each declaration; the parse of one declaration is bounded
// by the next line that starts a declaration, so "end" is the end of input.
inline auto declaration_end(const char* expected) {
    return x3::rule<struct declaration_end_class>{expected} = x3::eoi;
}

}  // namespace triage::dsl::grammar
