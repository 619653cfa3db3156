// The grammar of .rules files (docs/language.md, section Grammar) in Spirit X3.
// This is the only translation unit that includes Spirit. Each declaration is
// parsed on its own, bounded by the next line that starts a declaration, so a
// syntax error costs one declaration and the parse goes on after it.
#include "triage/dsl/parser.hpp"

#include <boost/spirit/home/x3.hpp>
#include <charconv>
#include <functional>

#include "source_scan.hpp"
#include "syntax_error.hpp"

namespace triage::dsl {
namespace {

namespace x3 = boost::spirit::x3;
using boost::fusion::at_c;
using Iterator = const char*;

constexpr std::size_t maxFileSize = 16 * 1024 * 1024;
constexpr std::size_t maxErrors = 50;

// ---------------------------------------------------------------------------
// Parse state reachable from every semantic action through the X3 context.
struct ParseState {
    Iterator begin;                       // of the file: spans are offsets from here
    Iterator end;                         // of the file
    ast::Condition* condition = nullptr;  // the condition being built (they never nest)
    ast::SourceSpan lastSpan;             // set by `spanned` just before its action runs

    std::uint32_t offset(Iterator it) const { return static_cast<std::uint32_t>(it - begin); }
};
struct parse_state_tag;

template <typename Context>
ParseState& stateOf(const Context& context) {
    return x3::get<parse_state_tag>(context).get();
}

/// Thrown by an action that sees a clause a second time; becomes a diagnostic.
struct DuplicateClause {
    ast::SourceSpan span;
    std::string message;
};

/// `spanned[p]` records the bytes p matched (after skipping) in the parse
/// state, for the action attached to it. Boost 1.74's `_where` is not the
/// matched range, so actions cannot take it from there.
template <typename Subject>
struct span_directive : x3::unary_parser<Subject, span_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, span_directive<Subject>>;
    static const bool is_pass_through_unary = true;
    constexpr explicit span_directive(const Subject& subject) : base_type(subject) {}

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, const It& last, const Context& context, RContext& rcontext, Attribute& attribute) const {
        x3::skip_over(first, last, context);
        const It begin = first;
        if (!this->subject.parse(first, last, context, rcontext, attribute)) return false;
        ParseState& state = stateOf(context);
        state.lastSpan = {state.offset(begin), state.offset(first)};
        return true;
    }
};

struct spanned_gen {
    template <typename Subject>
    constexpr auto operator[](const Subject& subject) const {
        return span_directive<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(subject));
    }
};
constexpr spanned_gen spanned{};

/// The span of the subject of the running action (see `act`).
template <typename Context>
ast::SourceSpan matchedSpan(const Context& context) {
    return stateOf(context).lastSpan;
}

/// `subject[action]`, with the subject's span available to the action.
template <typename Subject, typename Action>
auto act(const Subject& subject, Action action) {
    return spanned[subject][action];
}

}  // namespace
}  // namespace triage::dsl

// An action or a `spanned` subject reads as its subject in "expected ..."
// messages; X3 would otherwise print a mangled type name.
namespace boost::spirit::x3 {
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
    using result_type = std::string;
    std::string operator()(const action<Subject, Action>& parser) const { return what(parser.subject); }
};
template <typename Subject>
struct get_info<triage::dsl::span_directive<Subject>> {
    using result_type = std::string;
    std::string operator()(const triage::dsl::span_directive<Subject>& parser) const { return what(parser.subject); }
};
}  // namespace boost::spirit::x3

