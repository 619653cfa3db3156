// Open addressing from names to indexes into a list the caller keeps: each
// slot is a 4-byte index, at most half of them used, so a table costs 8-16
// bytes a name beside the names themselves (a std::unordered_map took ~90).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace triage::dsl {

class NameSlots {
public:
    /// The slot holding `name`, or the empty one where it would go: 0 when
    /// empty, else the index + 1 of the name, whose text `nameOf(index)`
    /// gives. The table must have a free slot (see roomFor).
    template <typename NameOf>
    std::uint32_t& slot(std::string_view name, NameOf nameOf) {
        return slots_[position(name, nameOf)];
    }
    /// The index + 1 of `name`, 0 when it has none.
    template <typename NameOf>
    std::uint32_t find(std::string_view name, NameOf nameOf) const {
        return slots_.empty() ? 0 : slots_[position(name, nameOf)];
    }

    /// Room for `count` names at most half full, growing by doubling; the
    /// first `present` indexes (names nameOf gives) move to their new slots.
    template <typename NameOf>
    void roomFor(std::size_t count, std::uint32_t present, NameOf nameOf) {
        std::size_t size = slots_.empty() ? 16 : slots_.size();
        while (size < 2 * count) size *= 2;
        if (size == slots_.size()) return;
        slots_.assign(size, 0);
        for (std::uint32_t i = 0; i < present; ++i) slot(nameOf(i), nameOf) = i + 1;
    }

private:
    template <typename NameOf>
    std::size_t position(std::string_view name, NameOf nameOf) const {
        const std::size_t mask = slots_.size() - 1;
        std::size_t at = std::hash<std::string_view>{}(name) & mask;
        while (slots_[at] != 0 && nameOf(slots_[at] - 1) != name) at = (at + 1) & mask;
        return at;
    }

    std::vector<std::uint32_t> slots_;  // a power of two of them
};

}  // namespace triage::dsl
