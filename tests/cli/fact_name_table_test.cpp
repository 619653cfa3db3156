// Fact names to ids: every name of the rule base is found, and names that
// differ from one in a single byte anywhere, or in length, are not.
#include <gtest/gtest.h>

#include <string>

#include "fact_name_table.hpp"

namespace triage::cli {
namespace {

TEST(FactNameTable, FindsEveryNameAndNoNearMiss) {
    engine::KnowledgeBase kb;
    // Lengths 1 to 40 around the 8-byte words the comparison reads, and
    // names sharing their first and last bytes (the hash reads those).
    for (std::size_t length = 1; length <= 40; ++length) {
        for (char middle : {'a', 'b'}) {
            engine::Fact fact;
            fact.name = std::string(length, 'x');
            fact.name[length / 2] = middle;
            kb.facts.push_back(std::move(fact));
        }
    }
    kb.index();
    const FactNameTable names(kb);
    for (engine::FactId id = 0; id < kb.facts.size(); ++id) {
        const std::string& name = kb.facts[id].name;
        ASSERT_EQ(names.find(name), id) << name;
        for (std::size_t at = 0; at < name.size(); ++at) {
            std::string changed = name;
            changed[at] = 'c';
            EXPECT_EQ(names.find(changed), std::nullopt) << changed;
        }
        EXPECT_EQ(names.find(name + "y"), std::nullopt) << name;
    }
    EXPECT_EQ(names.find(""), std::nullopt);
}

}  // namespace
}  // namespace triage::cli
