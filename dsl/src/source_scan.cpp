#include "source_scan.hpp"

#include <array>
#include <cstdio>
#include <cstring>

#include "utf8.hpp"

namespace triage::dsl::scan {

bool isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string_view wordAt(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    while (end < text.size() && isWordChar(text[end])) ++end;
    return text.substr(pos, end - pos);
}

bool isDeclarationKeyword(std::string_view word) {
    static constexpr std::array<std::string_view, 6> keywords{"import", "fact", "codes",
                                                              "cause",  "rule", "test"};
    for (std::string_view keyword : keywords) {
        if (word == keyword) return true;
    }
    return false;
}

std::size_t skipSpaceAndComments(std::string_view text, std::size_t pos, std::size_t end) {
    while (pos < end) {
        const char c = text[pos];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            ++pos;
        } else if (c == '#') {
            while (pos < end && text[pos] != '\n') ++pos;
        } else {
            break;
        }
    }
    return pos;
}

std::size_t nextDeclarationLine(std::string_view text, std::size_t pos) {
    std::size_t newline = text.find('\n', pos);
    while (newline != std::string_view::npos) {
        const std::size_t lineStart = newline + 1;
        std::size_t first = lineStart;
        while (first < text.size() && (text[first] == ' ' || text[first] == '\t')) ++first;
        if (isDeclarationKeyword(wordAt(text, first))) return lineStart;
        newline = text.find('\n', lineStart);
    }
    return text.size();
}

namespace {

/// The comments of one line [pos, lineEnd); texts never span lines, so each
/// line can be scanned on its own.
void lineComments(std::string_view text, std::size_t pos, std::size_t lineEnd, std::vector<ast::Comment>& found) {
    bool inText = false;      // inside "..."
    bool codeOnLine = false;  // something other than blanks precedes on this line
    for (; pos < lineEnd; ++pos) {
        const char c = text[pos];
        if (inText) {
            if (c == '\\' && pos + 1 < lineEnd)
                ++pos;
            else if (c == '"')
                inText = false;
        } else if (c == '#') {
            std::size_t end = lineEnd;
            if (end > pos && text[end - 1] == '\r') --end;
            ast::Comment comment;
            comment.span = {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end)};
            comment.text = std::string(text.substr(pos + 1, end - pos - 1));
            comment.trailing = codeOnLine;
            found.push_back(std::move(comment));
            return;
        } else {
            if (c == '"') inText = true;
            if (c != ' ' && c != '\t' && c != '\r') codeOnLine = true;
        }
    }
}

}  // namespace

std::vector<ast::Comment> comments(std::string_view text, std::size_t begin) {
    std::vector<ast::Comment> found;
    // Only lines with a '#' need the character-by-character scan (memchr
    // finds the others' ends and hashes at memory speed).
    std::size_t pos = begin;
    while (pos < text.size()) {
        const char* lineStart = text.data() + pos;
        const char* newline = static_cast<const char*>(std::memchr(lineStart, '\n', text.size() - pos));
        const std::size_t lineEnd = newline ? static_cast<std::size_t>(newline - text.data()) : text.size();
        if (std::memchr(lineStart, '#', lineEnd - pos)) lineComments(text, pos, lineEnd, found);
        pos = lineEnd + 1;
    }
    return found;
}

namespace {

std::string byteName(unsigned char byte) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
    return buffer;
}

}  // namespace

namespace {

/// True when [begin, end) holds only ASCII without NUL and too few '(' and
/// 'n's (each `not` has one) to nest beyond maxConditionDepth: then the exact
/// scan below cannot find a problem. Nearly every declaration passes this.
bool plainAndShallow(std::string_view text, std::size_t begin, std::size_t end) {
    // Branch-free, so the compiler can vectorise it: this runs over every byte.
    std::size_t levels = 0;
    unsigned unusual = 0;
    for (std::size_t pos = begin; pos < end; ++pos) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        unusual |= static_cast<unsigned char>(byte - 1) >= 0x7F;  // NUL, or not ASCII
        levels += (byte == '(') + (byte == 'n');
    }
    return unusual == 0 && levels <= maxConditionDepth;
}

}  // namespace

std::optional<InputProblem> findInputProblem(std::string_view text, std::size_t begin, std::size_t end) {
    if (plainAndShallow(text, begin, end)) return std::nullopt;
    bool inText = false, inComment = false, escaped = false;
    std::vector<std::size_t> levelsOpened;  // levels each open '(' added, with the `not`s before it
    std::size_t depth = 0;
    std::size_t pendingNots = 0;  // `not`s since the last other token
    const auto tooDeep = [](std::size_t offset, std::size_t length) {
        return InputProblem{offset, length,
                            "condition nested deeper than " + std::to_string(maxConditionDepth) + " levels"};
    };
    for (std::size_t pos = begin; pos < end;) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte == 0) return InputProblem{pos, 1, "unexpected NUL byte (is this a binary file?)"};
        if (byte >= 0x80) {
            const std::size_t length = utf8::sequenceLength(text, pos);
            if (length == 0) return InputProblem{pos, 1, "invalid UTF-8 byte " + byteName(byte)};
            pos += length;
            escaped = false;
            pendingNots = 0;
            continue;
        }
        const char c = static_cast<char>(byte);
        if (c == '\n') {
            inText = inComment = escaped = false;
        } else if (inComment) {
        } else if (inText) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inText = false;
        } else if (c == '#') {
            inComment = true;
        } else if (c == '"') {
            inText = true;
            pendingNots = 0;
        } else if (isWordChar(c)) {
            const std::string_view word = wordAt(text.substr(0, end), pos);
            if (word == "not") {
                ++pendingNots;
                if (depth + pendingNots > maxConditionDepth) return tooDeep(pos, word.size());
            } else {
                pendingNots = 0;
            }
            pos += word.size();
            continue;
        } else if (c == '(') {
            levelsOpened.push_back(pendingNots + 1);
            depth += pendingNots + 1;
            pendingNots = 0;
            if (depth > maxConditionDepth) return tooDeep(pos, 1);
        } else if (c == ')') {
            if (!levelsOpened.empty()) {
                depth -= levelsOpened.back();
                levelsOpened.pop_back();
            }
            pendingNots = 0;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            pendingNots = 0;
        }
        ++pos;
    }
    return std::nullopt;
}

}  // namespace triage::dsl::scan
