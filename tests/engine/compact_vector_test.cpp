// CompactVector (the atoms and nodes of conditions) behaves like the
// std::vector it replaced: growth, copies, moves, and elements that own memory.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "triage/engine/compact_vector.hpp"
#include "triage/engine/knowledge_base.hpp"

namespace triage::engine::testing {
namespace {

std::vector<std::string> contents(const CompactVector<std::string>& strings) {
    return {strings.begin(), strings.end()};
}

TEST(CompactVector, GrowsLikeAVectorAndKeepsOrder) {
    CompactVector<std::string> strings;
    std::vector<std::string> expected;
    EXPECT_TRUE(strings.empty());
    for (int i = 0; i < 100; ++i) {
        // Longer than the short-string buffer: each element owns a heap block.
        std::string text = "a string long enough to live on the heap #" + std::to_string(i);
        strings.push_back(text);
        expected.push_back(text);
    }
    EXPECT_EQ(strings.size(), 100u);
    EXPECT_EQ(contents(strings), expected);
    EXPECT_EQ(strings.front(), expected.front());
    EXPECT_EQ(strings.at(99), expected.back());
    EXPECT_THROW((void)strings.at(100), std::out_of_range);
    strings.reserve(1000);
    strings.shrink_to_fit();
    EXPECT_EQ(contents(strings), expected);
    EXPECT_EQ(strings.back(), expected.back());
}

TEST(CompactVector, CopiesAreDeepAndMovesLeaveTheSourceEmpty) {
    CompactVector<std::string> original;
    original.reserve(3);
    for (const char* text : {"first element on the heap....", "second", "third element on the heap...."})
        original.push_back(text);
    CompactVector<std::string> copy = original;
    copy[1] = "changed";
    EXPECT_EQ(original[1], "second");
    EXPECT_FALSE(copy == original);

    CompactVector<std::string> moved = std::move(original);
    EXPECT_TRUE(original.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is specified
    EXPECT_EQ(moved.size(), 3u);
    moved = copy;
    EXPECT_TRUE(moved == copy);
    moved.clear();
    EXPECT_TRUE(moved.empty());
    moved.push_back("again");
    EXPECT_EQ(moved.size(), 1u);
}

TEST(CompactVector, ConditionsStayCompact) {
    EXPECT_EQ(sizeof(CompactVector<Atom>), 16u);
    EXPECT_EQ(sizeof(Condition), 32u);
    EXPECT_EQ(sizeof(Atom), 40u);
    EXPECT_EQ(sizeof(Origin), 16u);
}

TEST(CompactVector, AConditionCopyOwnsItsAtoms) {
    Condition condition;
    Atom atom;
    atom.fact = 3;
    atom.op = Atom::Op::In;
    atom.set = {Value::code(1), Value::code(2), Value::code(3)};  // past the inline element: a heap block
    atom.setName = "group";
    condition.atoms.push_back(atom);
    ConditionNode node;
    node.kind = ConditionNode::Kind::Atom;
    condition.nodes.push_back(node);

    Condition copy = condition;
    condition = Condition{};
    ASSERT_EQ(copy.atoms.size(), 1u);
    EXPECT_EQ(copy.atoms[0].set, (std::vector<Value>{Value::code(1), Value::code(2), Value::code(3)}));
    EXPECT_EQ(copy.atoms[0].setName, "group");
    EXPECT_EQ(copy.root(), 0u);
}

}  // namespace
}  // namespace triage::engine::testing
