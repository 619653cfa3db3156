// Spirit X3 plumbing for the .rules grammar: the parse state actions reach
// through the context, and `spanned`, which gives actions the bytes their
// subject matched. Included only by parser.cpp, the one Spirit translation unit.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <cstdint>
#include <string>

#include "source_scan.hpp"
#include "triage/dsl/ast.hpp"

namespace triage::dsl::grammar {

namespace x3 = boost::spirit::x3;
using boost::fusion::at_c;
using Iterator = const char*;

// Parse state reachable from every semantic action through the X3 context.
struct ParseState {
    Iterator begin;                       // of the file: spans are offsets from here
    Iterator end;                         // of the file
    ast::Condition* condition = nullptr;  // the condition being built (they never nest)
    ast::SourceSpan lastSpan;             // set by `spanned` just before its action runs
    ast::Identifier fact;                 // the fact name of the test being parsed (grammar_conditions)
    ast::File* file = nullptr;            // where texts with escapes keep their unescaped copy

    std::uint32_t offset(Iterator it) const { return static_cast<std::uint32_t>(it - begin); }
};
struct parse_state_tag;

template <typename Context>
ParseState& stateOf(const Context& context) {
    return x3::get<parse_state_tag>(context).get();
}

/// The text between a pair of quotes without its escapes (`\"`, `\\`): a
/// view of the file's text when there are none, else of a copy the File keeps.
inline ast::SourceText unescapedText(ParseState& state, const boost::iterator_range<Iterator>& quoted) {
    const std::string_view raw(quoted.begin(), static_cast<std::size_t>(quoted.end() - quoted.begin()));
    if (raw.find('\\') == std::string_view::npos) return ast::SourceText(raw);
    std::string text;
    for (std::size_t i = 0; i < raw.size(); ++i) text += raw[i] == '\\' ? raw[++i] : raw[i];
    auto kept = std::make_shared<const std::string>(std::move(text));
    const ast::SourceText view{std::string_view(*kept)};
    state.file->unescapedTexts.push_back(std::move(kept));
    return view;
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
    bool parse(It& first, const It& last, const Context& context, RContext& rcontext,
               Attribute& attribute) const {
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
inline auto act(const Subject& subject, Action action) {
    return spanned[subject][action];
}

}  // namespace triage::dsl::grammar

// An action or a `spanned` subject reads as its subject in "expected ..."
// messages; X3 would otherwise print a mangled type name.
namespace boost::spirit::x3 {
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
    using result_type = std::string;
    std::string operator()(const action<Subject, Action>& parser) const { return what(parser.subject); }
};
template <typename Subject>
struct get_info<triage::dsl::grammar::span_directive<Subject>> {
    using result_type = std::string;
    std::string operator()(const triage::dsl::grammar::span_directive<Subject>& parser) const {
        return what(parser.subject);
    }
};
}  // namespace boost::spirit::x3

namespace triage::dsl::grammar {

// Rules whose attribute is built by actions get their span from this action
// around the whole body (on_success does not see their attribute).
const auto set_span = [](auto& context) { x3::_val(context).span = matchedSpan(context); };

template <typename Subject>
inline auto located(const Subject& subject) {
    return act(x3::omit[subject], set_span);
}

}  // namespace triage::dsl::grammar
