// The lexical level of the .rules grammar: keywords, names, literals and
// texts. Rule names double as the "expected ..." text. Included only by parser.cpp.
#pragma once

#include <charconv>

#include "grammar_support.hpp"

namespace triage::dsl::grammar {

const auto word_char = x3::ascii::alnum | x3::lit('_');
const auto skipper = x3::ascii::space | x3::lexeme['#' >> *(x3::char_ - x3::eol)];

inline auto keyword(const char* word) { return x3::lexeme[x3::lit(word) >> !word_char]; }

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
TRIAGE_KEYWORD(not )
TRIAGE_KEYWORD(and)
TRIAGE_KEYWORD(or)
TRIAGE_KEYWORD(in)
TRIAGE_KEYWORD(known)
TRIAGE_KEYWORD(unknown)
TRIAGE_KEYWORD(no)
#undef TRIAGE_KEYWORD

struct ReservedWords : x3::symbols<> {
    ReservedWords() {
        for (const char* word :
             {"import", "fact",  "bool",     "code",     "number", "enum",     "question", "help",
              "cost",   "codes", "cause",    "prior",    "title",  "fix",      "step",     "when",
              "rule",   "then",  "supports", "excludes", "set",    "priority", "test",     "given",
              "expect", "not",   "and",      "or",       "in",     "known",    "unknown",  "no"}) {
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

// The name arrives as the range of text it matched and is kept as a view of
// the file's text (ast::SourceText): no copy at all.
const auto make_identifier = [](auto& context) {
    const auto& range = x3::_attr(context);
    x3::_val(context).name = ast::SourceText(range.begin(), static_cast<std::size_t>(range.end() - range.begin()));
    x3::_val(context).span = matchedSpan(context);
};

inline auto make_literal(ast::Literal::Kind kind) {
    return [kind](auto& context) {
        ast::Literal& literal = x3::_val(context);
        const auto& range = x3::_attr(context);
        const ParseState& state = stateOf(context);
        literal.kind = kind;
        literal.text = ast::SourceText(range.begin(), static_cast<std::size_t>(range.end() - range.begin()));
        literal.span = {state.offset(range.begin()), state.offset(range.end())};
        if (kind == ast::Literal::Kind::Number) {
            std::from_chars(literal.text.data(), literal.text.data() + literal.text.size(), literal.number);
        }
    };
}

const x3::rule<struct name_class, boost::iterator_range<Iterator>> name = "name";
const x3::rule<struct identifier_class, ast::Identifier> identifier = "name";
const x3::rule<struct code_literal_class, ast::Literal> code_literal = "error code (0x and 8 hex digits)";
const x3::rule<struct number_literal_class, ast::Literal> number_literal = "number";
const x3::rule<struct word_literal_class, ast::Literal> word_literal = "value";
const x3::rule<struct value_class, ast::Literal> value = "value (a name, number or error code)";
const x3::rule<struct string_literal_class, std::string> string_literal = "text in double quotes";
// A translation's text as the range between its quotes (escapes left in):
// unescapedText views it where it has none.
const x3::rule<struct quoted_text_class, boost::iterator_range<Iterator>> quoted_text = "text in double quotes";
const x3::rule<struct translation_class, ast::Translation> translation = "text (a language code and \"...\")";
const x3::rule<struct texts_class, ast::Texts> texts = "text (a language code and \"...\")";

const auto closing_quote = x3::rule<struct closing_quote_class>{"'\"' to end the text"} = x3::lit('"');
const auto escaped_char = x3::rule<struct escaped_char_class, char>{"'\"' or '\\' after '\\'"} =
    x3::char_("\"\\");

const auto name_def = x3::raw[x3::lexeme[(x3::ascii::alpha | x3::lit('_')) >> *(x3::ascii::alnum | x3::lit('_'))]];
const auto identifier_def = spanned[!reserved >> name][make_identifier];
const auto code_literal_def =
    x3::raw[x3::lexeme[x3::lit('0') >> (x3::lit('x') | 'X') >> +x3::ascii::xdigit >> -(x3::lit('L') | 'l') >>
                       !word_char]][make_literal(ast::Literal::Kind::Code)];
const auto number_literal_def =
    x3::raw[x3::lexeme[-x3::lit('-') >> +x3::ascii::digit >> -('.' >> +x3::ascii::digit) >>
                       !(word_char | '.')]][make_literal(ast::Literal::Kind::Number)];
// `no` is a keyword only in `expect no question`; as a value it is a word.
const auto word_literal_def =
    x3::raw[keyword("no") | (!reserved >> name)][make_literal(ast::Literal::Kind::Word)];
const auto value_def = code_literal | number_literal | word_literal;
const auto string_literal_def =
    x3::lexeme['"' > *(('\\' > escaped_char) | (x3::char_ - '"' - '\\' - x3::eol)) > closing_quote];
const auto quoted_text_def =
    x3::lexeme['"' > x3::raw[*(('\\' > escaped_char) | (x3::char_ - '"' - '\\' - x3::eol))] > closing_quote];
const auto translation_def = spanned[identifier > quoted_text][([](auto& context) {
    ast::Translation& text = x3::_val(context);
    text.language = std::move(at_c<0>(x3::_attr(context)));
    text.text = unescapedText(stateOf(context), at_c<1>(x3::_attr(context)));
    text.span = matchedSpan(context);
})];
const auto texts_def = +translation;

BOOST_SPIRIT_DEFINE(name, identifier, code_literal, number_literal, word_literal, value, string_literal,
                    quoted_text, translation, texts)

}  // namespace triage::dsl::grammar
