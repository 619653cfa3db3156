// UTF-8 validation shared by the parser's input checks and the diagnostic
// printer, which must echo source lines without emitting broken bytes.
#pragma once

#include <cstddef>
#include <string_view>

namespace triage::dsl::utf8 {

/// Length in bytes (1-4) of the well-formed UTF-8 sequence starting at
/// text[pos], or 0 if the bytes there are not valid UTF-8.
std::size_t sequenceLength(std::string_view text, std::size_t pos);

/// Number of code points in `text`, counting each invalid byte as one.
std::size_t codePointCount(std::string_view text);

}  // namespace triage::dsl::utf8