namespace triage::dsl {
namespace {

// Rules whose attribute is built by actions get their span from this action
// around the whole body (on_success does not see their attribute).
const auto set_span = [](auto& context) { x3::_val(context).span = matchedSpan(context); };

template <typename Subject>
auto located(const Subject& subject) {
    return act(x3::omit[subject], set_span);
}

// ---------------------------------------------------------------------------
// Lexical level. Rule names double as the "expected ..." text.
const auto word_char = x3::ascii::alnum | x3::lit('_');
const auto skipper = x3::ascii::space | x3::lexeme['#' >> *(x3::char_ - x3::eol)];

auto keyword(const char* word) {
    return x3::lexeme[x3::lit(word) >> !word_char];
}

#define TRIAGE_KEYWORD(word) \
    const auto kw_##word = x3::rule<struct kw_##word##_class>{"'" #word "'"} = keyword(#word);
TRIAGE_KEYWORD(import)
TRIAGE_KEYWORD(fact)
TRIAGE_KEYWORD(bool)
TRIAGE_KEYWORD(code)
TRIAGE_KEYWORD(number)
TRIAGE_KEYWORD(enum)
TRIAGE_KEYWORD(question)
TRIAGE_KEYWORD(help)
TRIAGE_KEYWORD(cost)
TRIAGE_KEYWORD(codes)
TRIAGE_KEYWORD(cause)
TRIAGE_KEYWORD(prior)
TRIAGE_KEYWORD(title)
TRIAGE_KEYWORD(fix)
TRIAGE_KEYWORD(step)
TRIAGE_KEYWORD(when)
TRIAGE_KEYWORD(rule)
TRIAGE_KEYWORD(then)
TRIAGE_KEYWORD(supports)
TRIAGE_KEYWORD(excludes)
TRIAGE_KEYWORD(set)
TRIAGE_KEYWORD(priority)
TRIAGE_KEYWORD(test)
TRIAGE_KEYWORD(given)
TRIAGE_KEYWORD(expect)
TRIAGE_KEYWORD(not)
TRIAGE_KEYWORD(and)
TRIAGE_KEYWORD(or)
TRIAGE_KEYWORD(in)
TRIAGE_KEYWORD(known)
TRIAGE_KEYWORD(unknown)
TRIAGE_KEYWORD(no)
#undef TRIAGE_KEYWORD

struct ReservedWords : x3::symbols<> {
    ReservedWords() {
        for (const char* word : {"import", "fact",     "bool",     "code",     "number", "enum",   "question",
                                 "help",   "cost",     "codes",    "cause",    "prior",  "title",  "fix",
                                 "step",   "when",     "rule",     "then",     "supports", "excludes", "set",
                                 "priority", "test",   "given",    "expect",   "not",    "and",    "or",
                                 "in",     "known",    "unknown",  "no"}) {
            add(word);
        }
    }
} const reserved_words;
const auto reserved = x3::lexeme[reserved_words >> !word_char];

struct ComparisonSymbols : x3::symbols<ast::Comparison> {
    ComparisonSymbols() {
        add("=", ast::Comparison::Eq)("!=", ast::Comparison::Ne)("<", ast::Comparison::Lt)(
                "<=", ast::Comparison::Le)(">", ast::Comparison::Gt)(">=", ast::Comparison::Ge);
    }
} const comparison_symbols;

const auto make_identifier = [](auto& context) {
    x3::_val(context).name = x3::_attr(context);
    x3::_val(context).span = matchedSpan(context);
};

auto make_literal(ast::Literal::Kind kind) {
    return [kind](auto& context) {
        ast::Literal& literal = x3::_val(context);
        const auto& range = x3::_attr(context);
        const ParseState& state = stateOf(context);
        literal.kind = kind;
        literal.text.assign(range.begin(), range.end());
        literal.span = {state.offset(range.begin()), state.offset(range.end())};
        if (kind == ast::Literal::Kind::Number) {
            std::from_chars(literal.text.data(), literal.text.data() + literal.text.size(), literal.number);
        }
    };
}

const x3::rule<struct name_class, std::string> name = "name";
const x3::rule<struct identifier_class, ast::Identifier> identifier = "name";
const x3::rule<struct code_literal_class, ast::Literal> code_literal = "error code (0x and 8 hex digits)";
const x3::rule<struct number_literal_class, ast::Literal> number_literal = "number";
const x3::rule<struct word_literal_class, ast::Literal> word_literal = "value";
const x3::rule<struct value_class, ast::Literal> value = "value (a name, number or error code)";
const x3::rule<struct string_literal_class, std::string> string_literal = "text in double quotes";
const x3::rule<struct translation_class, ast::Translation> translation = "text (a language code and \"...\")";
const x3::rule<struct texts_class, ast::Texts> texts = "text (a language code and \"...\")";

const auto closing_quote = x3::rule<struct closing_quote_class>{"'\"' to end the text"} = x3::lit('"');
const auto escaped_char = x3::rule<struct escaped_char_class, char>{"'\"' or '\\' after '\\'"} = x3::char_("\"\\");

const auto name_def = x3::lexeme[(x3::ascii::alpha | x3::char_('_')) >> *(x3::ascii::alnum | x3::char_('_'))];
const auto identifier_def = spanned[!reserved >> name][make_identifier];
const auto code_literal_def = x3::raw[x3::lexeme[x3::lit('0') >> (x3::lit('x') | 'X') >> +x3::ascii::xdigit >>
                                                 -(x3::lit('L') | 'l') >> !word_char]][make_literal(ast::Literal::Kind::Code)];
const auto number_literal_def = x3::raw[x3::lexeme[-x3::lit('-') >> +x3::ascii::digit >> -('.' >> +x3::ascii::digit) >>
                                                   !(word_char | '.')]][make_literal(ast::Literal::Kind::Number)];
// `no` is a keyword only in `expect no question`; as a value it is a word.
const auto word_literal_def = x3::raw[keyword("no") | (!reserved >> name)][make_literal(ast::Literal::Kind::Word)];
const auto value_def = code_literal | number_literal | word_literal;
const auto string_literal_def =
        x3::lexeme['"' > *(('\\' > escaped_char) | (x3::char_ - '"' - '\\' - x3::eol)) > closing_quote];
const auto translation_def = spanned[identifier > string_literal][([](auto& context) {
    ast::Translation& text = x3::_val(context);
    text.language = at_c<0>(x3::_attr(context));
    text.text = at_c<1>(x3::_attr(context));
    text.span = matchedSpan(context);
})];
const auto texts_def = +translation;

BOOST_SPIRIT_DEFINE(name, identifier, code_literal, number_literal, word_literal, value, string_literal,
                    translation, texts)

// ---------------------------------------------------------------------------
// Conditions: built straight into the flat ast::Condition through actions.
// Sub-rules yield node indices; no action runs before its subject matched,
// and a failure after `>` abandons the whole declaration, so no orphans.
struct MembershipTarget {
    std::vector<ast::Literal> values;
    std::optional<ast::Identifier> group;
};

template <typename Context>
std::uint32_t addNode(const Context& context, ast::ConditionNode::Kind kind, std::vector<std::uint32_t> children,
                      ast::SourceSpan span, std::size_t index = 0) {
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
auto combine(ast::ConditionNode::Kind kind) {
    return [kind](auto& context) {
        const std::vector<std::uint32_t>& operands = x3::_attr(context);
        x3::_val(context) = operands.size() == 1 ? operands.front()
                                                 : addNode(context, kind, operands, matchedSpan(context));
    };
}

auto wrap(ast::ConditionNode::Kind kind) {
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
        x3::_val(context) = addNode(context, ast::ConditionNode::Kind::Compare, {}, span, condition.compares.size() - 1);
    } else if constexpr (std::is_same_v<Test, ast::MembershipTest>) {
        condition.memberships.push_back(std::move(test));
        x3::_val(context) =
                addNode(context, ast::ConditionNode::Kind::Membership, {}, span, condition.memberships.size() - 1);
    } else {
        condition.knowns.push_back(std::move(test));
        x3::_val(context) = addNode(context, ast::ConditionNode::Kind::Known, {}, span, condition.knowns.size() - 1);
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
const x3::rule<struct value_list_class, std::vector<ast::Literal>> value_list = "value (a name, number or error code)";
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
const auto primary_def = spanned['(' > disjunction > ')'][wrap(ast::ConditionNode::Kind::Group)] | known_test[add_test] |
                         membership_test[add_test] | compare_test[add_test] | bare_test[add_test];
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
auto make_known(bool known) {
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

BOOST_SPIRIT_DEFINE(condition, disjunction, disjuncts, conjunction, conjuncts, negation, primary, compare_test,
                    bare_test, known_test, membership_test, membership_target, value_list, compare_operator)

// ---------------------------------------------------------------------------
// Declarations.
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
ast::Literal impliedTrue(const ast::Identifier& fact) {
    ast::Literal literal;
    literal.text = "true";
    literal.span = {fact.span.end, fact.span.end};
    return literal;
}

const x3::rule<struct fact_type_class, TypeSpec> fact_type = "type ('bool', 'code', 'number' or 'enum')";
const x3::rule<struct enum_values_class, std::vector<ast::Identifier>> enum_values = "enum value";
const x3::rule<struct import_decl_class, ast::ImportDecl> import_decl = "'import'";
const x3::rule<struct fact_decl_class, ast::FactDecl> fact_decl = "'fact'";
const x3::rule<struct code_list_class, std::vector<ast::Literal>> code_list = "error code (0x and 8 hex digits)";
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

auto set_type(ast::FactType type) {
    return [type](auto& context) { x3::_val(context).type = type; };
}

const auto fact_type_def = kw_bool[set_type(ast::FactType::Bool)] | kw_code[set_type(ast::FactType::Code)] |
                           kw_number[set_type(ast::FactType::Number)] |
                           (kw_enum > '{' > enum_values > '}')[([](auto& context) {
                               x3::_val(context).type = ast::FactType::Enum;
                               x3::_val(context).values = x3::_attr(context);
                           })];
const auto enum_values_def = identifier > *(',' > identifier);

const auto import_decl_def = located(kw_import > string_literal[([](auto& context) {
                                         x3::_val(context).path = x3::_attr(context);
                                     })]);

const auto set_name = [](auto& context) { x3::_val(context).name = x3::_attr(context); };

const auto fact_decl_def = located(
        kw_fact > identifier[set_name] > ':' > fact_type[([](auto& context) {
            x3::_val(context).type = x3::_attr(context).type;
            x3::_val(context).enumValues = x3::_attr(context).values;
        })] > *(spanned[kw_question > texts][([](auto& context) {
            auto& fact = x3::_val(context);
            setOnce(context, fact.question, x3::_attr(context), fact.question.has_value(), "question");
        })] | spanned[kw_help > texts][([](auto& context) {
            auto& fact = x3::_val(context);
            setOnce(context, fact.help, x3::_attr(context), fact.help.has_value(), "help");
        })] | spanned[kw_cost > number_literal][([](auto& context) {
            auto& fact = x3::_val(context);
            setOnce(context, fact.cost, x3::_attr(context), fact.cost.has_value(), "cost");
        })]));

const auto code_list_def = code_literal > *(',' > code_literal);
const auto code_group_decl_def = located(kw_codes > identifier[set_name] > '=' > '{' >
                                         code_list[([](auto& context) { x3::_val(context).codes = x3::_attr(context); })] >
                                         '}');

const auto fix_step_def = located(
        kw_step > identifier[([](auto& context) { x3::_val(context).id = x3::_attr(context); })] >
        -(kw_when > condition[([](auto& context) { x3::_val(context).when = std::move(x3::_attr(context)); })]) >
        texts[([](auto& context) { x3::_val(context).texts = x3::_attr(context); })]);
const auto fix_steps_def = +fix_step;

const auto cause_decl_def = located(
        kw_cause > identifier[set_name] > *(spanned[kw_prior > number_literal][([](auto& context) {
            auto& cause = x3::_val(context);
            setOnce(context, cause.prior, x3::_attr(context), cause.prior.has_value(), "prior");
        })] | spanned[kw_title > texts][([](auto& context) {
            auto& cause = x3::_val(context);
            setOnce(context, cause.title, x3::_attr(context), !cause.title.empty(), "title");
        })] | spanned[kw_fix > fix_steps][([](auto& context) {
            auto& cause = x3::_val(context);
            setOnce(context, cause.steps, x3::_attr(context), !cause.steps.empty(), "fix");
        })]));

auto make_conclusion(ast::ConclusionDecl::Kind kind) {
    return [kind](auto& context) {
        ast::ConclusionDecl& conclusion = x3::_val(context);
        conclusion.kind = kind;
        conclusion.target = at_c<0>(x3::_attr(context));
        conclusion.value = at_c<1>(x3::_attr(context));
        conclusion.span = matchedSpan(context);
    };
}

const auto conclusion_def = spanned[kw_supports > identifier > number_literal][make_conclusion(ast::ConclusionDecl::Kind::Supports)] |
                            spanned[kw_excludes > identifier > number_literal][make_conclusion(ast::ConclusionDecl::Kind::Excludes)] |
                            spanned[kw_set > identifier >> -('=' > value)][([](auto& context) {
                                ast::ConclusionDecl& conclusion = x3::_val(context);
                                conclusion.kind = ast::ConclusionDecl::Kind::Sets;
                                conclusion.target = at_c<0>(x3::_attr(context));
                                const auto& written = at_c<1>(x3::_attr(context));
                                conclusion.value = written ? *written : impliedTrue(conclusion.target);
                                conclusion.span = matchedSpan(context);
                            })];

const auto add_conclusion = [](auto& context) { x3::_val(context).conclusions.push_back(x3::_attr(context)); };
const auto rule_decl_def = located(
        kw_rule > identifier[set_name] > kw_when >
        condition[([](auto& context) { x3::_val(context).condition = std::move(x3::_attr(context)); })] > kw_then >
        conclusion[add_conclusion] > *(kw_and > conclusion[add_conclusion]) >
        -(kw_priority > number_literal[([](auto& context) { x3::_val(context).priority = x3::_attr(context); })]));

const auto given_fact_def = spanned[identifier >> -('=' > value)][([](auto& context) {
    ast::GivenFact& given = x3::_val(context);
    given.fact = at_c<0>(x3::_attr(context));
    const auto& written = at_c<1>(x3::_attr(context));
    given.value = written ? *written : impliedTrue(given.fact);
    given.span = matchedSpan(context);
})];

auto expect_kind(ast::Expectation::Kind kind) {
    return [kind](auto& context) {
        x3::_val(context).kind = kind;
        if constexpr (!std::is_same_v<std::decay_t<decltype(x3::_attr(context))>, x3::unused_type>) {
            x3::_val(context).target = x3::_attr(context);
        }
    };
}

const auto expectation_body_def = (kw_cause > identifier)[expect_kind(ast::Expectation::Kind::TopCause)] |
                                  (kw_not > kw_cause > identifier)[expect_kind(ast::Expectation::Kind::NotTopCause)] |
                                  (kw_question > identifier)[expect_kind(ast::Expectation::Kind::NextQuestion)] |
                                  (kw_no > kw_question)[expect_kind(ast::Expectation::Kind::NoQuestion)];
const auto expectation_def =
        located(kw_expect > expectation_body[([](auto& context) { x3::_val(context) = x3::_attr(context); })]);

const auto add_given = [](auto& context) { x3::_val(context).given.push_back(x3::_attr(context)); };
const auto test_decl_def = located(
        kw_test > spanned[string_literal][([](auto& context) {
            x3::_val(context).name = x3::_attr(context);
            x3::_val(context).nameSpan = matchedSpan(context);
        })] >
        *((kw_given > given_fact[add_given] > *(',' > given_fact[add_given])) |
          expectation[([](auto& context) { x3::_val(context).expectations.push_back(x3::_attr(context)); })]));

BOOST_SPIRIT_DEFINE(fact_type, enum_values, import_decl, fact_decl, code_list, code_group_decl, fix_step, fix_steps,
                    cause_decl, conclusion, rule_decl, given_fact, expectation_body, expectation, test_decl)

// What may follow each declaration; the parse of one declaration is bounded
// by the next line that starts a declaration, so "end" is the end of input.
auto declaration_end(const char* expected) {
    return x3::rule<struct declaration_end_class>{expected} = x3::eoi;
}

// ---------------------------------------------------------------------------
/// Parses the declarations of one file, one at a time.
class FileParser {
public:
    FileParser(const SourceFile& file, ParseResult& result)
        : file_(file),
          text_(file.text()),
          result_(result),
          state_{file.text().data(), file.text().data() + file.text().size(), nullptr, {}} {}

    /// Parses the declaration in [begin, end) and records it or its error.
    void parseDeclaration(std::size_t begin, std::size_t end) {
        if (auto problem = scan::findInputProblem(text_, begin, end)) {
            const auto offset = static_cast<std::uint32_t>(problem->offset);
            report({offset, offset + static_cast<std::uint32_t>(problem->length)}, problem->message);
            return;
        }
        const std::string_view keyword = scan::wordAt(text_, begin);
        using Kind = ast::Declaration::Kind;
        if (keyword == "import") {
            run(import_decl, "a new declaration", begin, end, result_.file.imports, Kind::Import);
        } else if (keyword == "fact") {
            run(fact_decl, "'question', 'help', 'cost' or a new declaration", begin, end,
                result_.file.facts, Kind::Fact);
        } else if (keyword == "codes") {
            run(code_group_decl, "a new declaration", begin, end, result_.file.codeGroups,
                Kind::CodeGroup);
        } else if (keyword == "cause") {
            run(cause_decl, "'prior', 'title', 'fix', 'step' or a new declaration", begin, end,
                result_.file.causes, Kind::Cause);
        } else if (keyword == "rule") {
            run(rule_decl, "'and', 'priority' or a new declaration", begin, end,
                result_.file.rules, Kind::Rule);
        } else if (keyword == "test") {
            run(test_decl, "'given', 'expect' or a new declaration", begin, end,
                result_.file.tests, Kind::Test);
        } else {
            result_.diagnostics.push_back(syntaxError(
                    file_, result_.file.comments, begin, begin,
                    "a declaration ('import', 'fact', 'codes', 'cause', 'rule' or 'test')"));
        }
    }

    void report(ast::SourceSpan span, std::string message) {
        result_.diagnostics.push_back({Severity::Error, &file_, span, std::move(message), {}});
    }

private:
    /// Parses `declaration` followed by the end of the declaration, which
    /// `endName` describes ("'question', 'help', 'cost' or a new declaration").
    template <typename Declaration, typename Node>
    void run(const Declaration& declaration, const char* endName, std::size_t begin, std::size_t end,
             std::vector<Node>& into, ast::Declaration::Kind kind) {
        const auto grammar = declaration > declaration_end(endName);
        Iterator first = state_.begin + begin;
        const Iterator last = state_.begin + end;
        Node node;
        try {
            const auto parser = x3::with<parse_state_tag>(std::ref(state_))[grammar];
            if (x3::phrase_parse(first, last, parser, skipper, node)) {
                into.push_back(std::move(node));
                result_.file.order.push_back({kind, into.size() - 1});
                return;
            }
            report({state_.offset(first), state_.offset(first)}, "syntax error");  // not expected: `>` throws
        } catch (const x3::expectation_failure<Iterator>& failure) {
            // A clause or declaration may start on the next line, so there
            // the next line's first word is what was found.
            const bool nextLineCounts = failure.which() == endName;
            result_.diagnostics.push_back(syntaxError(file_, result_.file.comments, begin,
                                                      state_.offset(failure.where()), failure.which(),
                                                      nextLineCounts));
        } catch (const DuplicateClause& duplicate) {
            report(duplicate.span, duplicate.message);
        }
    }

    const SourceFile& file_;
    std::string_view text_;
    ParseResult& result_;
    ParseState state_;
};

}  // namespace

ParseResult parse(const SourceFile& file) {
    ParseResult result;
    FileParser parser(file, result);
    const std::string_view text = file.text();
    if (text.size() > maxFileSize) {
        parser.report({0, 0}, "file is larger than 16 MiB");
        return result;
    }
    std::size_t pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a UTF-8 byte-order mark
    result.file.comments = scan::comments(text, pos);
    while (true) {
        pos = scan::skipSpaceAndComments(text, pos, text.size());
        if (pos >= text.size()) break;
        if (result.diagnostics.size() >= maxErrors) {
            parser.report({static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos)},
                          "too many errors; stopping here");
            break;
        }
        const std::size_t end = scan::nextDeclarationLine(text, pos);
        parser.parseDeclaration(pos, end);
        pos = end;
    }
    return result;
}

}  // namespace triage::dsl
