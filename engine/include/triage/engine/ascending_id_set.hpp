// A set of small ids (causes) that lists its members in ascending order
// without sorting them: one bit per id, and one bit per word of those, so
// listing costs the members and the words they fall in, not the id range.
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

namespace triage::engine {

class AscendingIdSet {
public:
    /// Room for ids below `ids`; only grows, and only while the set is empty.
    void reserveIds(std::size_t ids) {
        const std::size_t words = (ids + 63) / 64;
        if (bits_.size() < words) bits_.resize(words, 0);
        if (usedWords_.size() < (words + 63) / 64) usedWords_.resize((words + 63) / 64, 0);
    }

    /// Adds `id` (below the reserved range); adding a member again changes nothing.
    void insert(std::uint32_t id) {
        const std::uint32_t word = id / 64;
        bits_[word] |= std::uint64_t{1} << (id % 64);
        usedWords_[word / 64] |= std::uint64_t{1} << (word % 64);
    }

    /// Appends the members to `out` in ascending order and empties the set.
    template <typename Id>
    void drainInto(std::vector<Id>& out) {
        for (std::size_t summary = 0; summary < usedWords_.size(); ++summary) {
            for (std::uint64_t used = usedWords_[summary]; used != 0; used &= used - 1) {
                const std::size_t word = summary * 64 + static_cast<std::size_t>(std::countr_zero(used));
                for (std::uint64_t bits = bits_[word]; bits != 0; bits &= bits - 1)
                    out.push_back(static_cast<Id>(word * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
                bits_[word] = 0;
            }
            usedWords_[summary] = 0;
        }
    }

private:
    std::vector<std::uint64_t> bits_;       // bit id % 64 of word id / 64: a member
    std::vector<std::uint64_t> usedWords_;  // bit w % 64 of word w / 64: bits_[w] may be non-zero
};

}  // namespace triage::engine
