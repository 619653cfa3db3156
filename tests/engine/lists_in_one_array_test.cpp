// ListsInOneArray: both ways of building give each list its values in order,
// empty lists included, and the raw arrays agree with the spans.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "triage/engine/lists_in_one_array.hpp"

namespace triage::engine {
namespace {

std::vector<int> asVector(std::span<const int> list) { return {list.begin(), list.end()}; }

TEST(ListsInOneArray, AppendedListByList) {
    ListsInOneArray<int> lists;
    lists.reserve(3);
    lists.add(7);
    lists.add(8);
    EXPECT_EQ(asVector(lists.open()), (std::vector<int>{7, 8}));
    lists.endList();
    lists.endList();  // an empty list
    lists.add(9);
    lists.endList();
    ASSERT_EQ(lists.lists(), 3u);
    EXPECT_EQ(asVector(lists[0]), (std::vector<int>{7, 8}));
    EXPECT_TRUE(lists[1].empty());
    EXPECT_EQ(asVector(lists[2]), (std::vector<int>{9}));
    EXPECT_EQ(lists.totalSize(), 3u);
    EXPECT_EQ(lists.items() + lists.firsts()[2], lists[2].data());
    EXPECT_EQ(lists.firsts()[3], 3u);
}

TEST(ListsInOneArray, GatheredFromPairsInAnyListOrder) {
    const std::vector<std::pair<std::size_t, int>> pairs = {{2, 1}, {0, 2}, {2, 3}, {0, 4}, {3, 5}};
    int runs = 0;
    const auto lists = ListsInOneArray<int>::gathered(4, [&](auto&& emit) {
        ++runs;
        for (const auto& [list, value] : pairs) emit(list, value);
    });
    EXPECT_EQ(runs, 2);  // counted, then placed
    ASSERT_EQ(lists.lists(), 4u);
    EXPECT_EQ(asVector(lists[0]), (std::vector<int>{2, 4}));
    EXPECT_TRUE(lists[1].empty());
    EXPECT_EQ(asVector(lists[2]), (std::vector<int>{1, 3}));
    EXPECT_EQ(asVector(lists[3]), (std::vector<int>{5}));
}

TEST(ListsInOneArray, NoListsAtFirst) {
    const ListsInOneArray<int> lists;
    EXPECT_EQ(lists.lists(), 0u);
    EXPECT_EQ(lists.totalSize(), 0u);
    EXPECT_TRUE(lists.open().empty());
}

}  // namespace
}  // namespace triage::engine
