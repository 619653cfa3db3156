// Question choice: candidates, information gain per cost, stop policy.
#include <gtest/gtest.h>

#include "knowledge_base_builder.hpp"
#include "triage/engine/session.hpp"

namespace triage::engine::testing {
namespace {

const Value yes = Value::boolean(true);
const Value no = Value::boolean(false);

TEST(QuestionTest, AsksTheDecisiveFactNotTheFirstDeclared) {
    KnowledgeBaseBuilder builder;
    const FactId weak = builder.boolFact("weak");
    const FactId decisive = builder.boolFact("decisive");
    const CauseId a = builder.cause("a", 0.2);
    const CauseId b = builder.cause("b", 0.2);
    builder.rule("weak_a", is(weak), {supports(a, 0.1)});
    builder.rule("for_a", is(decisive), {supports(a, 0.9)});
    builder.rule("for_b", !is(decisive), {supports(b, 0.9)});
    Session session(builder.model());
    const auto question = session.nextQuestion();
    ASSERT_TRUE(question.has_value());
    EXPECT_EQ(question->fact, decisive);
    EXPECT_GT(question->expectedGain, 0.0);
    const auto useful = session.usefulQuestions(5);
    ASSERT_EQ(useful.size(), 2u);
    EXPECT_EQ(useful[0].fact, decisive);
    EXPECT_EQ(useful[1].fact, weak);
    EXPECT_GT(useful[0].expectedGain, useful[1].expectedGain);
}

TEST(QuestionTest, GainIsDividedByCost) {
    KnowledgeBaseBuilder builder;
    const FactId costly = builder.boolFact("costly", true, 4.0);
    const FactId cheap = builder.boolFact("cheap", true, 1.0);
    const CauseId a = builder.cause("a", 0.2);
    const CauseId b = builder.cause("b", 0.2);
    builder.rule("costly_a", is(costly), {supports(a, 0.9)});
    builder.rule("costly_b", !is(costly), {supports(b, 0.9)});
    builder.rule("cheap_a", is(cheap), {supports(a, 0.7)});
    builder.rule("cheap_b", !is(cheap), {supports(b, 0.7)});
    Session session(builder.model());
    ASSERT_TRUE(session.nextQuestion().has_value());
    EXPECT_EQ(session.nextQuestion()->fact, cheap);
}

TEST(QuestionTest, OnlyAskableUnknownFactsThatLeadToALiveRule) {
    KnowledgeBaseBuilder builder;
    const FactId given = builder.boolFact("given_only", false);
    const FactId gate = builder.boolFact("gate");
    const FactId behindFalse = builder.boolFact("behind_false");
    const FactId deadEnd = builder.boolFact("dead_end");
    const FactId useful = builder.boolFact("useful");
    const FactId unused = builder.boolFact("unused_derived", false);
    const CauseId c = builder.cause("c", 0.2);
    const CauseId d = builder.cause("d", 0.2);
    builder.rule("given", is(given), {supports(c, 0.5)});
    builder.rule("gated", is(gate) && is(behindFalse), {supports(c, 0.5)});
    builder.rule("nowhere", is(deadEnd), {sets(unused)});
    builder.rule("useful_c", is(useful), {supports(c, 0.6)});
    builder.rule("useful_d", !is(useful), {supports(d, 0.6)});
    Session session(builder.model(), {{gate, no}});
    std::vector<FactId> asked;
    for (const Question& q : session.usefulQuestions(10)) asked.push_back(q.fact);
    EXPECT_EQ(asked, std::vector<FactId>{useful});
}

TEST(QuestionTest, KeepsAskingWhenEvidenceNeedsTwoAnswers) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId b = builder.boolFact("b");
    const CauseId c = builder.cause("c", 0.2);
    builder.rule("both", is(a) && is(b), {supports(c, 0.9)});
    Session session(builder.model());
    const auto first = session.nextQuestion();
    ASSERT_TRUE(first.has_value());
    session.answer(first->fact, yes);
    const auto second = session.nextQuestion();
    ASSERT_TRUE(second.has_value());
    EXPECT_NE(second->fact, first->fact);
    session.answer(second->fact, yes);
    EXPECT_FALSE(session.nextQuestion().has_value());
    EXPECT_TRUE(session.conclusion()->confident);
}

TEST(QuestionTest, StopsWhenConfident) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId more = builder.boolFact("more");
    const CauseId c = builder.cause("c", 0.2);
    const CauseId d = builder.cause("d", 0.2);
    builder.rule("strong", is(a), {supports(c, 0.9)});
    builder.rule("more_d", is(more), {supports(d, 0.3)});
    const auto model = builder.model();
    Session session(model, {{a, yes}});
    EXPECT_FALSE(session.nextQuestion().has_value());  // 0.92 with nothing near it
    EXPECT_TRUE(session.conclusion()->confident);
}

