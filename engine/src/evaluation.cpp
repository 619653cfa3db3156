#include "triage/engine/evaluation.hpp"

#include <cstdio>

#include "one_pass_evaluation.hpp"

namespace triage::engine {

TicketResult evaluate(const std::shared_ptr<const Model>& model, const std::vector<std::pair<FactId, Value>>& facts,
                      const EvaluateOptions& options) {
    TicketResult result;
    if (options.helpful == 0) {
        // Batch threads call this for every ticket: keep one evaluation state
        // per thread (it holds the model it was built for, so the pointer
        // comparison cannot be fooled by a new model at a freed address).
        thread_local std::unique_ptr<OnePassEvaluation> reusable;
        if (!reusable || reusable->model() != model) reusable = std::make_unique<OnePassEvaluation>(model);
        reusable->evaluate(facts, options, result);
        return result;
    }
    const Session session(model, facts);
    result.ranking = session.ranking();
    if (result.ranking.size() > options.top) result.ranking.resize(options.top);
    result.conclusion = session.conclusion();
    if (options.wantFired) result.fired = session.firedRules();
    if (options.helpful > 0) result.helpful = session.usefulQuestions(options.helpful);
    return result;
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
