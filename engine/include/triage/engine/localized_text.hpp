// A text in several languages (a question, help, a cause's title, a fix
// step), packed in one heap block: a large rule base holds two per cause.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "triage/engine/compact_vector.hpp"

namespace triage::engine {

/// Text per language code ("nl", "en"), sorted by code, each entry its
/// code's and text's length (4 bytes each) and bytes, in one block of
/// exactly its size. A boost flat_map of std::strings took a block for the
/// pairs and mostly one per text: at 100,000 rules (24,520 causes, a title
/// and a fix step each) ~140 bytes more per text.
class LocalizedText {
public:
    /// Sets the text in `language`, replacing any it had.
    void set(std::string_view language, std::string_view text);
    /// The text in `language`, else English, else the first by code; empty if none.
    std::string_view in(std::string_view language) const;
    /// Whether there is a text in exactly `language`.
    bool has(std::string_view language) const;
    /// How many languages have a text.
    std::size_t size() const;
    bool empty() const { return packed_.empty(); }

private:
    struct Entry {
        std::string_view language;
        std::string_view text;
        std::size_t end = 0;  // offset past the entry in packed_
    };
    /// The entry at `offset` (the start of one).
    Entry entryAt(std::size_t offset) const;
    /// The text in exactly `language`, if any.
    const char* find(std::string_view language, std::size_t& size) const;

    CompactVector<char> packed_;
};

}  // namespace triage::engine
