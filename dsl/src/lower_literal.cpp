#include "lower_literal.hpp"

#include <cstdio>

namespace triage::dsl {
namespace {

std::optional<engine::Value> boolWord(std::string_view word) {
    // The language accepts the words users type in both bundled languages.
    if (word == "true" || word == "yes" || word == "ja") return engine::Value::boolean(true);
    if (word == "false" || word == "no" || word == "nee") return engine::Value::boolean(false);
    return std::nullopt;
}

std::string enumList(const ast::FactDecl& fact) {
    std::string list;
    for (const auto& value : fact.enumValues) list += (list.empty() ? "" : ", ") + value.name;
    return list;
}

}  // namespace

std::string literalText(const ast::Literal& literal) {
    if (!literal.text.empty()) return literal.text;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", literal.number);
    return buffer;
}

std::optional<std::uint32_t> languageErrorCode(std::string_view text) {
    if (text.size() < 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) return std::nullopt;
    std::string_view digits = text.substr(2);
    if (!digits.empty() && (digits.back() == 'L' || digits.back() == 'l')) digits.remove_suffix(1);
    if (digits.size() != 8) return std::nullopt;
    // Parsed here rather than by engine::parseErrorCode, which first trims
    // blanks with the locale's isspace: this runs for every code in a rule base.
    std::uint32_t code = 0;
    for (char c : digits) {
        std::uint32_t digit = 0;
        if (c >= '0' && c <= '9') digit = static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f') digit = static_cast<std::uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') digit = static_cast<std::uint32_t>(c - 'A' + 10);
        else return std::nullopt;
        code = code * 16 + digit;
    }
    return code;
}

std::string malformedCodeMessage(std::string_view text) {
    return "malformed error code '" + std::string(text) + "': expected 0x and 8 hex digits";
}

std::string describeLiteral(const ast::Literal& literal) {
    switch (literal.kind) {
        case ast::Literal::Kind::Number: return "the number " + literalText(literal);
        case ast::Literal::Kind::Code: return "the error code " + literal.text;
        case ast::Literal::Kind::Word: return "'" + literal.text + "'";
    }
    return "'" + literal.text + "'";
}

std::optional<engine::Value> literalValue(const ast::FactDecl& fact, const ast::Literal& literal,
                                          std::string& error) {
    using Kind = ast::Literal::Kind;
    const std::string& name = fact.name.name;
    const std::optional<std::uint32_t> code =
        literal.kind == Kind::Code ? languageErrorCode(literal.text) : std::nullopt;
    if (literal.kind == Kind::Code && !code) {
        error = malformedCodeMessage(literal.text);
        return std::nullopt;
    }
    switch (fact.type) {
        case ast::FactType::Bool:
            if (literal.kind == Kind::Word)
                if (auto value = boolWord(literal.text)) return value;
            error = "bool fact '" + name + "' takes true or false, not " + describeLiteral(literal);
            return std::nullopt;
        case ast::FactType::Enum:
            if (literal.kind == Kind::Word)
                for (std::uint32_t i = 0; i < fact.enumValues.size(); ++i)
                    if (fact.enumValues[i].name == literal.text) return engine::Value::symbol(i);
            error = (literal.kind == Kind::Word ? "'" + literal.text + "'" : describeLiteral(literal)) +
                    " is not a value of '" + name + "' (" + enumList(fact) + ")";
            return std::nullopt;
        case ast::FactType::Code:
            if (literal.kind == Kind::Code) return engine::Value::code(*code);
            error = "code fact '" + name + "' takes an error code like 0xC004F211, not " +
                    describeLiteral(literal);
            return std::nullopt;
        case ast::FactType::Number:
            if (literal.kind == Kind::Number) return engine::Value::number(literal.number);
            error = "number fact '" + name + "' takes a number, not " + describeLiteral(literal);
            return std::nullopt;
    }
    error = "unsupported fact type";
    return std::nullopt;
}

}  // namespace triage::dsl
