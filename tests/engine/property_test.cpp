// Properties over 200 random rule bases: order independence (exact), undo,
// the incremental state equals a full re-evaluation, and every question
// asked is one whose answer can change some rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "rule_base_generator.hpp"
#include "triage/engine/evaluation.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/session.hpp"
#include "triage/engine/truth.hpp"

namespace triage::engine::testing {
namespace {

constexpr int baseCount = 200;

struct Snapshot {
    std::vector<RankedCause> ranking;
    std::vector<RuleId> fired;
    std::vector<std::optional<Value>> values;
    std::vector<bool> asked;

    static Snapshot of(const Session& session) {
        Snapshot snapshot{session.ranking(), session.firedRules(), {}, {}};
        for (FactId fact = 0; fact < session.model().kb().facts.size(); ++fact) {
            snapshot.values.push_back(session.value(fact));
            snapshot.asked.push_back(session.wasAsked(fact));
        }
        return snapshot;
    }
};

void expectSame(const Snapshot& a, const Snapshot& b, const std::string& where) {
    ASSERT_EQ(a.ranking.size(), b.ranking.size()) << where;
    for (std::size_t i = 0; i < a.ranking.size(); ++i) {
        EXPECT_EQ(a.ranking[i].cause, b.ranking[i].cause) << where;
        EXPECT_EQ(a.ranking[i].score, b.ranking[i].score) << where;  // bit-identical, not approximately
    }
    EXPECT_EQ(a.fired, b.fired) << where;
    EXPECT_TRUE(a.values == b.values) << where;
    EXPECT_EQ(a.asked, b.asked) << where;
}

/// Re-derives everything from scratch and compares with the incremental state.
void expectFixpoint(const Session& session, const std::string& where) {
    const KnowledgeBase& kb = session.model().kb();
    const RuleIndex& index = session.model().index();
    std::vector<std::optional<Value>> values;
    for (FactId fact = 0; fact < kb.facts.size(); ++fact) values.push_back(session.value(fact));
    std::vector<RuleId> fired = session.firedRules();
    std::sort(fired.begin(), fired.end());
    for (RuleId rule = 0; rule < kb.rules.size(); ++rule) {
        const bool holds = evaluateCondition(kb.rules[rule].condition, values) == Truth::True;
        EXPECT_EQ(holds, std::binary_search(fired.begin(), fired.end(), rule)) << where << " rule " << kb.rules[rule].name;
    }
    for (FactId fact = 0; fact < kb.facts.size(); ++fact) {
        if (!index.isDerived(fact) || session.wasAsked(fact)) continue;
        std::optional<Value> expected;
        for (RuleId setter : index.setters[fact]) {
            if (!std::binary_search(fired.begin(), fired.end(), setter)) continue;
            for (const auto& conclusion : kb.rules[setter].conclusions)
                if (conclusion.kind == Conclusion::Kind::Sets && conclusion.fact == fact && !expected)
                    expected = conclusion.value;
        }
        EXPECT_TRUE(values[fact] == expected) << where << " derived " << kb.facts[fact].name;
    }
}

std::vector<Truth> allTruths(const Session& session) {
    std::vector<std::optional<Value>> values;
    for (FactId fact = 0; fact < session.model().kb().facts.size(); ++fact) values.push_back(session.value(fact));
    std::vector<Truth> truths;
    for (const Rule& rule : session.model().kb().rules) truths.push_back(evaluateCondition(rule.condition, values));
    return truths;
}

class RandomBases : public ::testing::Test {
protected:
    struct Base {
        std::shared_ptr<const Model> model;
        std::vector<std::pair<FactId, Value>> facts;  // a random ticket over observable facts
    };
    static Base makeBase(int seed) {
        std::mt19937 rng(static_cast<std::uint32_t>(seed));
        std::vector<ModelIssue> issues;
        Base base;
        base.model = Model::build(randomRuleBase(rng), issues);
        for (FactId fact : observableFacts(base.model->kb()))
            if (std::bernoulli_distribution(0.6)(rng))
                base.facts.emplace_back(fact, randomValue(base.model->kb(), fact, rng));
        return base;
    }
};

TEST_F(RandomBases, AnswerOrderDoesNotMatterAndStateIsAFixpoint) {
    for (int seed = 0; seed < baseCount; ++seed) {
        const Base base = makeBase(seed);
        ASSERT_NE(base.model, nullptr) << "seed " << seed;
        std::mt19937 rng(static_cast<std::uint32_t>(seed) + 1000);
        const Session atOnce(base.model, base.facts);
        expectFixpoint(atOnce, "seed " + std::to_string(seed));

        for (int order = 0; order < 3; ++order) {
            auto facts = base.facts;
            std::shuffle(facts.begin(), facts.end(), rng);
            Session oneByOne(base.model);
            for (const auto& [fact, value] : facts) {
                // A wrong first answer, corrected later, must leave no trace.
                if (std::bernoulli_distribution(0.2)(rng))
                    oneByOne.answer(fact, randomValue(base.model->kb(), fact, rng));
                oneByOne.answer(fact, value);
            }
            Snapshot expected = Snapshot::of(atOnce);
            Snapshot actual = Snapshot::of(oneByOne);
            actual.asked = expected.asked;  // answering marks facts asked; giving does not
            expectSame(expected, actual, "seed " + std::to_string(seed) + " order " + std::to_string(order));
            expectFixpoint(oneByOne, "seed " + std::to_string(seed));
        }
        const TicketResult batch = evaluate(base.model, base.facts, {100, 0, true});
        const auto ranking = atOnce.ranking();
        ASSERT_EQ(batch.ranking.size(), ranking.size());
        for (std::size_t i = 0; i < ranking.size(); ++i) EXPECT_EQ(batch.ranking[i].score, ranking[i].score);
    }
}

TEST_F(RandomBases, UndoRestoresEveryEarlierState) {
    for (int seed = 0; seed < baseCount; ++seed) {
        const Base base = makeBase(seed);
        std::mt19937 rng(static_cast<std::uint32_t>(seed) + 2000);
        Session session(base.model);
        std::vector<Snapshot> before;
        for (const auto& [fact, value] : base.facts) {
            before.push_back(Snapshot::of(session));
            if (std::bernoulli_distribution(0.15)(rng)) session.answer(fact, std::nullopt);
            else session.answer(fact, value);
        }
        for (std::size_t i = before.size(); i-- > 0;) {
            ASSERT_TRUE(session.undo());
            expectSame(before[i], Snapshot::of(session), "seed " + std::to_string(seed) + " undo " + std::to_string(i));
        }
        EXPECT_FALSE(session.undo());
    }
}

TEST_F(RandomBases, QuestionsAreCandidatesAndSessionsEnd) {
    int questionsChecked = 0;
    for (int seed = 0; seed < baseCount; ++seed) {
        const Base base = makeBase(seed);
        const KnowledgeBase& kb = base.model->kb();
        std::mt19937 rng(static_cast<std::uint32_t>(seed) + 3000);
        std::vector<std::pair<FactId, Value>> given;  // tickets give the non-askable facts
        for (const auto& fact : base.facts)
            if (!kb.facts[fact.first].askable) given.push_back(fact);
        Session session(base.model, given);
        std::size_t asked = 0;
        while (const auto question = session.nextQuestion()) {
            const FactId fact = question->fact;
            ASSERT_TRUE(kb.facts[fact].askable) << "seed " << seed;
            ASSERT_FALSE(session.value(fact).has_value()) << "seed " << seed;
            ASSERT_FALSE(session.wasAsked(fact)) << "seed " << seed;
            // Brute force: some answer changes some rule's truth.
            const std::vector<Truth> now = allTruths(session);
            bool changes = false;
            for (Value value : base.model->answerValues(fact)) {
                Session trial = session;
                trial.answer(fact, value);
                changes |= allTruths(trial) != now;
            }
            EXPECT_TRUE(changes) << "seed " << seed << ": question '" << kb.facts[fact].name << "' decides nothing";
            ++questionsChecked;
            if (std::bernoulli_distribution(0.1)(rng)) session.answer(fact, std::nullopt);
            else session.answer(fact, randomValue(kb, fact, rng));
            ASSERT_LE(++asked, kb.facts.size()) << "seed " << seed << ": the session does not end";
        }
    }
    EXPECT_GT(questionsChecked, baseCount);  // the property was exercised
}

}  // namespace
}  // namespace triage::engine::testing
