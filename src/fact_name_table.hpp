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
        while ((std::size_t{1} << (64 - shift_)) < size) --shift_;
        for (engine::FactId fact = 0; fact < kb.facts.size(); ++fact) {
            const std::string& name = kb.facts[fact].name;
            const Ends ends = endsOf(name);
            std::size_t slot = hash(ends, name.size()) >> shift_;
            while (slots_[slot].fact != empty) slot = (slot + 1) & (size - 1);
            slots_[slot] = {fact, static_cast<std::uint32_t>(name.size()), ends, name.data()};
        }
    }

    std::optional<engine::FactId> find(std::string_view name) const {
        const std::size_t mask = slots_.size() - 1;
        const Ends ends = endsOf(name);
        for (std::size_t slot = hash(ends, name.size()) >> shift_;; slot = (slot + 1) & mask) {
            const Slot& candidate = slots_[slot];
            if (candidate.fact == empty) return std::nullopt;
            // The ends the hash read already decide a name of up to 16 bytes.
            if (candidate.size == name.size() && candidate.ends.head == ends.head && candidate.ends.tail == ends.tail &&
                (name.size() <= 16 || std::memcmp(candidate.name + 8, name.data() + 8, name.size() - 16) == 0))
                return candidate.fact;
        }
    }

private:
    static constexpr engine::FactId empty = ~engine::FactId{0};
    /// The first and the last 8 bytes (overlapping below 16; a name under 8
    /// bytes is all in `head`, zero-padded).
    struct Ends {
        std::uint64_t head = 0, tail = 0;
    };
    struct Slot {
        engine::FactId fact = empty;
        std::uint32_t size = 0;
        Ends ends;
        const char* name = nullptr;  // the KnowledgeBase's, which outlives the table
    };
    static Ends endsOf(std::string_view name) {
        Ends ends;
        if (name.size() >= 8) {
            std::memcpy(&ends.head, name.data(), 8);
            std::memcpy(&ends.tail, name.data() + name.size() - 8, 8);
        } else if (!name.empty()) {
            std::memcpy(&ends.head, name.data(), name.size());
        }
        return ends;
    }
    /// Length and the ends, mixed: names of one rule base rarely share all
    /// three, and a long name costs no more than a short one. The slot is
    /// the product's top bits, which every input bit reaches (the low bits
    /// of a product see only the low bytes: names sharing a prefix collided).
    static std::uint64_t hash(Ends ends, std::size_t size) {
        return ((ends.head * 0x9E3779B97F4A7C15ull) ^ (ends.tail + size)) * 0xC2B2AE3D27D4EB4Full;
    }

    std::vector<Slot> slots_;
    unsigned shift_ = 64;  // 64 - log2(slots_.size())
};

}  // namespace triage::cli
