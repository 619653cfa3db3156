// Batch `ask` (Session::helpfulFacts, TicketResult::helpful): the facts whose
// answers would most move the contenders' scores. Worked examples, then
// properties on random rule bases: what may be listed, the batch path equal
// to a Session's, and independence from the order facts come in.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "knowledge_base_builder.hpp"
#include "rule_base_generator.hpp"
#include "triage/engine/evaluation.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/session.hpp"
#include "triage/engine/truth.hpp"

namespace triage::engine::testing {
namespace {

const Value yes = Value::boolean(true);
const Value no = Value::boolean(false);

// combineEvidence without exclusions: prior + belief * (1 - prior).
double supported(double prior, double belief) { return prior + belief * (1.0 - prior); }

TEST(HelpfulFacts, StakeIsTheScoreMoveSharedAmongTheFactsStillNeededPerCost) {
    KnowledgeBaseBuilder builder;
    const FactId code = builder.fact("code", FactType::Code, true);
    const FactId alone = builder.boolFact("alone");
    const FactId pairA = builder.boolFact("pair_a");
    const FactId pairB = builder.boolFact("pair_b", true, 2.0);
    const FactId quiet = builder.boolFact("quiet");
    const CauseId top = builder.cause("top", 0.1);
    const CauseId second = builder.cause("second", 0.1);
    const CauseId third = builder.cause("third", 0.1);
    const CauseId outside = builder.cause("outside", 0.1);
    builder.rule("top_code", eq(code, Value::code(1)), {supports(top, 0.8)});
    builder.rule("second_code", eq(code, Value::code(1)), {supports(second, 0.5)});
    builder.rule("third_code", eq(code, Value::code(1)), {supports(third, 0.2)});
    builder.rule("top_alone", eq(code, Value::code(1)) && is(alone), {supports(top, 0.5)});
    builder.rule("second_pair", is(pairA) && !is(pairB), {supports(second, 0.6)});
    builder.rule("third_quiet", is(quiet), {supports(third, 0.9)});   // not a contender's: never weighed
    builder.rule("other_code", eq(code, Value::code(2)) && is(quiet), {supports(top, 0.9)});  // False
    builder.rule("outside_quiet", is(quiet), {supports(outside, 0.9)});
    const auto model = builder.model();

    const Session session(model, {{code, Value::code(1)}});
    const std::vector<HelpfulFact> helpful = session.helpfulFacts(5);
    // top_alone: top from 0.1 + 0.8 * 0.9 to 0.1 + (1 - 0.2 * 0.5) * 0.9, one fact needed.
    const double aloneStake = supported(0.1, 1 - 0.2 * 0.5) - supported(0.1, 0.8);
    // second_pair: second from 0.1 + 0.5 * 0.9 to 0.1 + 0.8 * 0.9, shared by two facts; pair_b costs 2.
    const double pairStake = (supported(0.1, 1 - 0.5 * 0.4) - supported(0.1, 0.5)) / 2;
    ASSERT_EQ(helpful.size(), 3u);
    EXPECT_EQ(helpful[0].fact, pairA);
    EXPECT_NEAR(helpful[0].stake, pairStake, 1e-12);
    EXPECT_EQ(helpful[1].fact, alone);
    EXPECT_NEAR(helpful[1].stake, aloneStake, 1e-12);
    EXPECT_EQ(helpful[2].fact, pairB);
    EXPECT_NEAR(helpful[2].stake, pairStake / 2, 1e-12);
    // `quiet` is needed only by rules about a third cause, one that is not
    // ranked (outside), and one its code rules out: none is weighed.
    for (const HelpfulFact& fact : helpful) EXPECT_NE(fact.fact, quiet);

    // The batch path gives the same, and `--top 1` does not change it.
    EvaluateOptions options;
    options.top = 1;
    options.helpful = 5;
    const TicketResult batch = evaluate(model, {{code, Value::code(1)}}, options);
    ASSERT_EQ(batch.helpful.size(), helpful.size());
    for (std::size_t i = 0; i < helpful.size(); ++i) {
        EXPECT_EQ(batch.helpful[i].fact, helpful[i].fact);
        EXPECT_EQ(batch.helpful[i].stake, helpful[i].stake);
    }
    EXPECT_EQ(batch.ranking.size(), 1u);
    options.helpful = 2;
    EXPECT_EQ(evaluate(model, {{code, Value::code(1)}}, options).helpful.size(), 2u);
}

TEST(HelpfulFacts, ExclusionsCountAndAnsweredFactsAreNotListed) {
    KnowledgeBaseBuilder builder;
    const FactId a = builder.boolFact("a");
    const FactId b = builder.boolFact("b");
    const CauseId top = builder.cause("top", 0.2);
    const CauseId runnerUp = builder.cause("runner_up", 0.2);
    builder.rule("top_a", is(a), {supports(top, 0.9)});
    builder.rule("runner_up_a", is(a), {supports(runnerUp, 0.5)});
    builder.rule("rule_out", is(b), {excludes(runnerUp, 0.8)});
    const auto model = builder.model();
    Session session(model, {{a, yes}});
    std::vector<HelpfulFact> helpful = session.helpfulFacts(3);
    ASSERT_EQ(helpful.size(), 1u);
    EXPECT_EQ(helpful[0].fact, b);
    EXPECT_GT(helpful[0].stake, 0.0);
    session.answer(b, std::nullopt);  // "unknown": never asked again, never listed
    EXPECT_TRUE(session.helpfulFacts(3).empty());
}

TEST(HelpfulFacts, WithoutAContenderTheRulesTheValuesPointTo) {
    KnowledgeBaseBuilder builder;
    const FactId code = builder.fact("code", FactType::Code, true);
    const FactId flag = builder.boolFact("flag");
    const FactId other = builder.boolFact("other");
    const FactId free = builder.boolFact("free");
    const CauseId cause = builder.cause("cause", 0.1);
    builder.rule("code_flag", eq(code, Value::code(7)) && is(flag), {supports(cause, 0.9)});
    builder.rule("other_code", is(other) && eq(code, Value::code(9)), {supports(cause, 0.4)});
    builder.rule("unguarded", !is(free) || is(other), {supports(cause, 0.2)});
    const auto model = builder.model();
    // Code 7 points to code_flag, which needs `flag`; code 9's rule is False;
    // the rule without a guard needs `free` and `other` (either would do).
    std::vector<HelpfulFact> helpful = Session(model, {{code, Value::code(7)}}).helpfulFacts(3);
    ASSERT_EQ(helpful.size(), 3u);
    EXPECT_EQ(helpful[0].fact, flag);
    EXPECT_NEAR(helpful[0].stake, 0.81, 1e-12);
    EXPECT_EQ(helpful[1].fact, other);
    EXPECT_NEAR(helpful[1].stake, 0.18 / 2, 1e-12);
    EXPECT_EQ(helpful[2].fact, free);
    // Nothing known: no value points to a guarded rule. Not every rule is
    // weighed (that would cost a pass over the rule base): only `unguarded`.
    helpful = Session(model).helpfulFacts(3);
    ASSERT_EQ(helpful.size(), 2u);
    EXPECT_EQ(helpful[0].fact, other);
    EXPECT_EQ(helpful[1].fact, free);
}

TEST(HelpfulFacts, PropertiesOnRandomRuleBases) {
    int listed = 0, onePassCompared = 0;
    for (std::uint32_t seed = 0; seed < 400; ++seed) {
        std::mt19937 rng(seed + 7000);
        std::vector<ModelIssue> issues;
        const std::shared_ptr<const Model> model = Model::build(randomRuleBase(rng), issues);
        if (!model) continue;
        const KnowledgeBase& kb = model->kb();
        std::vector<std::pair<FactId, Value>> facts;
        for (FactId fact : observableFacts(kb))
            if (std::bernoulli_distribution(0.5)(rng)) facts.emplace_back(fact, randomValue(kb, fact, rng));
        const Session session(model, facts);
        const std::vector<HelpfulFact> helpful = session.helpfulFacts(4);
        ASSERT_LE(helpful.size(), 4u);
        const std::vector<RankedCause> ranking = session.ranking();
        std::vector<std::optional<Value>> values(kb.facts.size());
        for (FactId fact = 0; fact < kb.facts.size(); ++fact) values[fact] = session.value(fact);
        for (std::size_t i = 0; i < helpful.size(); ++i) {
            const FactId fact = helpful[i].fact;
            EXPECT_TRUE(kb.facts[fact].askable) << "seed " << seed;
            EXPECT_FALSE(session.value(fact).has_value()) << "seed " << seed;
            EXPECT_GT(helpful[i].stake, 0.0) << "seed " << seed;
            if (i > 0) {
                EXPECT_TRUE(helpful[i - 1].stake > helpful[i].stake ||
                            (helpful[i - 1].stake == helpful[i].stake && helpful[i - 1].fact < fact))
                    << "seed " << seed;
            }
            if (ranking.empty()) continue;
            // Read by an undecided rule about one of the first two causes.
            bool found = false;
            for (std::size_t c = 0; c < std::min<std::size_t>(2, ranking.size()) && !found; ++c)
                for (RuleId rule : model->rulesConcluding(ranking[c].cause)) {
                    const Condition& condition = kb.rules[rule].condition;
                    const std::vector<FactId> read = factsRead(condition);
                    if (evaluateCondition(condition, values) == Truth::Unknown &&
                        std::find(read.begin(), read.end(), fact) != read.end())
                        found = true;
                }
            EXPECT_TRUE(found) << "seed " << seed << " fact " << kb.facts[fact].name;
        }
        listed += helpful.empty() ? 0 : 1;

        // The batch path (one pass reading bit tests, or a Session when the
        // base derives facts) lists the same, bit for bit.
        bool derived = false;
        for (FactId f = 0; f < kb.facts.size(); ++f) derived = derived || model->index().isDerived(f);
        onePassCompared += derived || helpful.empty() ? 0 : 1;
        EvaluateOptions options;
        options.helpful = 4;
        const TicketResult batch = evaluate(model, facts, options);
        ASSERT_EQ(batch.helpful.size(), helpful.size()) << "seed " << seed;
        for (std::size_t i = 0; i < helpful.size(); ++i) {
            EXPECT_EQ(batch.helpful[i].fact, helpful[i].fact) << "seed " << seed;
            EXPECT_EQ(batch.helpful[i].stake, helpful[i].stake) << "seed " << seed;
        }

        // The same facts in another order: the same list.
        std::vector<std::pair<FactId, Value>> shuffled = facts;
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        const TicketResult again = evaluate(model, shuffled, options);
        ASSERT_EQ(again.helpful.size(), batch.helpful.size()) << "seed " << seed;
        for (std::size_t i = 0; i < again.helpful.size(); ++i) {
            EXPECT_EQ(again.helpful[i].fact, batch.helpful[i].fact) << "seed " << seed;
            EXPECT_EQ(again.helpful[i].stake, batch.helpful[i].stake) << "seed " << seed;
        }
    }
    EXPECT_GT(listed, 100);  // the properties were tried on lists, not on empty ones
    EXPECT_GT(onePassCompared, 40);
}

}  // namespace
}  // namespace triage::engine::testing
