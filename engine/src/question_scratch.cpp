#include "question_scratch.hpp"

#include <algorithm>
#include <limits>

namespace triage::engine {

namespace {

template <typename T>
void growTo(std::vector<T>& v, std::size_t size) {
    if (v.size() < size) v.resize(size);
}

}  // namespace

void QuestionScratch::resize(const Model& model) {
    const std::size_t rules = model.kb().rules.size();
    const std::size_t causes = model.kb().causes.size();
    const std::size_t facts = model.kb().facts.size();
    // The arrays only grow: once large enough for a model, they stay so.
    if (rules <= sizedFor_[0] && causes <= sizedFor_[1] && facts <= sizedFor_[2]) return;
    sizedFor_ = {std::max(rules, sizedFor_[0]), std::max(causes, sizedFor_[1]), std::max(facts, sizedFor_[2])};
    for (auto* v : {&truthStamp, &leadsStamp, &stakeStamp, &firedState, &scopeStamp, &changeStamp}) growTo(*v, rules);
    growTo(stake, rules);
    growTo(truth, rules);
    growTo(soleFact, rules);
    growTo(soleConjunct, rules);
    growTo(leads, rules);
    growTo(firesAfter, rules);
    for (auto* v : {&evidenceStamp, &liveStamp, &changedStamp}) growTo(*v, causes);
    liveCauses.reserveIds(causes);
    growTo(scoreNow, causes);
    growTo(changedBy, causes);
    growTo(plogpNow, causes);
    growTo(supportedNow, causes);
    growTo(askStamp, facts);
    growTo(askNow, facts);
    growTo(candidateStamp, facts);
    growTo(stakeWanted, facts);
    growTo(stakeOf, facts);
    growTo(guardsFireable, facts);
}

void QuestionScratch::begin(const Model& model, FactValues values, bool sameState) {
    resize(model);
    if (counter_ > std::numeric_limits<std::uint32_t>::max() / 2) {
        // After two billion stamps, between analyses (one takes far fewer): forget them all.
        sameState = false;
        for (auto* v : {&truthStamp, &leadsStamp, &stakeStamp, &firedState, &scopeStamp, &changeStamp, &evidenceStamp,
                        &liveStamp, &changedStamp, &askStamp, &candidateStamp, &stakeWanted, &guardsFireable})
            std::fill(v->begin(), v->end(), 0u);
        counter_ = 0;
        scoredState = focusedWalkState = 0;
    }
    // The same state again leaves trialValues as they were: every trial is undone.
    if (!sameState) trialValues.assign(values.begin(), values.end());
    analysis = stamp();
    if (!sameState) state = analysis;
}

QuestionScratch& questionScratch() {
    thread_local QuestionScratch scratch;
    return scratch;
}

}  // namespace triage::engine
