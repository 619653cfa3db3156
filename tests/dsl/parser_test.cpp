// Parser tests, one table row per construct: the source and the AST it must
// give (as a span-free dump), plus span and comment checks.
#include "triage/dsl/parser.hpp"

#include <gtest/gtest.h>

#include "ast_dump.hpp"

namespace triage {
namespace {

struct ParseCase {
    const char* name;
    const char* source;
    const char* dump;
};

std::ostream& operator<<(std::ostream& out, const ParseCase& c) { return out << c.name; }

class ParsesTo : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ParsesTo, GivesTheExpectedAst) {
    const dsl::SourceFile source("case.rules", GetParam().source);
    const dsl::ParseResult result = dsl::parse(source);
    std::string diagnostics;
    for (const dsl::Diagnostic& d : result.diagnostics) diagnostics += dsl::format(d);
    EXPECT_EQ(diagnostics, "");
    EXPECT_EQ(testing::dumpFile(result.file), GetParam().dump);
}

const ParseCase declarations[] = {
    {"Import", "import \"common.rules\"\n", "import \"common.rules\"\n"},
    {"BoolFact", "fact a: bool\n", "fact a type=0\n"},
    {"EnumFact", "fact v: enum { win7, win10 }\n", "fact v type=1 win7 win10\n"},
    {"CodeFact", "fact e: code\n", "fact e type=2\n"},
    {"NumberFact", "fact n: number\n", "fact n type=3\n"},
    {"FactClausesInAnyOrder",
     "fact a: bool\n  cost 2\n  help\n    en \"Look\"\n  question\n    nl \"Vraag?\"\n    en \"Question?\"\n",
     "fact a type=0 question=[ nl=\"Vraag?\" en=\"Question?\" ] help=[ en=\"Look\" ] cost=number:2\n"},
    {"TextEscapes", "fact a: bool\n  question\n    en \"say \\\"hi\\\" \\\\ # not a comment\"\n",
     "fact a type=0 question=[ en=\"say \"hi\" \\ # not a comment\" ]\n"},
    {"CodeGroup", "codes g = { 0xC004F211, 0xc004f213L }\n", "codes g code:0xC004F211 code:0xc004f213L\n"},
    {"Cause",
     "cause c\n  prior 0.2\n  title\n    en \"T\"\n  fix\n    step one\n      en \"1\"\n    step two when "
     "not k\n"
     "      en \"2\"\n",
     "cause c prior=number:0.2 title=[ en=\"T\" ]\n  step one [ en=\"1\" ]\n  step two when (not k) [ "
     "en=\"2\" ]\n"},
    {"RuleSupports", "rule r when a then supports c 0.7\n", "rule r when a then supports c number:0.7\n"},
    {"RuleConclusions",
     "rule r\n  when a\n  then supports c 1\n   and excludes d 0.5\n   and set f = no\n   and set g\n  "
     "priority -2\n",
     "rule r when a then supports c number:1 then excludes d number:0.5 then set f word:no then set g "
     "word:true "
     "priority=number:-2\n"},
    {"Test",
     "test \"name\"\n  given e = 0xC004F211\n  given a = yes, b, n = 3.5\n  expect cause c\n  expect not "
     "cause d\n"
     "  expect question q\n  expect no question\n",
     "test \"name\" given e=code:0xC004F211 given a=word:yes given b=word:true given n=number:3.5 expect "
     "cause c "
     "expect not-cause d expect question q expect no-question\n"},
    {"DeclarationsKeepFileOrder", "rule r when a then set b\nfact a: bool\nimport \"x.rules\"\n",
     "rule r when a then set b word:true\nfact a type=0\nimport \"x.rules\"\n"},
    {"Empty", "", ""},
    {"OnlyComments", "# one\n\n   # two\n", ""},
    {"CrLf", "fact a: bool\r\n  question\r\n    en \"Q\"\r\n", "fact a type=0 question=[ en=\"Q\" ]\n"},
    {"ByteOrderMark",
     "\xEF\xBB\xBF"
     "fact a: bool\n",
     "fact a type=0\n"},
    {"NamesMayShareAcrossKinds", "fact x: bool\ncause x\n", "fact x type=0\ncause x title=[ ]\n"},
    {"KeywordPrefixIsAName", "fact notable: bool\nfact income: bool\nfact known_x: bool\n",
     "fact notable type=0\nfact income type=0\nfact known_x type=0\n"},
    {"Utf8InTexts", "fact a: bool\n  question\n    nl \"Vóór de wijziging?\"\n",
     "fact a type=0 question=[ nl=\"Vóór de wijziging?\" ]\n"},
};
INSTANTIATE_TEST_SUITE_P(Declarations, ParsesTo, ::testing::ValuesIn(declarations),
                         [](const auto& info) { return std::string(info.param.name); });

std::string ruleWith(const char* condition) {
    return std::string("rule r when ") + condition + " then set z\n";
}

struct ConditionCase {
    const char* name;
    const char* condition;
    const char* dump;
};

std::ostream& operator<<(std::ostream& out, const ConditionCase& c) { return out << c.name; }

class ConditionParsesTo : public ::testing::TestWithParam<ConditionCase> {};

TEST_P(ConditionParsesTo, GivesTheExpectedTree) {
    const dsl::SourceFile source("case.rules", ruleWith(GetParam().condition));
    const dsl::ParseResult result = dsl::parse(source);
    ASSERT_TRUE(result.ok()) << (result.diagnostics.empty() ? "" : dsl::format(result.diagnostics.front()));
    ASSERT_EQ(result.file.rules.size(), 1u);
    EXPECT_EQ(testing::dumpCondition(result.file.rules[0].condition), GetParam().dump);
}

const ConditionCase conditions[] = {
    {"Bare", "a", "a"},
    {"Equal", "a = x", "(= a word:x)"},
    {"NotEqual", "a != 0xC004F211", "(!= a code:0xC004F211)"},
    {"Less", "n < 3", "(< n number:3)"},
    {"LessOrEqual", "n <= -1.5", "(<= n number:-1.5)"},
    {"Greater", "n > 3", "(> n number:3)"},
    {"GreaterOrEqual", "n >= 3", "(>= n number:3)"},
    {"InSet", "v in { win7, win10 }", "(in v word:win7 word:win10)"},
    {"InCodeSet", "e in { 0xC004F211 }", "(in e code:0xC004F211)"},
    {"InGroup", "e in activation_codes", "(in e group:activation_codes)"},
    {"Known", "known a", "(known a)"},
    {"Unknown", "unknown a", "(unknown a)"},
    {"Not", "not a", "(not a)"},
    {"NotNot", "not not a", "(not (not a))"},
    {"And", "a and b and c", "(and a b c)"},
    {"Or", "a or b", "(or a b)"},
    {"AndBindsTighter", "a or b and c", "(or a (and b c))"},
    {"Parentheses", "(a or b) and c", "(and (or a b) c)"},
    {"NotOfGroup", "not (a and b)", "(not (and a b))"},
    {"NotBindsTighterThanAnd", "not a and b", "(and (not a) b)"},
    {"MultiLine", "a and\n       b", "(and a b)"},
    {"CommentInside", "a # why\n  and b", "(and a b)"},
    {"ValueNoIsAWord", "a = no", "(= a word:no)"},
};
INSTANTIATE_TEST_SUITE_P(Conditions, ConditionParsesTo, ::testing::ValuesIn(conditions),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ParserSpans, PointAtTheTokens) {
    const std::string text =
        "rule hardware_code\n  when error_code in codes_x and not known y\n  then supports c 0.7\n";
    const dsl::SourceFile source("spans.rules", text);
    const dsl::ParseResult result = dsl::parse(source);
    ASSERT_TRUE(result.ok());
    const ast::RuleDecl& rule = result.file.rules.at(0);
    const auto spanText = [&](ast::SourceSpan span) {
        return text.substr(span.begin, span.end - span.begin);
    };
    EXPECT_EQ(spanText(rule.name.span), "hardware_code");
    EXPECT_EQ(spanText(rule.condition.span), "error_code in codes_x and not known y");
    EXPECT_EQ(spanText(rule.condition.memberships.at(0).span), "error_code in codes_x");
    EXPECT_EQ(spanText(rule.condition.memberships.at(0).group->span), "codes_x");
    EXPECT_EQ(spanText(rule.condition.knowns.at(0).span), "known y");
    EXPECT_EQ(spanText(rule.conclusions.at(0).span), "supports c 0.7");
    EXPECT_EQ(spanText(rule.conclusions.at(0).value.span), "0.7");
    EXPECT_EQ(spanText(rule.span), text.substr(0, text.size() - 1));
    for (const ast::ConditionNode& node : rule.condition.nodes) {
        EXPECT_LT(node.span.begin, node.span.end);
    }
}

TEST(ParserSpans, TestNameAndGiven) {
    const std::string text = "test \"t 1\"\n  given a = yes, b\n";
    const dsl::ParseResult result = dsl::parse(dsl::SourceFile("t.rules", text));
    ASSERT_TRUE(result.ok());
    const ast::TestDecl& test = result.file.tests.at(0);
    EXPECT_EQ(text.substr(test.nameSpan.begin, test.nameSpan.end - test.nameSpan.begin), "\"t 1\"");
    EXPECT_EQ(
        text.substr(test.given.at(0).span.begin, test.given.at(0).span.end - test.given.at(0).span.begin),
        "a = yes");
    // The bare form's implied value has an empty span right after the name.
    EXPECT_EQ(test.given.at(1).value.span.begin, test.given.at(1).value.span.end);
    EXPECT_EQ(test.given.at(1).value.span.begin, test.given.at(1).fact.span.end);
}

TEST(ParserTexts, ViewTheFileUnlessEscapedAndOutliveTheirFileAsACopy) {
    const dsl::SourceFile source("t.rules", "cause c\n  title\n    en \"plain\"\n    nl \"a \\\"b\\\" \\\\\"\n");
    ast::File copy;
    {
        dsl::ParseResult result = dsl::parse(source);
        ASSERT_TRUE(result.ok());
        const ast::Texts& title = result.file.causes.at(0).title;
        ASSERT_EQ(title.size(), 2u);
        EXPECT_EQ(title[0].text, "plain");
        // No escapes: a view of the file's own text, no copy.
        EXPECT_GE(title[0].text.data(), source.text().data());
        EXPECT_LE(title[0].text.data() + title[0].text.size(), source.text().data() + source.text().size());
        EXPECT_EQ(title[1].text, "a \"b\" \\");
        EXPECT_EQ(result.file.unescapedTexts.size(), 1u);
        copy = result.file;
    }  // the parsed File is gone; the copy's texts must still read
    EXPECT_EQ(copy.causes.at(0).title[1].text, "a \"b\" \\");
}

TEST(ParserComments, KeepTextPositionAndTrailingFlag) {
    const std::string text =
        "# head\nfact a: bool  # after code\n  question\n    en \"# inside a text\" #tail\n";
    const dsl::ParseResult result = dsl::parse(dsl::SourceFile("c.rules", text));
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result.file.comments.size(), 3u);
    EXPECT_EQ(result.file.comments[0].text, " head");
    EXPECT_FALSE(result.file.comments[0].trailing);
    EXPECT_EQ(result.file.comments[1].text, " after code");
    EXPECT_TRUE(result.file.comments[1].trailing);
    EXPECT_EQ(result.file.comments[2].text, "tail");
    EXPECT_TRUE(result.file.comments[2].trailing);
    EXPECT_EQ(text.substr(result.file.comments[1].span.begin, 12), "# after code");
}

TEST(ParserRecovery, ReportsEachBrokenDeclarationAndKeepsTheRest) {
    const std::string text =
        "fact a bool\nfact b: bool\nrule r when then set x\nrule s when b then set a\ncause\ntest \"t\"\n";
    const dsl::SourceFile source("r.rules", text);  // the tree's names view its text
    const dsl::ParseResult result = dsl::parse(source);
    ASSERT_EQ(result.diagnostics.size(), 3u);
    EXPECT_EQ(result.file.facts.size(), 1u);
    EXPECT_EQ(result.file.rules.size(), 1u);
    EXPECT_EQ(result.file.tests.size(), 1u);
    EXPECT_EQ(result.file.rules.at(0).name.name, "s");
}

}  // namespace
}  // namespace triage
