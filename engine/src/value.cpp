#include "triage/engine/value.hpp"

#include <cctype>
#include <cstdio>

namespace triage::engine {

std::optional<std::uint32_t> parseErrorCode(std::string_view text) {
    // Helpdesk exports trim nothing: tolerate surrounding blanks (the C
    // locale's isspace set, without a call per character).
    auto blank = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) text.remove_prefix(2);
    // The article writes 0x803FA067L: a C-style long suffix, not a digit.
    if (!text.empty() && (text.back() == 'L' || text.back() == 'l')) text.remove_suffix(1);
    if (text.size() != 8) return std::nullopt;
    std::uint32_t code = 0;
    for (char c : text) {
        int digit = 0;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        else return std::nullopt;
        code = code * 16 + static_cast<std::uint32_t>(digit);
    }
    return code;
}

std::string formatErrorCode(std::uint32_t code) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%08X", code);
    return buffer;
}

}  // namespace triage::engine
