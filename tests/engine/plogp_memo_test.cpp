// PlogpMemo must give plogp's exact bits for any sequence of arguments:
// repeated ones (hits), ones that share a slot (evictions), and the edge cases.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "triage/engine/plogp_memo.hpp"

namespace triage::engine::testing {
namespace {

std::uint64_t bitsOf(double x) { return std::bit_cast<std::uint64_t>(x); }

TEST(PlogpMemo, GivesPlogpBitForBitOnRepeatsAndCollisions) {
    PlogpMemo memo;
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> score(0.0, 1.0);
    std::vector<double> seen;
    for (int i = 0; i < 20000; ++i) seen.push_back(score(rng));
    // Three passes over 20,000 values and 1,024 slots: hits, and many slots overwritten.
    for (int pass = 0; pass < 3; ++pass)
        for (double x : seen) ASSERT_EQ(bitsOf(memo(x)), bitsOf(plogp(x))) << x;
    // Each value again right after itself: the second look-up is a hit.
    for (double x : seen) {
        ASSERT_EQ(bitsOf(memo(x)), bitsOf(plogp(x)));
        ASSERT_EQ(bitsOf(memo(x)), bitsOf(plogp(x)));
    }
}

TEST(PlogpMemo, EdgeCases) {
    PlogpMemo memo;
    EXPECT_EQ(bitsOf(memo(0.0)), bitsOf(0.0));  // the empty slots' own key
    EXPECT_EQ(bitsOf(memo(-0.0)), bitsOf(0.0));
    EXPECT_EQ(bitsOf(memo(-0.5)), bitsOf(0.0));
    EXPECT_EQ(bitsOf(memo(1.0)), bitsOf(0.0));
    EXPECT_EQ(memo(0.5), -0.5);
    EXPECT_EQ(bitsOf(memo(std::numeric_limits<double>::denorm_min())),
              bitsOf(plogp(std::numeric_limits<double>::denorm_min())));
    EXPECT_EQ(memo(0.25), 0.25 * -2.0);
    EXPECT_EQ(memo(0.25), -0.5);
}

}  // namespace
}  // namespace triage::engine::testing
