#include "triage/dsl/source_file.hpp"

#include <algorithm>

namespace triage::dsl {

SourceFile::SourceFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
    lineStarts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') lineStarts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
}

SourceFile::LineCol SourceFile::lineCol(std::uint32_t offset) const {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    // The last line start that is <= offset.
    const auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    const auto line = static_cast<int>(next - lineStarts_.begin());
    return {line, static_cast<int>(offset - lineStarts_[line - 1]) + 1};
}

std::string_view SourceFile::lineText(int line) const {
    if (line < 1 || line > lineCount()) return {};
    const std::size_t begin = lineStarts_[line - 1];
    std::size_t end = line < lineCount() ? lineStarts_[line] - 1 : text_.size();  // drop the '\n'
    if (end > begin && text_[end - 1] == '\r') --end;                             // and a CR before it
    return std::string_view(text_).substr(begin, end - begin);
}

}  // namespace triage::dsl
