// Engine benchmarks on generated rule bases of 1,000 to 100,000 rules: one
// answer must cost the same whatever the size (the rule index at work);
// question choice and one batch ticket show the rest of a session's costs.
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "rule_base_generator.hpp"
#include "triage/engine/evaluation.hpp"
#include "triage/engine/session.hpp"

namespace {

using namespace triage::engine;

std::shared_ptr<const Model> modelOfSize(std::size_t rules) {
    static std::map<std::size_t, std::shared_ptr<const Model>> models;  // built once per size
    auto& model = models[rules];
    if (!model) {
        std::vector<ModelIssue> issues;
        model = Model::build(testing::benchmarkRuleBase(rules), issues);
    }
    return model;
}

std::vector<std::pair<FactId, Value>> ticket(const KnowledgeBase& kb) {
    return {{*kb.factId("error_code"), Value::code(testing::benchmarkCode(0))}};
}

/// One answer to a bool fact (and the undo that keeps the state steady).
void answerOneBool(benchmark::State& state) {
    const auto model = modelOfSize(static_cast<std::size_t>(state.range(0)));
    Session session(model, ticket(model->kb()));
    const FactId fact = *model->kb().factId("b0");
    for (auto _ : state) {
        session.answer(fact, Value::boolean(true));
        session.undo();
    }
    state.counters["rules"] = static_cast<double>(model->kb().rules.size());
}
BENCHMARK(answerOneBool)->Arg(1000)->Arg(10000)->Arg(100000);

/// The same answer before the error code is known (no guard holds).
void answerOneBoolNoCode(benchmark::State& state) {
    const auto model = modelOfSize(static_cast<std::size_t>(state.range(0)));
    Session session(model);
    const FactId fact = *model->kb().factId("b0");
    for (auto _ : state) {
        session.answer(fact, Value::boolean(true));
        session.undo();
    }
}
BENCHMARK(answerOneBoolNoCode)->Arg(1000)->Arg(10000)->Arg(100000);

/// Answering the error code itself: re-examines the ~20 rules guarded by it.
void answerCode(benchmark::State& state) {
    const auto model = modelOfSize(static_cast<std::size_t>(state.range(0)));
    Session session(model);
    const FactId fact = *model->kb().factId("error_code");
    for (auto _ : state) {
        session.answer(fact, Value::code(testing::benchmarkCode(1)));
        session.undo();
    }
}
BENCHMARK(answerCode)->Arg(1000)->Arg(10000)->Arg(100000);

/// Choosing the next question once the error code is known.
void nextQuestion(benchmark::State& state) {
    const auto model = modelOfSize(static_cast<std::size_t>(state.range(0)));
    const Session session(model, ticket(model->kb()));
    for (auto _ : state) benchmark::DoNotOptimize(session.nextQuestion());
}
BENCHMARK(nextQuestion)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

/// Choosing the first question of an empty session: nothing is known, so the
/// wide analysis has every rule in scope and the error code as a candidate.
void nextQuestionNothingKnown(benchmark::State& state) {
    const auto model = modelOfSize(static_cast<std::size_t>(state.range(0)));
    const Session session(model);
    for (auto _ : state) benchmark::DoNotOptimize(session.nextQuestion());
}
BENCHMARK(nextQuestionNothingKnown)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

/// One ticket with the batch line's `ask` (range 1: 3 facts, else 0) and
/// `next` (range 2: 3 questions, else 0), against the same ticket without:
/// the full-line cost ratio of docs/performance.md, per ticket.
void fullLineTicket(benchmark::State& state) {
    const auto model = modelOfSize(static_cast<std::size_t>(state.range(0)));
    auto facts = ticket(model->kb());
    for (int i = 0; i < 8; ++i)
        facts.emplace_back(*model->kb().factId("b" + std::to_string(i)), Value::boolean(i % 3 == 0));
    EvaluateOptions options;
    options.helpful = static_cast<std::size_t>(state.range(1));
    options.nextQuestions = static_cast<std::size_t>(state.range(2));
    for (auto _ : state) benchmark::DoNotOptimize(evaluate(model, facts, options));
}
BENCHMARK(fullLineTicket)
        ->Args({1000, 0, 0})->Args({1000, 3, 0})->Args({1000, 0, 3})
        ->Args({10000, 0, 0})->Args({10000, 3, 0})->Args({10000, 0, 3})
        ->Unit(benchmark::kMicrosecond);

/// One batch ticket: chaining from all facts, ranking, conclusion, fired rules.
void evaluateTicket(benchmark::State& state) {
    const auto model = modelOfSize(static_cast<std::size_t>(state.range(0)));
    auto facts = ticket(model->kb());
    facts.emplace_back(*model->kb().factId("b0"), Value::boolean(true));
    facts.emplace_back(*model->kb().factId("b1"), Value::boolean(false));
    EvaluateOptions options;
    options.helpful = static_cast<std::size_t>(state.range(1));
    for (auto _ : state) benchmark::DoNotOptimize(evaluate(model, facts, options));
}
BENCHMARK(evaluateTicket)
        ->Args({1000, 0})->Args({10000, 0})->Args({100000, 0})
        ->Args({1000, 3})->Args({10000, 3})->Args({100000, 3})
        ->Unit(benchmark::kMicrosecond);

void buildModel(benchmark::State& state) {
    const auto kb = testing::benchmarkRuleBase(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        std::vector<ModelIssue> issues;
        benchmark::DoNotOptimize(Model::build(kb, issues));
    }
}
BENCHMARK(buildModel)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
