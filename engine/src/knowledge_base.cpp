#include "triage/engine/knowledge_base.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <initializer_list>

namespace triage::engine {

std::optional<FactId> KnowledgeBase::factId(std::string_view name) const {
    auto it = factByName_.find(name);
    if (it == factByName_.end()) return std::nullopt;
    return it->second;
}

std::optional<CauseId> KnowledgeBase::causeId(std::string_view name) const {
    auto it = causeByName_.find(name);
    if (it == causeByName_.end()) return std::nullopt;
    return it->second;
}

void KnowledgeBase::index() {
    factByName_.clear();
    causeByName_.clear();
    for (FactId id = 0; id < facts.size(); ++id) factByName_.emplace(facts[id].name, id);
    for (CauseId id = 0; id < causes.size(); ++id) causeByName_.emplace(causes[id].name, id);
}

namespace {

/// ASCII case-insensitive equality: answers and ticket values come in any case.
bool sameWord(std::string_view a, std::string_view b) {
    // ASCII only, inline: std::tolower is a locale-aware library call per character.
    auto lowerAscii = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) {
               return lowerAscii(x) == lowerAscii(y);
           });
}

bool isOneOf(std::string_view word, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [word](std::string_view w) { return sameWord(word, w); });
}

std::string_view trim(std::string_view text) {
    // The C locale's isspace set, without a call per character: this runs for every ticket value.
    auto blank = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace

std::optional<Value> parseValue(const Fact& fact, std::string_view text, std::string& error) {
    // Compared without a lower-cased copy: this runs for every value of every ticket.
    const std::string_view word = trim(text);
    switch (fact.type) {
        case FactType::Bool:
            if (isOneOf(word, {"true", "yes", "y", "ja", "j", "1"})) return Value::boolean(true);
            if (isOneOf(word, {"false", "no", "n", "nee", "0"})) return Value::boolean(false);
            error = "'" + fact.name + "' takes yes or no (ja/nee, true/false)";
            return std::nullopt;
        case FactType::Enum:
            for (std::uint32_t i = 0; i < fact.enumValues.size(); ++i)
                if (sameWord(fact.enumValues[i], word)) return Value::symbol(i);
            {
                std::string list;
                for (const auto& v : fact.enumValues) list += (list.empty() ? "" : ", ") + v;
                error = "'" + fact.name + "' takes one of: " + list;
            }
            return std::nullopt;
        case FactType::Code:
            if (auto code = parseErrorCode(word)) return Value::code(*code);
            error = "'" + fact.name + "' takes an error code of 8 hex digits, like 0xC004F211";
            return std::nullopt;
        case FactType::Number: {
            double number = 0;
            const char* first = word.data();
            const char* last = first + word.size();
            auto [end, ec] = std::from_chars(first, last, number);
            if (ec == std::errc() && end == last && !word.empty() && std::isfinite(number))
                return Value::number(number);
            error = "'" + fact.name + "' takes a number";
            return std::nullopt;
        }
    }
    error = "unsupported fact type";
    return std::nullopt;
}

std::string formatValue(const Fact& fact, Value value) {
    switch (fact.type) {
        case FactType::Bool: return value.asBool() ? "true" : "false";
        case FactType::Enum:
            return value.asIndex() < fact.enumValues.size() ? fact.enumValues[value.asIndex()] : "?";
        case FactType::Code: return formatErrorCode(value.asIndex());
        case FactType::Number: {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%g", value.raw());
            return buffer;
        }
    }
    return "?";
}

}  // namespace triage::engine
