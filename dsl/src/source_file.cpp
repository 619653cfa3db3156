#include "triage/dsl/source_file.hpp"

#include <algorithm>
#include <cstring>

namespace triage::dsl {

SourceFile::SourceFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
    indexLines();
}

SourceFile::SourceFile(std::string name, MappedFile mapped) : name_(std::move(name)), mapped_(std::move(mapped)) {
    indexLines();
}

void SourceFile::indexLines() {
    lineStarts_.push_back(0);
    const std::string_view text = this->text();
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    for (const char* at = begin; (at = static_cast<const char*>(std::memchr(at, '\n', end - at))); ++at)
        lineStarts_.push_back(static_cast<std::uint32_t>(at - begin + 1));
    lineStarts_.shrink_to_fit();  // a 100,000-rule file has 700,000 lines: no doubling slack kept
}

SourceFile::LineCol SourceFile::lineCol(std::uint32_t offset) const {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text().size()));
    // The last line start that is <= offset.
    const auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    const auto line = static_cast<int>(next - lineStarts_.begin());
    return {line, static_cast<int>(offset - lineStarts_[line - 1]) + 1};
}

std::uint32_t SourceFile::offsetOf(int line, int column) const {
    if (line < 1 || line > lineCount() || column < 1) return 0;
    const std::size_t offset = lineStarts_[line - 1] + static_cast<std::size_t>(column - 1);
    return static_cast<std::uint32_t>(std::min(offset, text().size()));
}

std::string_view SourceFile::lineText(int line) const {
    if (line < 1 || line > lineCount()) return {};
    const std::size_t begin = lineStarts_[line - 1];
    const std::string_view text = this->text();
    std::size_t end = line < lineCount() ? lineStarts_[line] - 1 : text.size();  // drop the '\n'
    if (end > begin && text[end - 1] == '\r') --end;                            // and a CR before it
    return text.substr(begin, end - begin);
}

}  // namespace triage::dsl
