#include "triage/engine/localized_text.hpp"

#include <cstring>
#include <string>

namespace triage::engine {

namespace {

void appendLength(std::string& out, std::size_t length) {
    const auto value = static_cast<std::uint32_t>(length);
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void appendEntry(std::string& out, std::string_view language, std::string_view text) {
    appendLength(out, language.size());
    out.append(language);
    appendLength(out, text.size());
    out.append(text);
}

}  // namespace

LocalizedText::Entry LocalizedText::entryAt(std::size_t offset) const {
    const char* const data = packed_.data();
    std::uint32_t length = 0;
    std::memcpy(&length, data + offset, sizeof length);
    offset += sizeof length;
    Entry entry;
    entry.language = {data + offset, length};
    offset += length;
    std::memcpy(&length, data + offset, sizeof length);
    offset += sizeof length;
    entry.text = {data + offset, length};
    entry.end = offset + length;
    return entry;
}

void LocalizedText::set(std::string_view language, std::string_view text) {
    // Rebuilt whole: texts are set once each while loading, a language or two per text.
    std::string packed;
    bool placed = false;
    for (std::size_t offset = 0; offset < packed_.size();) {
        const Entry entry = entryAt(offset);
        offset = entry.end;
        if (!placed && language <= entry.language) {
            appendEntry(packed, language, text);
            placed = true;
            if (language == entry.language) continue;  // replaced
        }
        appendEntry(packed, entry.language, entry.text);
    }
    if (!placed) appendEntry(packed, language, text);
    CompactVector<char> exact;
    exact.reserve(packed.size());
    for (char c : packed) exact.push_back(c);
    packed_ = std::move(exact);
}

const char* LocalizedText::find(std::string_view language, std::size_t& size) const {
    for (std::size_t offset = 0; offset < packed_.size();) {
        const Entry entry = entryAt(offset);
        if (entry.language == language) {
            size = entry.text.size();
            return entry.text.data();
        }
        offset = entry.end;
    }
    return nullptr;
}

std::string_view LocalizedText::in(std::string_view language) const {
    std::size_t size = 0;
    if (const char* text = find(language, size)) return {text, size};
    if (const char* text = find("en", size)) return {text, size};
    return empty() ? std::string_view() : entryAt(0).text;
}

bool LocalizedText::has(std::string_view language) const {
    std::size_t size = 0;
    return find(language, size) != nullptr;
}

std::size_t LocalizedText::size() const {
    std::size_t count = 0;
    for (std::size_t offset = 0; offset < packed_.size(); offset = entryAt(offset).end) ++count;
    return count;
}

}  // namespace triage::engine
