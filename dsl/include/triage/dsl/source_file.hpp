// One source text with its name and a line table, so byte offsets in the AST
// can be turned into line:column for diagnostics (and origins). The text is on the heap, or
// a file mapped read-only (mapped_file.hpp) whose pages can be handed back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/dsl/mapped_file.hpp"

namespace triage::dsl {

class SourceFile {
public:
    SourceFile(std::string name, std::string text);
    SourceFile(std::string name, MappedFile mapped);

    struct LineCol {
        int line = 1;    // 1-based
        int column = 1;  // 1-based, in bytes
    };

    const std::string& name() const { return name_; }
    std::string_view text() const { return mapped_ ? mapped_->text() : std::string_view(text_); }
    /// Hands back the memory of the text in [begin, end) where it is a mapped
    /// file (none where it is on the heap); it reads the same afterwards.
    /// For large loads, once the text has been read.
    void releaseText(std::uint32_t begin, std::uint32_t end) const {
        if (mapped_) mapped_->release(begin, end);
    }
    LineCol lineCol(std::uint32_t offset) const;
    /// The byte offset of a 1-based line and column: the inverse of lineCol.
    std::uint32_t offsetOf(int line, int column) const;
    /// The text of a 1-based line without its line end ("\n" or "\r\n").
    std::string_view lineText(int line) const;
    int lineCount() const { return lineCount_; }

    /// Lines between two entries of the line table. A start per line was
    /// 2.8 MB for a 100,000-rule file (700,000 lines), alive for the whole
    /// load; finding a line from the nearest entry reads at most this many.
    static constexpr int linesPerEntry = 16;

private:
    std::string name_;
    std::string text_;                   // when not mapped
    std::optional<MappedFile> mapped_;
    std::vector<std::uint32_t> lineStarts_;  // of lines 1, 1 + linesPerEntry, ...
    int lineCount_ = 1;

    void indexLines();
    /// The byte offset where a 1-based line (1 to lineCount) starts.
    std::uint32_t lineStart(int line) const;
};

}  // namespace triage::dsl
