// Fact names to ids for the ticket parsers, looked up once per ticket field:
// an open-addressing table over the rule base's names with a cheap hash, so
// a batch line does not pay a std::hash (murmur) and a node chase per field.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

#include "triage/engine/knowledge_base.hpp"

namespace triage::cli {

class FactNameTable {
public:
    explicit FactNameTable(const engine::KnowledgeBase& kb) {
        std::size_t size = 8;
        while (size < kb.facts.size() * 2) size *= 2;  // at most half full: short probes
        slots_.assign(size, Slot{});
        for (engine::FactId fact = 0; fact < kb.facts.size(); ++fact) {
            const std::string& name = kb.facts[fact].name;
            std::size_t slot = hash(name) & (size - 1);
            while (slots_[slot].fact != empty) slot = (slot + 1) & (size - 1);
            slots_[slot] = {fact, name};
        }
    }

    std::optional<engine::FactId> find(std::string_view name) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t slot = hash(name) & mask;; slot = (slot + 1) & mask) {
            const Slot& candidate = slots_[slot];
            if (candidate.fact == empty) return std::nullopt;
            if (candidate.name.size() == name.size() && sameBytes(candidate.name.data(), name.data(), name.size()))
                return candidate.fact;
        }
    }

private:
    static constexpr engine::FactId empty = ~engine::FactId{0};
    struct Slot {
        engine::FactId fact = empty;
        std::string_view name;  // the KnowledgeBase's, which outlives the table
    };
    /// Length and the first and last 8 bytes, mixed: names of one rule base
    /// rarely share all three, and a long name costs no more than a short one.
    static std::size_t hash(std::string_view name) {
        std::uint64_t head = 0, tail = 0;
        if (name.size() >= 8) {
            std::memcpy(&head, name.data(), 8);
            std::memcpy(&tail, name.data() + name.size() - 8, 8);
        } else if (!name.empty()) {
            std::memcpy(&head, name.data(), name.size());
        }
        std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (tail + name.size()) * 0xC2B2AE3D27D4EB4Full;
        return static_cast<std::size_t>(h ^ (h >> 31));
    }

    /// memcmp(a, b, size) == 0 without a call: names are short, and a
    /// libc call costs more than comparing them 8 bytes at a time.
    static bool sameBytes(const char* a, const char* b, std::size_t size) {
        if (size < 8) {
            for (std::size_t i = 0; i < size; ++i)
                if (a[i] != b[i]) return false;
            return true;
        }
        auto word = [](const char* at) {
            std::uint64_t value;
            std::memcpy(&value, at, 8);
            return value;
        };
        for (std::size_t i = 0; i + 8 < size; i += 8)
            if (word(a + i) != word(b + i)) return false;
        return word(a + size - 8) == word(b + size - 8);  // the last 8, overlapping
    }

    std::vector<Slot> slots_;
};

}  // namespace triage::cli
