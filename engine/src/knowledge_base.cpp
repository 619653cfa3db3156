#include "triage/engine/knowledge_base.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace triage::engine {

const std::string& LocalizedText::in(const std::string& language) const {
    static const std::string none;
    if (auto it = byLanguage.find(language); it != byLanguage.end()) return it->second;
    if (auto it = byLanguage.find("en"); it != byLanguage.end()) return it->second;
    return byLanguage.empty() ? none : byLanguage.begin()->second;
}

std::optional<FactId> KnowledgeBase::factId(std::string_view name) const {
    auto it = factByName_.find(std::string(name));
    if (it == factByName_.end()) return std::nullopt;
    return it->second;
}

std::optional<CauseId> KnowledgeBase::causeId(std::string_view name) const {
    auto it = causeByName_.find(std::string(name));
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

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

}  // namespace

std::optional<Value> parseValue(const Fact& fact, std::string_view text, std::string& error) {
    const std::string word = lower(trim(text));
    switch (fact.type) {
        case FactType::Bool:
            if (word == "true" || word == "yes" || word == "y" || word == "ja" || word == "j" || word == "1")
                return Value::boolean(true);
            if (word == "false" || word == "no" || word == "n" || word == "nee" || word == "0")
                return Value::boolean(false);
            error = "'" + fact.name + "' takes yes or no (ja/nee, true/false)";
            return std::nullopt;
        case FactType::Enum:
            for (std::uint32_t i = 0; i < fact.enumValues.size(); ++i)
                if (lower(fact.enumValues[i]) == word) return Value::symbol(i);
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
