// SharedName (file names of origins, code group names of atoms): copies share
// one text, which lives as long as its last copy.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "triage/engine/shared_name.hpp"

namespace triage::engine::testing {
namespace {

TEST(SharedName, CopiesShareOneTextThatOutlivesTheOriginal) {
    std::vector<SharedName> copies;
    {
        SharedName original(std::string("rules/a long file name, past the short-string buffer.rules"));
        for (int i = 0; i < 10; ++i) copies.push_back(original);
        EXPECT_EQ(copies.front().c_str(), original.c_str());  // the same text, not a copy of it
    }
    for (const SharedName& copy : copies) EXPECT_EQ(copy, "rules/a long file name, past the short-string buffer.rules");
    SharedName moved = std::move(copies.back());
    copies.pop_back();
    EXPECT_EQ(moved.str(), copies.front().str());
    moved = copies.front();
    moved = SharedName("other");
    EXPECT_EQ(moved, "other");
    EXPECT_EQ(copies.front(), copies.back());
}

TEST(SharedName, DefaultIsEmptyAndCompact) {
    const SharedName none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none, "");
    EXPECT_EQ(sizeof(SharedName), sizeof(void*));
}

TEST(SharedName, CopiesMayBeDroppedOnSeveralThreads) {
    const SharedName name("shared by threads");
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([name] {
            for (int i = 0; i < 10000; ++i) {
                SharedName copy = name;
                (void)copy;
            }
        });
    for (std::thread& thread : threads) thread.join();
    EXPECT_EQ(name, "shared by threads");
}

}  // namespace
}  // namespace triage::engine::testing
