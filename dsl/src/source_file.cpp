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
        if (++lineCount_ % linesPerEntry == 1) lineStarts_.push_back(static_cast<std::uint32_t>(at - begin + 1));
    lineStarts_.shrink_to_fit();
}

std::uint32_t SourceFile::lineStart(int line) const {
    const auto entry = static_cast<std::size_t>((line - 1) / linesPerEntry);
    const std::string_view text = this->text();
    std::uint32_t start = lineStarts_[entry];
    for (int next = static_cast<int>(entry) * linesPerEntry + 1; next < line; ++next)
        start = static_cast<std::uint32_t>(text.find('\n', start) + 1);
    return start;
}

SourceFile::LineCol SourceFile::lineCol(std::uint32_t offset) const {
    const std::string_view text = this->text();
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
    // The last table entry <= offset, then the line ends between it and offset.
    const auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    const auto entry = static_cast<std::size_t>(next - lineStarts_.begin() - 1);
    int line = static_cast<int>(entry) * linesPerEntry + 1;
    std::uint32_t start = lineStarts_[entry];
    const char* const begin = text.data();
    for (const char* at = begin + start;
         (at = static_cast<const char*>(std::memchr(at, '\n', begin + offset - at))); ++at) {
        start = static_cast<std::uint32_t>(at - begin + 1);
        ++line;
    }
    return {line, static_cast<int>(offset - start) + 1};
}

std::uint32_t SourceFile::offsetOf(int line, int column) const {
    if (line < 1 || line > lineCount() || column < 1) return 0;
    const std::size_t offset = lineStart(line) + static_cast<std::size_t>(column - 1);
    return static_cast<std::uint32_t>(std::min(offset, text().size()));
}

std::string_view SourceFile::lineText(int line) const {
    if (line < 1 || line > lineCount()) return {};
    const std::size_t begin = lineStart(line);
    const std::string_view text = this->text();
    std::size_t end = line < lineCount() ? text.find('\n', begin) : text.size();  // drop the '\n'
    if (end > begin && text[end - 1] == '\r') --end;                          // and a CR before it
    return text.substr(begin, end - begin);
}

}  // namespace triage::dsl
