#include "triage/engine/value.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace triage::engine {

namespace {

constexpr std::uint8_t notHex = 16;
/// The value of each hex digit byte, notHex for any other byte.
constexpr std::array<std::uint8_t, 256> hexDigits = [] {
    std::array<std::uint8_t, 256> table{};
    table.fill(notHex);
    for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c) table[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - 'a' + 10);
    for (int c = 'A'; c <= 'F'; ++c) table[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - 'A' + 10);
    return table;
}();

}  // namespace

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
    // Every ticket has a code: a table and no branch per digit; a byte that
    // is not a hex digit sets the bit above the digits.
    std::uint32_t code = 0;
    std::uint8_t seen = 0;
    for (char c : text) {
        const std::uint8_t digit = hexDigits[static_cast<unsigned char>(c)];
        seen |= digit;
        code = code * 16 + (digit & 15u);
    }
    if (seen & notHex) return std::nullopt;
    return code;
}

std::string formatErrorCode(std::uint32_t code) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%08X", code);
    return buffer;
}

}  // namespace triage::engine
