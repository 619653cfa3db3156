// The checker's name table: first declaration wins, lookups, declaration order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../../dsl/src/name_table.hpp"

namespace triage::dsl {
namespace {

TEST(NameTable, KeepsTheFirstDeclarationOfEachNameThroughGrowth) {
    // Enough names to grow the slots many times; every third name again.
    std::vector<std::string> storage;
    for (int i = 0; i < 5000; ++i) storage.push_back("name_" + std::to_string(i * 7919 % 5000));
    std::vector<int> decls(storage.size() * 2);
    NameTable<int> table;
    for (std::size_t i = 0; i < storage.size(); ++i)
        EXPECT_EQ(table.add(storage[i], {&decls[i], nullptr}), nullptr) << storage[i];
    for (std::size_t i = 0; i < storage.size(); i += 3) {
        const DeclarationIn<int>* first = table.add(storage[i], {&decls[storage.size() + i], nullptr});
        ASSERT_NE(first, nullptr) << storage[i];
        EXPECT_EQ(first->decl, &decls[i]);
    }
    ASSERT_EQ(table.names().size(), storage.size());
    for (std::size_t i = 0; i < storage.size(); ++i) {
        EXPECT_EQ(table.names()[i], storage[i]);  // declaration order, duplicates left out
        EXPECT_EQ(table.find(storage[i]), &decls[i]);
    }
    EXPECT_EQ(table.find("name_5000"), nullptr);
    EXPECT_EQ(table.find(""), nullptr);
}

TEST(NameTable, ReservingKeepsWhatIsThereAndFindsWhatComes) {
    std::vector<std::string> storage;
    for (int i = 0; i < 300; ++i) storage.push_back("n" + std::to_string(i));
    int decl = 0;
    NameTable<int> table;
    for (int i = 0; i < 10; ++i) table.add(storage[i], {&decl, nullptr});
    table.reserve(storage.size());  // the slots grow: the first ten must still be found
    for (std::size_t i = 10; i < storage.size(); ++i) EXPECT_EQ(table.add(storage[i], {&decl, nullptr}), nullptr);
    for (const std::string& name : storage) EXPECT_EQ(table.find(name), &decl) << name;
    EXPECT_NE(table.add(storage[3], {nullptr, nullptr}), nullptr);
    EXPECT_EQ(table.names().size(), storage.size());
}

TEST(NameTable, AnEmptyTableFindsNothing) {
    const NameTable<int> table;
    EXPECT_EQ(table.find("x"), nullptr);
    EXPECT_TRUE(table.names().empty());
}

}  // namespace
}  // namespace triage::dsl
