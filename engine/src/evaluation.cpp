#include "triage/engine/evaluation.hpp"

#include <algorithm>
#include <cstdio>

#include "compiled_rules.hpp"
#include "diagnosis_state.hpp"
#include "helpful_facts.hpp"
#include "one_pass_evaluation.hpp"
#include "question_choice.hpp"

namespace triage::engine {

namespace {

/// The ranking and the conclusion's runners-up cut to what the caller shows.
void cut(TicketResult& result, std::size_t top) {
    if (result.ranking.size() > top) result.ranking.resize(top);
    if (result.conclusion && result.conclusion->runnersUp.size() + 1 > top)
        result.conclusion->runnersUp.resize(top > 0 ? top - 1 : 0);
}

/// Derived facts: answers are chained on a Session's working memory.
void evaluateInSession(const std::shared_ptr<const Model>& model, const std::vector<std::pair<FactId, Value>>& facts,
                       const EvaluateOptions& options, TicketResult& result) {
    const Session session(model, facts);
    result.ranking = session.ranking();
    result.conclusion = session.conclusion();
    result.fired.clear();
    if (options.wantFired) result.fired = session.firedRules();
    result.helpful = session.helpfulFacts(options.helpful);
    result.nextQuestions.clear();
    if (options.nextQuestions > 0) result.nextQuestions = session.usefulQuestions(options.nextQuestions);
    cut(result, options.top);
}

bool setsFacts(const KnowledgeBase& kb) {
    for (const Rule& rule : kb.rules)
        for (const auto& conclusion : rule.conclusions)
            if (conclusion.kind == Conclusion::Kind::Sets) return true;
    return false;
}

}  // namespace

TicketResult evaluate(const std::shared_ptr<const Model>& model, const std::vector<std::pair<FactId, Value>>& facts,
                      const EvaluateOptions& options) {
    TicketResult result;
    evaluate(model, facts, options, result);
    return result;
}

void evaluate(const std::shared_ptr<const Model>& model, const std::vector<std::pair<FactId, Value>>& facts,
              const EvaluateOptions& options, TicketResult& result) {
    // Batch threads call this for every ticket: keep one evaluation state
    // per thread (it holds the model it was built for, so the pointer
    // comparison cannot be fooled by a new model at a freed address).
    thread_local std::unique_ptr<OnePassEvaluation> reusable;
    thread_local bool derivedFacts = false;
    if (!reusable || reusable->model() != model) {
        reusable = std::make_unique<OnePassEvaluation>(model);
        derivedFacts = setsFacts(model->kb());
    }
    if (derivedFacts && (options.helpful > 0 || options.nextQuestions > 0)) {
        evaluateInSession(model, facts, options, result);
        return;
    }
    // `ask` reads the causes in contention, which may be more than are shown.
    EvaluateOptions wider = options;
    if (options.helpful > 0) wider.top = std::max(options.top, causesInContention);
    reusable->evaluate(facts, wider, result);
    if (options.helpful > 0) {
        chooseHelpfulFacts(*model, *reusable, result.ranking, options.helpful, result.helpful);
        cut(result, options.top);
    }
    // Without derived facts, answers are tried on the one-pass state: no Session.
    if (options.nextQuestions > 0)
        result.nextQuestions = chooseQuestions(*model, OnePassState(*reusable), &reusable->conditionsForQuestions(),
                                               options.nextQuestions, std::move(result.nextQuestions),
                                               AnalysisUse::Ranking)
                                   .ranked;
}

namespace {

std::string scoreText(double score) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", score);
    return buffer;
}

}  // namespace

std::vector<TestFailure> runTest(const std::shared_ptr<const Model>& model, const RuleTest& test) {
    const KnowledgeBase& kb = model->kb();
    const Session session(model, test.given);
    const std::vector<RankedCause> ranked = session.ranking();
    std::vector<TestFailure> failures;
    auto topText = [&]() {
        return ranked.empty() ? std::string("got no cause")
                              : "got '" + kb.causes[ranked.front().cause].name + "' (" + scoreText(ranked.front().score) + ")";
    };
    for (const auto& expectation : test.expectations) {
        using Kind = RuleTest::Expectation::Kind;
        switch (expectation.kind) {
            case Kind::TopCause:
                if (ranked.empty() || ranked.front().cause != expectation.target)
                    failures.push_back({expectation.origin,
                                        "expected top cause '" + kb.causes[expectation.target].name + "', " + topText()});
                break;
            case Kind::NotTopCause:
                if (!ranked.empty() && ranked.front().cause == expectation.target)
                    failures.push_back({expectation.origin, "expected another top cause than '" +
                                                                    kb.causes[expectation.target].name + "', " + topText()});
                break;
            case Kind::NextQuestion: {
                const auto question = session.nextQuestion();
                if (!question || question->fact != expectation.target)
                    failures.push_back({expectation.origin,
                                        "expected question '" + kb.facts[expectation.target].name + "', " +
                                                (question ? "got '" + kb.facts[question->fact].name + "'"
                                                          : std::string("got none"))});
                break;
            }
            case Kind::NoQuestion: {
                const auto question = session.nextQuestion();
                if (question)
                    failures.push_back({expectation.origin,
                                        "expected no question, got '" + kb.facts[question->fact].name + "'"});
                break;
            }
        }
    }
    return failures;
}

}  // namespace triage::engine