TEST(QuestionTest, StopsNotConfidentWhenNoAnswerCanChangeTheTop) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId minor = builder.boolFact("minor");
    const CauseId c = builder.cause("c", 0.3);
    const CauseId d = builder.cause("d", 0.05);
    builder.rule("medium", is(a), {supports(c, 0.5)});
    builder.rule("minor_d", is(minor), {supports(d, 0.2)});  // can reach 0.24 at most, c has 0.65
    Session session(builder.model(), {{a, yes}});
    EXPECT_FALSE(session.nextQuestion().has_value());
    ASSERT_TRUE(session.conclusion().has_value());
    EXPECT_FALSE(session.conclusion()->confident);
}

/// `prefix` and `i`, built by appending: GCC 12 warns falsely (-Wrestrict) on "f" + std::to_string(i).
std::string numbered(const char* prefix, int i) {
    std::string name = prefix;
    name += std::to_string(i);
    return name;
}

TEST(QuestionTest, UnknownAnswersDoNotStall) {
    KnowledgeBaseBuilder builder;
    std::vector<FactId> facts;
    for (int i = 0; i < 5; ++i) facts.push_back(builder.boolFact(numbered("f", i)));
    const CauseId a = builder.cause("a", 0.2);
    const CauseId b = builder.cause("b", 0.2);
    for (int i = 0; i < 5; ++i) {
        builder.rule(numbered("a", i), is(facts[i]), {supports(a, 0.3 + 0.1 * i)});
        builder.rule(numbered("b", i), !is(facts[i]), {supports(b, 0.3 + 0.1 * i)});
    }
    Session session(builder.model());
    std::vector<FactId> asked;
    while (auto question = session.nextQuestion()) {
        ASSERT_FALSE(session.wasAsked(question->fact));
        asked.push_back(question->fact);
        session.answer(question->fact, std::nullopt);
        ASSERT_LE(asked.size(), facts.size());
    }
    EXPECT_EQ(asked.size(), facts.size());
    EXPECT_EQ(asked.front(), facts[4]);  // the strongest rules first
}

TEST(QuestionTest, CodeFactIsAskedWhenItDecides) {
    KnowledgeBaseBuilder builder;
    const FactId flag = builder.boolFact("flag");
    const FactId code = builder.fact("error_code", FactType::Code);
    const CauseId a = builder.cause("a", 0.2);
    const CauseId b = builder.cause("b", 0.2);
    const CauseId c = builder.cause("c", 0.2);
    builder.rule("flag_a", is(flag), {supports(a, 0.2)});
    builder.rule("code_a", eq(code, Value::code(0xC004F211)), {supports(a, 0.9)});
    builder.rule("code_b", eq(code, Value::code(0xC004F213)), {supports(b, 0.9)});
    builder.rule("code_c", in(code, {Value::code(0xC004C060), Value::code(0xC004C003)}, "group"),
                 {supports(c, 0.9)});
    const auto model = builder.model();
    EXPECT_EQ(model->answerValues(code).size(), 5u);  // four tested codes and one other
    Session session(model);
    ASSERT_TRUE(session.nextQuestion().has_value());
    EXPECT_EQ(session.nextQuestion()->fact, code);
}

}  // namespace
}  // namespace triage::engine::testing
