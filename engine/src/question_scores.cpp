// The causes' scores and their distribution: now (scoreNow, collectLive)
// and after a simulated answer (scoreWith), as simulate() weighs them.
#include <algorithm>

#include "question_choice.hpp"
#include "triage/engine/scoring.hpp"

namespace triage::engine {

QuestionChooser::Score QuestionChooser::scoreWith(CauseId cause, std::uint32_t answer) const {
    // The same products, in the same RuleId order, as scoreCauses: bit-identical scores.
    double keepSupport = 1.0, keepExclusion = 1.0;
    bool supported = false;
    for (const Model::Evidence& evidence : model_.evidenceAbout(cause)) {
        const RuleId rule = evidence.rule;
        const bool fires = scratch_.changeStamp[rule] == answer ? scratch_.firesAfter[rule] != 0
                                                                : scratch_.firedState[rule] == scratch_.state;
        if (!fires) continue;
        if (evidence.supports) {
            keepSupport *= 1.0 - evidence.certainty;
            supported = true;
        } else {
            keepExclusion *= 1.0 - evidence.certainty;
        }
    }
    return {scoreFromProducts(model_.kb().causes[cause].prior, keepSupport, keepExclusion), supported};
}

QuestionChooser::Score QuestionChooser::scoreWithOnly(CauseId cause, const Conclusion& conclusion) const {
    // scoreWith's products with one factor: the same arithmetic.
    double keepSupport = 1.0, keepExclusion = 1.0;
    const bool supports = conclusion.kind == Conclusion::Kind::Supports;
    (supports ? keepSupport : keepExclusion) *= 1.0 - conclusion.certainty;
    return {scoreFromProducts(model_.kb().causes[cause].prior, keepSupport, keepExclusion), supports};
}

void QuestionChooser::scoreNow() {
    // Scores now depend on the state alone: the wide analysis finds those of
    // the focused one (same state) in the scratch.
    if (scratch_.scoredState == scratch_.state) return;
    rankingNow_.clear();
    auto& scores = scratch_.causeScores;
    scores.clear();
    const bool scored = state_.scoresNow(scores);
    if (scored) {
        // The batch path scored them already, in the same products.
        for (const CauseScore& score : scores) {
            scratch_.evidenceStamp[score.cause] = scratch_.state;
            scratch_.scoreNow[score.cause] = score.score;
            if (score.supported) rankingNow_.push_back({score.cause, score.score});
        }
    }
    for (RuleId rule : scored ? std::span<const RuleId>() : state_.firedRules())
        for (const auto& conclusion : model_.kb().rules[rule].conclusions) {
            if (conclusion.kind == engine::Conclusion::Kind::Sets) continue;
            const CauseId cause = conclusion.cause;
            if (scratch_.evidenceStamp[cause] == scratch_.state) continue;
            scratch_.evidenceStamp[cause] = scratch_.state;
            const Score score = scoreWith(cause, scratch_.analysis);  // no answer carries this stamp
            scratch_.scoreNow[cause] = score.score;
            if (score.supported) rankingNow_.push_back({cause, score.score});
        }
    std::sort(rankingNow_.begin(), rankingNow_.end(), [](const RankedCause& a, const RankedCause& b) {
        return ranksAbove(a.score, a.cause, b.score, b.cause);
    });
    scratch_.scoredState = scratch_.state;
}

void QuestionChooser::collectLive() {
    // Live: supported, or a supporting rule in scope is not yet False (or could
    // still turn through a `known`/`unknown` test): candidates() listed those.
    for (const RankedCause& ranked : rankingNow_) {
        if (scratch_.liveStamp[ranked.cause] == scratch_.analysis) continue;
        scratch_.liveStamp[ranked.cause] = scratch_.analysis;
        scratch_.liveCauses.insert(ranked.cause);
    }
    // Ascending: the sums below add up in CauseId order.
    auto& live = scratch_.live;
    live.clear();
    scratch_.liveCauses.drainInto(live);
    // (Sums in locals: the stores into the scratch would otherwise make the
    // compiler write the members back and read them again for every cause.)
    double total = 0, sumPlogP = 0, weight = 0;
    for (CauseId cause : live) {
        const bool evidence = scratch_.evidenceStamp[cause] == scratch_.state;
        total += evidence ? scratch_.scoreNow[cause] : model_.kb().causes[cause].prior;
        // simulate() subtracts it again. A cause without evidence has its prior's, computed once.
        const double plogp = evidence ? scratch_.plogpOf(scratch_.scoreNow[cause]) : model_.priorEntropyTerm(cause);
        scratch_.plogpNow[cause] = plogp;
        sumPlogP += plogp;
    }
    total_ = total;
    for (CauseId cause : live) weight += probability(cause) * scoreOf(cause);
    sumPlogP_ = sumPlogP;
    weightNow_ = weight;
    entropyNow_ = entropyOf(total_, sumPlogP_);
}

}  // namespace triage::engine
