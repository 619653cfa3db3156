// AscendingIdSet lists exactly its members, ascending, once each, and is
// empty afterwards, across the word and summary-word boundaries.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include "triage/engine/ascending_id_set.hpp"

namespace triage::engine::testing {
namespace {

TEST(AscendingIdSet, ListsMembersAscendingOnceAndEmpties) {
    AscendingIdSet set;
    constexpr std::uint32_t range = 64 * 64 * 3 + 17;  // three summary words and a part
    set.reserveIds(range);
    std::mt19937 rng(3);
    for (int round = 0; round < 50; ++round) {
        std::set<std::uint32_t> expected;
        const int count = std::uniform_int_distribution<int>(0, 300)(rng);
        for (int i = 0; i < count; ++i) {
            const std::uint32_t id = std::uniform_int_distribution<std::uint32_t>(0, range - 1)(rng);
            set.insert(id);
            set.insert(id);  // again: no duplicate
            expected.insert(id);
        }
        std::vector<std::uint32_t> listed{999999};  // appended to, not replaced
        set.drainInto(listed);
        ASSERT_EQ(listed.front(), 999999u);
        listed.erase(listed.begin());
        EXPECT_EQ(listed, std::vector<std::uint32_t>(expected.begin(), expected.end())) << "round " << round;
        std::vector<std::uint32_t> after;
        set.drainInto(after);
        EXPECT_TRUE(after.empty());
    }
}

TEST(AscendingIdSet, EdgesOfWords) {
    AscendingIdSet set;
    set.reserveIds(64 * 64 + 1);
    for (std::uint32_t id : {4096u, 0u, 63u, 64u, 4095u, 127u}) set.insert(id);
    std::vector<std::uint32_t> listed;
    set.drainInto(listed);
    EXPECT_EQ(listed, (std::vector<std::uint32_t>{0, 63, 64, 127, 4095, 4096}));
    set.reserveIds(100000);  // grows while empty
    set.insert(99999);
    listed.clear();
    set.drainInto(listed);
    EXPECT_EQ(listed, std::vector<std::uint32_t>{99999});
}

}  // namespace
}  // namespace triage::engine::testing
