#include "triage/dsl/source_file.hpp"

#include <algorithm>
#include <cstring>

namespace triage::dsl {

SourceFile::SourceFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
    lineStarts_.push_back(0);
    const char* const begin = text_.data();
    const char* const end = begin + text_.size();
    for (const char* at = begin; (at = static_cast<const char*>(std::memchr(at, '\n', end - at))); ++at)
        lineStarts_.push_back(static_cast<std::uint32_t>(at - begin + 1));
    lineStarts_.shrink_to_fit();  // a 100,000-rule file has 700,000 lines: no doubling slack kept
}

SourceFile::LineCol SourceFile::lineCol(std::uint32_t offset) const {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    // The last line start that is <= offset.
    const auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    const auto line = static_cast<int>(next - lineStarts_.begin());
    return {line, static_cast<int>(offset - lineStarts_[line - 1]) + 1};
}

std::uint32_t SourceFile::offsetOf(int line, int column) const {
    if (line < 1 || line > lineCount() || column < 1) return 0;
    const std::size_t offset = lineStarts_[line - 1] + static_cast<std::size_t>(column - 1);
    return static_cast<std::uint32_t>(std::min(offset, text_.size()));
}

std::string_view SourceFile::lineText(int line) const {
    if (line < 1 || line > lineCount()) return {};
    const std::size_t begin = lineStarts_[line - 1];
    std::size_t end = line < lineCount() ? lineStarts_[line] - 1 : text_.size();  // drop the '\n'
    if (end > begin && text_[end - 1] == '\r') --end;                             // and a CR before it
    return std::string_view(text_).substr(begin, end - begin);
}

}  // namespace triage::dsl
