// LocalizedText: texts by language code in one packed block.
#include "triage/engine/localized_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace triage::engine {
namespace {

TEST(LocalizedText, FindsTheLanguageThenEnglishThenTheFirstByCode) {
    LocalizedText text;
    EXPECT_TRUE(text.empty());
    EXPECT_EQ(text.in("nl"), "");
    text.set("nl", "Welke foutcode?");
    text.set("de", "Welcher Fehlercode?");
    EXPECT_EQ(text.size(), 2u);
    EXPECT_EQ(text.in("nl"), "Welke foutcode?");
    EXPECT_EQ(text.in("fr"), "Welcher Fehlercode?");  // no English: the first by code
    text.set("en", "Which error code?");
    EXPECT_EQ(text.in("fr"), "Which error code?");
    EXPECT_EQ(text.in("de"), "Welcher Fehlercode?");
    EXPECT_TRUE(text.has("en"));
    EXPECT_FALSE(text.has("e"));
    EXPECT_FALSE(text.has("eng"));
    EXPECT_EQ(text.size(), 3u);
}

TEST(LocalizedText, ReplacesAndKeepsTextsOfAnyLengthAndBytes) {
    LocalizedText text;
    const std::string longText(70000, 'x');
    text.set("en", "first");
    text.set("zz", std::string("a\0b", 3));
    text.set("en", longText);  // replaced, not added
    text.set("", "empty code");
    EXPECT_EQ(text.size(), 3u);
    EXPECT_EQ(text.in("en"), longText);
    EXPECT_EQ(text.in("zz"), std::string_view("a\0b", 3));
    EXPECT_EQ(text.in(""), "empty code");
    const LocalizedText copy = text;
    text.set("en", "changed");
    EXPECT_EQ(copy.in("en"), longText);
    EXPECT_EQ(text.in("en"), "changed");
}

}  // namespace
}  // namespace triage::engine
