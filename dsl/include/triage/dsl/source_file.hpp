// One source text with its name and a line table, so byte offsets in the AST
// can be turned into line:column for diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace triage::dsl {

class SourceFile {
public:
    SourceFile(std::string name, std::string text);

    struct LineCol {
        int line = 1;    // 1-based
        int column = 1;  // 1-based, in bytes
    };

    const std::string& name() const { return name_; }
    const std::string& text() const { return text_; }
    LineCol lineCol(std::uint32_t offset) const;
    /// The byte offset of a 1-based line and column: the inverse of lineCol.
    std::uint32_t offsetOf(int line, int column) const;
    /// The text of a 1-based line without its line end ("\n" or "\r\n").
    std::string_view lineText(int line) const;
    int lineCount() const { return static_cast<int>(lineStarts_.size()); }

private:
    std::string name_;
    std::string text_;
    std::vector<std::uint32_t> lineStarts_;
};

}  // namespace triage::dsl
