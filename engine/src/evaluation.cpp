#include "triage/engine/evaluation.hpp"

#include <cstdio>

#include "diagnosis_state.hpp"
#include "one_pass_evaluation.hpp"
#include "question_choice.hpp"

namespace triage::engine {

namespace {

/// The batch path's state after a ticket, as question choice reads it.
class OnePassState final : public DiagnosisState {
public:
    explicit OnePassState(const OnePassEvaluation& evaluation) : evaluation_(evaluation) {}
    FactValues values() const override { return evaluation_.values(); }
    bool isGiven(FactId fact) const override { return evaluation_.isGiven(fact); }
    bool wasAsked(FactId) const override { return false; }  // a ticket answers nothing
    std::span<const RuleId> firedRules() const override { return evaluation_.firedRules(); }
    const WorkingMemory* memory() const override { return nullptr; }
    bool scoresNow(std::vector<CauseScore>& out) const override {
        evaluation_.scoresNow(out);
        return true;
    }

private:
    const OnePassEvaluation& evaluation_;
};

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
    if (options.helpful == 0 || !derivedFacts) {
        reusable->evaluate(facts, options, result);
        // `ask`: the questions a session started from the ticket would rank
        // (docs/inference.md §4), on the one-pass state: without derived
        // facts, hypothetical answers need no chaining and so no Session.
        if (options.helpful > 0) {
            result.helpful = chooseQuestions(*model, OnePassState(*reusable), &reusable->conditionsForQuestions(),
                                             options.helpful, std::move(result.helpful), AnalysisUse::Ranking)
                                 .ranked;
        }
        return;
    }
    // Derived facts: answers are chained on a Session's working memory.
    const Session session(model, facts);
    result.ranking = session.ranking();
    if (result.ranking.size() > options.top) result.ranking.resize(options.top);
    result.conclusion = session.conclusion();
    if (result.conclusion && result.conclusion->runnersUp.size() + 1 > options.top)
        result.conclusion->runnersUp.resize(options.top > 0 ? options.top - 1 : 0);
    result.fired.clear();
    if (options.wantFired) result.fired = session.firedRules();
    result.helpful = session.usefulQuestions(options.helpful);
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
