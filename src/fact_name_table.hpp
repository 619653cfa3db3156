// Fact names to ids for the ticket parsers, looked up once per ticket field:
// an open-addressing table over the rule base's names with a cheap hash, so
// a batch line does not pay a std::hash (murmur) and a node chase per field.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "triage/engine/knowledge_base.hpp"

namespace triage::cli {

class FactNameTable {
public:
    explicit FactNameTable(const engine::KnowledgeBase& kb) : kb_(kb) {
        std::size_t size = 8;
        while (size < kb.facts.size() * 2) size *= 2;  // at most half full: short probes
        slots_.assign(size, empty);
        for (engine::FactId fact = 0; fact < kb.facts.size(); ++fact) {
            std::size_t slot = hash(kb.facts[fact].name) & (size - 1);
            while (slots_[slot] != empty) slot = (slot + 1) & (size - 1);
            slots_[slot] = fact;
        }
    }

    std::optional<engine::FactId> find(std::string_view name) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t slot = hash(name) & mask;; slot = (slot + 1) & mask) {
            const engine::FactId fact = slots_[slot];
            if (fact == empty) return std::nullopt;
            if (kb_.facts[fact].name == name) return fact;
        }
    }

private:
    static constexpr engine::FactId empty = ~engine::FactId{0};
    static std::size_t hash(std::string_view name) {
        std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a: names are short
        for (const char c : name) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
        return static_cast<std::size_t>(h ^ (h >> 29));
    }

    const engine::KnowledgeBase& kb_;
    std::vector<engine::FactId> slots_;
};

}  // namespace triage::cli
