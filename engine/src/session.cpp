#include "triage/engine/session.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "helpful_facts.hpp"
#include "question_choice.hpp"
#include "session_state.hpp"
#include "triage/engine/rule_index.hpp"

namespace triage::engine {

Session::Session(std::shared_ptr<const Model> model, const std::vector<std::pair<FactId, Value>>& given)
    : model_(std::move(model)), state_(std::make_unique<State>(*model_)) {
    state_->memory.give(given);
    state_->memory.forgetTrail();
}

Session::~Session() = default;
Session::Session(const Session& other) : model_(other.model_), state_(std::make_unique<State>(*other.state_)) {}
Session& Session::operator=(const Session& other) {
    if (this != &other) {
        model_ = other.model_;
        state_ = std::make_unique<State>(*other.state_);
    }
    return *this;
}

bool meetsStopPolicy(const StopPolicy& policy, const std::vector<RankedCause>& ranking) {
    if (ranking.empty()) return false;
    const double runnerUp = ranking.size() > 1 ? ranking[1].score : 0.0;
    return ranking[0].score >= policy.confidentScore && ranking[0].score - runnerUp >= policy.confidentMargin;
}

std::optional<Diagnosis> diagnose(const Model& model, const std::vector<RankedCause>& ranking, FactValues values) {
    std::optional<Diagnosis> conclusion;
    diagnoseInto(model, ranking, ranking.size(), values, conclusion);
    return conclusion;
}

void diagnoseInto(const Model& model, const std::vector<RankedCause>& ranking, std::size_t runnersUp,
                  FactValues values, std::optional<Diagnosis>& conclusion) {
    if (ranking.empty()) {
        conclusion.reset();
        return;
    }
    if (!conclusion) conclusion.emplace();
    Diagnosis& found = *conclusion;  // assigned field by field: the vectors keep their capacity
    found.cause = ranking.front().cause;
    found.score = ranking.front().score;
    const std::size_t shown = std::min(runnersUp, ranking.size() - 1);
    found.runnersUp.assign(ranking.begin() + 1, ranking.begin() + 1 + static_cast<std::ptrdiff_t>(shown));
    found.confident = meetsStopPolicy(model.stopPolicy, ranking);
    found.steps.clear();
    const Cause& cause = model.kb().causes[found.cause];
    for (std::uint32_t step = 0; step < cause.steps.size(); ++step)
        if (evaluateCondition(cause.steps[step].when, values) != Truth::False) found.steps.push_back(step);
}

std::optional<Question> Session::nextQuestion() const {
    if (meetsStopPolicy(model_->stopPolicy, ranking())) return std::nullopt;
    const QuestionAnalysis analysis = chooseQuestions(*model_, MemoryState(state_->memory), nullptr, 1);
    if (analysis.ranked.empty() || !analysis.topCanChange) return std::nullopt;
    return analysis.ranked.front();
}

std::vector<Question> Session::usefulQuestions(std::size_t limit) const {
    return chooseQuestions(*model_, MemoryState(state_->memory), nullptr, limit, {}, AnalysisUse::Ranking).ranked;
}

std::vector<HelpfulFact> Session::helpfulFacts(std::size_t limit) const {
    const MemoryState state(state_->memory);
    const std::vector<RankedCause> ranked = ranking();
    std::vector<HelpfulFact> helpful;
    chooseHelpfulFacts(*model_, model_->compiledRules(), state, EvidenceFromFiredRules(*model_, state), ranked, limit,
                       helpful);
    return helpful;
}

void Session::answer(FactId fact, std::optional<Value> value) {
    if (spdlog::should_log(spdlog::level::debug))  // formatting the value is not free
        spdlog::debug("answer {} = {}", model_->kb().facts[fact].name,
                      value ? formatValue(model_->kb().facts[fact], *value) : std::string("unknown"));
    state_->answerMarks.push_back(state_->memory.mark());
    state_->memory.answer(fact, value);
}

bool Session::undo() {
    if (state_->answerMarks.empty()) return false;
    state_->memory.rollback(state_->answerMarks.back());
    state_->answerMarks.pop_back();
    return true;
}

std::size_t Session::answerCount() const { return state_->answerMarks.size(); }

std::vector<RankedCause> Session::ranking() const { return rankCauses(model_->kb(), state_->memory.firedRules()); }

std::optional<Diagnosis> Session::conclusion() const {
    return diagnose(*model_, ranking(), state_->memory.values());
}

std::optional<Value> Session::value(FactId fact) const { return state_->memory.value(fact); }

bool Session::wasAsked(FactId fact) const { return state_->memory.wasAsked(fact); }

std::vector<RuleId> Session::firedRules() const {
    std::vector<RuleId> fired = state_->memory.firedRules();
    const auto& rank = model_->index().firingRank;
    std::sort(fired.begin(), fired.end(), [&rank](RuleId a, RuleId b) { return rank[a] < rank[b]; });
    return fired;
}

}  // namespace triage::engine
