// Error codes as tickets write them: 8 hex digits, an optional 0x and L,
// blanks around; anything else is not a code.
#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <string>

#include "triage/engine/value.hpp"

namespace triage::engine {
namespace {

/// The rule spelled out with the standard library, to compare against.
std::optional<std::uint32_t> referenceCode(std::string text) {
    auto blank = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && blank(text.front())) text.erase(0, 1);
    while (!text.empty() && blank(text.back())) text.pop_back();
    if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) text.erase(0, 2);
    if (!text.empty() && (text.back() == 'L' || text.back() == 'l')) text.pop_back();
    if (text.size() != 8) return std::nullopt;
    for (char c : text)
        if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    return static_cast<std::uint32_t>(std::stoul(text, nullptr, 16));
}

TEST(ErrorCode, ParsesAsTheSpelledOutRule) {
    EXPECT_EQ(parseErrorCode("0xC004F211"), 0xC004F211u);
    EXPECT_EQ(parseErrorCode(" 0x803fa067L "), 0x803FA067u);
    EXPECT_EQ(parseErrorCode("C004F211"), 0xC004F211u);
    EXPECT_EQ(parseErrorCode("0xC004F21"), std::nullopt);
    EXPECT_EQ(parseErrorCode("0xC004F21G"), std::nullopt);
    // Random strings over hex digits, near misses and other bytes.
    const std::string alphabet = "0123456789abcdefABCDEFxXlLgG: \t/@`\xC3\x80";
    std::mt19937 rng(11);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1), length(6, 12);
    for (int i = 0; i < 100000; ++i) {
        std::string text = std::uniform_int_distribution<int>(0, 1)(rng) ? "0x" : "";
        for (std::size_t n = length(rng); n > 0; --n) text += alphabet[pick(rng)];
        ASSERT_EQ(parseErrorCode(text), referenceCode(text)) << text;
    }
    for (int byte = 0; byte < 256; ++byte) {
        const std::string text = "0xC004F21" + std::string(1, static_cast<char>(byte));
        ASSERT_EQ(parseErrorCode(text), referenceCode(text)) << byte;
    }
}

}  // namespace
}  // namespace triage::engine
