// The question chooser against a brute-force reference of docs/inference.md
// §4 on random rule bases: every analysis is redone from scratch with whole
// Session copies per simulated answer and direct entropy sums, and the
// chosen question, the ranking (order and gains) and the stop decision must
// agree. Guards the incremental, stamped implementation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

#include "rule_base_generator.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/scoring.hpp"
#include "triage/engine/session.hpp"
#include "triage/engine/truth.hpp"

namespace triage::engine::testing {
namespace {

struct Reference {
    std::vector<Question> ranked;
    bool topCanChange = false;
};

bool isKnowledgeTest(const Atom& atom) { return atom.op == Atom::Op::Known || atom.op == Atom::Op::Unknown; }

double scoreIn(const std::vector<CauseScore>& scores, const KnowledgeBase& kb, CauseId cause) {
    for (const CauseScore& score : scores)
        if (score.cause == cause) return score.score;
    return kb.causes[cause].prior;
}

std::optional<CauseId> topOf(const std::vector<CauseScore>& scores) {
    std::optional<CauseId> top;
    double best = -1;
    for (const CauseScore& score : scores)
        if (score.supported && score.score > best) best = score.score, top = score.cause;
    return top;
}

double entropy(const std::vector<double>& weights) {
    double total = 0, bits = 0;
    for (double w : weights) total += w;
    if (total <= 0) return 0;
    for (double w : weights)
        if (w > 0) bits -= (w / total) * std::log2(w / total);
    return bits;
}

/// One analysis as the documentation states it; `given[f]`: f was given or answered.
Reference analyse(const Session& session, const std::vector<bool>& given, bool focused) {
    const Model& model = session.model();
    const KnowledgeBase& kb = model.kb();
    const RuleIndex& index = model.index();
    std::vector<std::optional<Value>> values;
    for (FactId f = 0; f < kb.facts.size(); ++f) values.push_back(session.value(f));
    std::vector<RuleId> firedNow = session.firedRules();
    std::sort(firedNow.begin(), firedNow.end());
    auto fired = [&](RuleId r) { return std::binary_search(firedNow.begin(), firedNow.end(), r); };
    auto truth = [&](RuleId r) { return fired(r) ? Truth::True : evaluateCondition(kb.rules[r].condition, values); };
    auto inScope = [&](RuleId r) {
        if (fired(r)) return true;
        const auto& guard = index.guards[r];
        if (!guard) return !focused;
        const auto& value = values[guard->fact];
        if (focused || (value && given[guard->fact])) return value && *value == guard->value;
        return true;
    };
    auto atStake = [&](RuleId r, FactId f) {
        const Truth now = truth(r);
        if (now == Truth::Unknown) return true;
        bool tests = false;
        for (const Atom& atom : kb.rules[r].condition.atoms) tests |= atom.fact == f && isKnowledgeTest(atom);
        if (!tests || values[f]) return false;
        for (Value v : model.answerValues(f)) {
            auto trial = values;
            trial[f] = v;
            if (evaluateCondition(kb.rules[r].condition, trial) != now) return true;
        }
        return false;
    };
    std::function<bool(RuleId)> leads = [&](RuleId r) {
        for (const auto& conclusion : kb.rules[r].conclusions) {
            if (conclusion.kind != Conclusion::Kind::Sets) return true;
            const FactId d = conclusion.fact;
            if (given[d]) continue;
            for (RuleId reader : index.readers[d]) {
                bool tests = false;
                for (const Atom& atom : kb.rules[reader].condition.atoms) tests |= atom.fact == d && isKnowledgeTest(atom);
                if ((truth(reader) == Truth::Unknown || values[d] || tests) && leads(reader)) return true;
            }
        }
        return false;
    };
    std::vector<FactId> candidates;
    for (FactId f = 0; f < kb.facts.size(); ++f) {
        if (!kb.facts[f].askable || values[f] || session.wasAsked(f)) continue;
        for (RuleId r : index.readers[f])
            if (inScope(r) && atStake(r, f) && leads(r)) {
                candidates.push_back(f);
                break;
            }
    }
    Reference result;
    if (candidates.empty()) return result;

    const auto scoresNow = scoreCauses(kb, firedNow);
    std::vector<CauseId> live;
    for (CauseId c = 0; c < kb.causes.size(); ++c) {
        bool isLive = false;
        for (const CauseScore& s : scoresNow) isLive |= s.cause == c && s.supported;
        for (RuleId r : model.rulesSupporting(c)) {
            if (!inScope(r)) continue;
            bool flips = false;
            for (const Atom& atom : kb.rules[r].condition.atoms) flips |= isKnowledgeTest(atom) && !values[atom.fact];
            isLive |= truth(r) != Truth::False || flips;
        }
        if (isLive) live.push_back(c);
    }
    std::vector<double> before;
    for (CauseId c : live) before.push_back(scoreIn(scoresNow, kb, c));
    double total = 0;
    for (double s : before) total += s;
    for (double& p : before) p = total > 0 ? p / total : 0;
    const double entropyNow = entropy(before);
    const auto topNow = topOf(scoresNow);

    struct Scored { Question question; double stake; };
    std::vector<Scored> scored;
    for (FactId f : candidates) {
        double weightTotal = 0, weighted = 0;
        for (Value v : model.answerValues(f)) {
            Session trial = session;
            trial.answer(f, v);
            std::vector<RuleId> after = trial.firedRules();
            std::sort(after.begin(), after.end());
            std::vector<RuleId> restricted;  // rules out of scope keep their state
            for (RuleId r = 0; r < kb.rules.size(); ++r)
                if (inScope(r) ? std::binary_search(after.begin(), after.end(), r) : fired(r)) restricted.push_back(r);
            const auto scoresAfter = scoreCauses(kb, restricted);
            result.topCanChange |= topOf(scoresAfter) != topNow;
            std::vector<double> afterLive;
            double weight = 0;
            for (std::size_t i = 0; i < live.size(); ++i) {
                afterLive.push_back(scoreIn(scoresAfter, kb, live[i]));
                weight += before[i] * afterLive.back();
            }
            weightTotal += weight;
            weighted += weight * entropy(afterLive);
        }
        const double gain = std::max(0.0, entropyNow - (weightTotal > 0 ? weighted / weightTotal : entropyNow));
        double stake = 0;
        for (RuleId r : index.readers[f]) {
            if (!inScope(r) || !atStake(r, f) || !leads(r)) continue;
            double weight = 0.5;
            for (const auto& c : kb.rules[r].conclusions)
                if (c.kind != Conclusion::Kind::Sets) weight = std::max(weight, c.certainty);
            std::vector<FactId> unknownFacts;
            for (const Atom& atom : kb.rules[r].condition.atoms)
                if (!values[atom.fact]) unknownFacts.push_back(atom.fact);
            std::sort(unknownFacts.begin(), unknownFacts.end());
            const auto distinct = std::unique(unknownFacts.begin(), unknownFacts.end()) - unknownFacts.begin();
            stake = std::max(stake, weight / double(std::max<std::ptrdiff_t>(distinct, 1)));
        }
        const double cost = kb.facts[f].cost > 0 ? kb.facts[f].cost : 1.0;
        scored.push_back({{f, gain / cost}, stake / cost});
    }
    if (!result.topCanChange && topNow) {
        auto bound = [&](CauseId cause, bool optimistic) {
            double keepSupport = 1, keepExclusion = 1;
            for (RuleId r : model.rulesConcluding(cause)) {
                if (!inScope(r) || truth(r) == Truth::False) continue;
                for (const auto& c : kb.rules[r].conclusions) {
                    if (c.cause != cause || c.kind == Conclusion::Kind::Sets) continue;
                    const bool supports = c.kind == Conclusion::Kind::Supports;
                    if (truth(r) == Truth::Unknown && supports != optimistic) continue;
                    (supports ? keepSupport : keepExclusion) *= 1 - c.certainty;
                }
            }
            return combineEvidence(kb.causes[cause].prior, 1 - keepSupport, 1 - keepExclusion);
        };
        const double topLow = bound(*topNow, false);
        for (CauseId c : live)
            if (c != *topNow && (bound(c, true) > topLow || (bound(c, true) == topLow && c < *topNow)))
                result.topCanChange = true;
    } else if (!topNow) {
        result.topCanChange = result.topCanChange || !live.empty();
    }
    auto key = [](double x) { return std::round(x / 1e-9); };
    std::stable_sort(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
        if (key(a.question.expectedGain) != key(b.question.expectedGain))
            return key(a.question.expectedGain) > key(b.question.expectedGain);
        return key(a.stake) > key(b.stake);
    });
    for (const Scored& s : scored) result.ranked.push_back(s.question);
    return result;
}

Reference choose(const Session& session, const std::vector<bool>& given) {
    Reference focused = analyse(session, given, true);
    if (!focused.ranked.empty() && focused.topCanChange) return focused;
    return analyse(session, given, false);
}

TEST(QuestionReference, ChooserAgreesWithTheBruteForceReference) {
    int analyses = 0, questions = 0;
    for (int seed = 0; seed < 150; ++seed) {
        std::mt19937 rng(static_cast<std::uint32_t>(seed) + 9100);
        std::vector<ModelIssue> issues;
        const auto model = Model::build(randomRuleBase(rng), issues);
        ASSERT_NE(model, nullptr);
        const KnowledgeBase& kb = model->kb();
        std::vector<bool> given(kb.facts.size(), false);
        std::vector<std::pair<FactId, Value>> ticket;
        for (FactId f : observableFacts(kb))
            if (!kb.facts[f].askable || std::bernoulli_distribution(0.2)(rng)) {
                ticket.emplace_back(f, randomValue(kb, f, rng));
                given[f] = true;
            }
        Session session(model, ticket);
        for (int step = 0; step < 12; ++step) {
            const Reference expected = choose(session, given);
            const auto useful = session.usefulQuestions(kb.facts.size());
            const std::string where = "seed " + std::to_string(seed) + " step " + std::to_string(step);
            ASSERT_EQ(useful.size(), expected.ranked.size()) << where;
            for (std::size_t i = 0; i < useful.size(); ++i) {
                EXPECT_EQ(useful[i].fact, expected.ranked[i].fact) << where << " rank " << i;
                EXPECT_NEAR(useful[i].expectedGain, expected.ranked[i].expectedGain, 1e-9) << where;
            }
            ++analyses;
            const auto question = session.nextQuestion();
            const auto ranking = session.ranking();
            const bool confident = ranking.size() > 0 && ranking[0].score >= model->stopPolicy.confidentScore &&
                                   ranking[0].score - (ranking.size() > 1 ? ranking[1].score : 0.0) >=
                                           model->stopPolicy.confidentMargin;
            const bool expectQuestion = !confident && !expected.ranked.empty() && expected.topCanChange;
            ASSERT_EQ(question.has_value(), expectQuestion) << where;
            if (!question) break;
            EXPECT_EQ(question->fact, expected.ranked.front().fact) << where;
            ++questions;
            const FactId fact = question->fact;
            if (std::bernoulli_distribution(0.1)(rng)) {
                session.answer(fact, std::nullopt);
            } else {
                session.answer(fact, randomValue(kb, fact, rng));
                given[fact] = true;
            }
        }
    }
    EXPECT_GT(questions, 150);
    EXPECT_GT(analyses, 300);
}

}  // namespace
}  // namespace triage::engine::testing
