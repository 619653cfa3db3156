// A list of values per id (per rule, per cause), all kept end to end in one
// array and read as spans: a vector per id costs a heap block each (~2.7 MB
// for 25,000 causes) and a cache miss more per read.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace triage::engine {

template <typename T>
class ListsInOneArray {
public:
    /// Lists are added in id order: values with add(), each list closed by endList().
    void add(const T& value) { items_.push_back(value); }
    void endList() { firsts_.push_back(static_cast<std::uint32_t>(items_.size())); }
    void reserve(std::size_t lists, std::size_t items = 0) {
        firsts_.reserve(lists + 1);
        items_.reserve(items);
    }
    /// The values of the list being filled (after the last endList()).
    std::span<T> open() { return {items_.data() + firsts_.back(), items_.data() + items_.size()}; }
    std::span<const T> open() const { return {items_.data() + firsts_.back(), items_.data() + items_.size()}; }

    /// Built from (list, value) pairs in any list order, counted first and
    /// then placed: `pairs(emit)` must call emit(list, value) for the same
    /// pairs in the same order both times it runs. A list keeps its values in
    /// that order.
    template <typename Pairs>
    static ListsInOneArray gathered(std::size_t lists, Pairs pairs) {
        ListsInOneArray result;
        auto& firsts = result.firsts_;
        firsts.assign(lists + 1, 0);
        pairs([&](std::size_t list, const T&) { ++firsts[list + 1]; });
        for (std::size_t list = 0; list < lists; ++list) firsts[list + 1] += firsts[list];
        result.items_.resize(firsts[lists]);
        std::vector<std::uint32_t> next(firsts.begin(), firsts.end() - 1);
        pairs([&](std::size_t list, const T& value) { result.items_[next[list]++] = value; });
        return result;
    }

    std::span<const T> operator[](std::size_t list) const {
        return {items_.data() + firsts_[list], items_.data() + firsts_[list + 1]};
    }
    std::size_t lists() const { return firsts_.size() - 1; }
    std::size_t totalSize() const { return items_.size(); }

    /// The raw arrays, for loops that read many lists: list i is
    /// items()[firsts()[i]] up to items()[firsts()[i + 1]].
    const std::uint32_t* firsts() const { return firsts_.data(); }
    const T* items() const { return items_.data(); }

private:
    std::vector<std::uint32_t> firsts_{0};  // per list where it starts, plus one past the end
    std::vector<T> items_;
};

}  // namespace triage::engine
