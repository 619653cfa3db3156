// What a literal as written means as an engine::Value for a given fact. The
// type checker uses the error text; lowering uses the value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "triage/dsl/ast.hpp"
#include "triage/engine/value.hpp"

namespace triage::dsl {

/// An error code as the language spells it: `0x`, exactly 8 hex digits, an
/// optional trailing `L`. Stricter than engine::parseErrorCode, which also
/// reads helpdesk spellings without `0x`.
std::optional<std::uint32_t> languageErrorCode(std::string_view text);

/// "malformed error code '0xC004F21': expected 0x and 8 hex digits"
std::string malformedCodeMessage(std::string_view text);

/// The value `literal` denotes for `fact`; nullopt with `error` set to a
/// one-line message when it is not a value of that fact.
std::optional<engine::Value> literalValue(const ast::FactDecl& fact, const ast::Literal& literal,
                                          std::string& error);

/// The literal as written: "0.85", "win10", "0xC004F211".
std::string literalText(const ast::Literal& literal);

/// A literal as the user wrote it, for messages: 'maybe', the number 3, the error code 0x...
std::string describeLiteral(const ast::Literal& literal);

}  // namespace triage::dsl
