#include "syntax_error.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "source_scan.hpp"
#include "utf8.hpp"

namespace triage::dsl {
namespace {

constexpr std::array<std::string_view, 32> keywords{
    "import", "fact",  "bool",     "code",     "number", "enum",     "question", "help",
    "cost",   "codes", "cause",    "prior",    "title",  "fix",      "step",     "when",
    "rule",   "then",  "supports", "excludes", "set",    "priority", "test",     "given",
    "expect", "not",   "and",      "or",       "in",     "known",    "unknown",  "no"};

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

/// The end of the last token before `pos`, skipping blanks and comments backwards.
std::size_t endOfPreviousToken(std::string_view text, const std::vector<ast::Comment>& comments,
                               std::size_t floor, std::size_t pos) {
    while (pos > floor) {
        if (isBlank(text[pos - 1])) {
            --pos;
            continue;
        }
        // A comment ending here? Comments are sorted by position.
        auto after = std::upper_bound(comments.begin(), comments.end(), pos,
                                      [](std::size_t p, const ast::Comment& c) { return p <= c.span.begin; });
        if (after != comments.begin() && std::prev(after)->span.end == pos) {
            pos = std::prev(after)->span.begin;
            continue;
        }
        break;
    }
    return pos;
}

std::size_t tokenLength(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return 0;
    const char c = text[pos];
    const bool number =
        std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '-' && pos + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[pos + 1])));
    if (number || scan::isWordChar(c)) {
        std::size_t end = pos + 1;
        while (end < text.size() && (scan::isWordChar(text[end]) || (number && text[end] == '.'))) ++end;
        return end - pos;
    }
    if (c == '"') {
        std::size_t end = pos + 1;
        while (end < text.size() && text[end] != '"' && text[end] != '\n' && text[end] != '\r') {
            end += text[end] == '\\' && end + 1 < text.size() && text[end + 1] != '\n' ? 2 : 1;
        }
        return std::min(end + (end < text.size() && text[end] == '"' ? 1 : 0), text.size()) - pos;
    }
    if ((c == '!' || c == '<' || c == '>') && pos + 1 < text.size() && text[pos + 1] == '=') return 2;
    const std::size_t length = utf8::sequenceLength(text, pos);
    return length == 0 ? 1 : length;
}

/// Edits (insert, delete, replace, swap two neighbours) from a to b.
std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min(
                {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

}  // namespace

std::string describeToken(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return "end of input";
    const char c = text[pos];
    if (c == '\n' || c == '\r') return "end of line";
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "control character 0x%02X", byte);
        return buffer;
    }
    constexpr std::size_t longest = 40;
    std::string_view token = text.substr(pos, tokenLength(text, pos));
    const bool cut = token.size() > longest;
    if (cut) token = token.substr(0, longest);
    const std::string shown = std::string(token) + (cut ? "..." : "");
    if (c == '"') return "text " + shown;
    return "'" + shown + "'";
}

std::string keywordSuggestion(std::string_view word) {
    if (word.size() < 3 || std::find(keywords.begin(), keywords.end(), word) != keywords.end()) return "";
    for (std::string_view keyword : keywords) {
        const std::size_t allowed = keyword.size() >= 6 ? 2 : 1;
        if (editDistance(word, keyword) <= allowed) return "; did you mean '" + std::string(keyword) + "'?";
    }
    return "";
}

Diagnostic syntaxError(const SourceFile& file, const std::vector<ast::Comment>& comments,
                       std::size_t declarationBegin, std::size_t where, const std::string& expected,
                       bool nextLineCounts) {
    const std::string_view text = file.text();
    where = std::min(where, text.size());
    const std::size_t token = scan::skipSpaceAndComments(text, where, text.size());
    const std::size_t previousEnd = endOfPreviousToken(text, comments, declarationBegin, where);
    Diagnostic diagnostic;
    diagnostic.file = &file;
    const bool sameLine = nextLineCounts || previousEnd <= declarationBegin ||
                          file.lineCol(static_cast<std::uint32_t>(previousEnd)).line ==
                              file.lineCol(static_cast<std::uint32_t>(token)).line;
    if (sameLine) {
        const auto begin = static_cast<std::uint32_t>(token);
        diagnostic.span = {begin, static_cast<std::uint32_t>(token + tokenLength(text, token))};
        diagnostic.message = "expected " + expected + ", found " + describeToken(text, token);
        if (token < text.size() && scan::isWordChar(text[token])) {
            diagnostic.message += keywordSuggestion(scan::wordAt(text, token));
        }
    } else {
        // The line ended before what was expected: point just after its last token.
        const auto end = static_cast<std::uint32_t>(previousEnd);
        diagnostic.span = {end, end};
        diagnostic.message = "expected " + expected + ", found end of line";
    }
    return diagnostic;
}

}  // namespace triage::dsl
