// Per-thread working space of question choice. Every array is stamped, so a
// new analysis starts in O(1) instead of clearing per-rule arrays: the cost
// follows the rules the ticket touches, not the size of the rule base.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "triage/engine/ascending_id_set.hpp"
#include "triage/engine/model.hpp"
#include "triage/engine/plogp_memo.hpp"
#include "triage/engine/scoring.hpp"
#include "triage/engine/session.hpp"
#include "triage/engine/truth.hpp"

namespace triage::engine {

inline constexpr FactId noSoleFact = ~FactId{0};
inline constexpr FactId severalFacts = ~FactId{0} - 1;  // undecided conjuncts on two facts or more
inline constexpr std::uint32_t noSoleConjunct = ~std::uint32_t{0};

/// A fact question choice weighs, with the rules its answer can change.
struct QuestionCandidate {
    FactId fact;
    std::size_t fireFirst, fireLast;  // its rules one answer can fire or withdraw, in QuestionScratch::fireable:
    std::size_t guardedFirst;         // from here on guarded by the fact itself, by guard value
    bool feedsDerivedFacts;           // some rule reading it sets a fact: answers are chained
};

/// A candidate's score, and its place in the candidate list.
struct ScoredQuestion {
    Question question;
    double gainKey, stakeKey;  // rounded: gains equal up to rounding noise tie
    std::uint32_t candidate;
};

struct QuestionScratch {
    /// Sizes the arrays for `model`, copies the known values into `trialValues`
    /// and makes every earlier stamp stale; with `sameState`, the per-rule
    /// truth, leads-to-cause and stake caches of the previous analysis stay
    /// valid (a second analysis of the same facts).
    void begin(const Model& model, FactValues values, bool sameState = false);
    /// A stamp no array holds yet (one per analysis, one per simulated answer).
    std::uint32_t stamp() { return ++counter_; }

    std::uint32_t analysis = 0;  // the stamp of the current analysis
    std::uint32_t state = 0;     // the stamp of the facts analysed: keys the per-rule caches
    /// == state: the lists hold the scope, keys, candidate facts and live
    /// causes of the focused analysis of these facts (the wide one goes on from them).
    std::uint32_t focusedWalkState = 0;

    // Per rule.
    std::vector<std::uint32_t> truthStamp;
    std::vector<Truth> truth;
    /// With an Unknown `truth`: the one fact every undecided conjunct reads;
    /// with a False one (of a rule testing `known`/`unknown`): the one fact
    /// every False conjunct reads; else severalFacts; or noSoleFact (a
    /// conjunct over several facts, no top-level `and`, or not computed:
    /// only a full evaluation tells what an answer does).
    std::vector<FactId> soleFact;
    /// With an Unknown `truth` of a flattened rule without `known`/`unknown`
    /// tests: its one undecided conjunct (FlatConditions' index), whose truth
    /// after an answer is the rule's (the True ones stay True); else noSoleConjunct.
    std::vector<std::uint32_t> soleConjunct;
    std::vector<std::uint32_t> leadsStamp;
    std::vector<std::uint8_t> leads;  // 0 no, 1 yes, 3 being computed
    std::vector<std::uint32_t> stakeStamp;
    std::vector<double> stake;  // the rule's weight / the unknown facts it still needs
    std::vector<std::uint32_t> firedState;   // == state: fired (spares a search of the fired list)
    std::vector<std::uint32_t> scopeStamp;   // == analysis: the rule is in the analysed scope
    std::vector<std::uint32_t> changeStamp;  // == answer stamp: the simulated answer changes it
    std::vector<std::uint8_t> firesAfter;    // its state after that answer

    // Per cause.
    std::vector<std::uint32_t> evidenceStamp;  // == state: fired rules conclude about it, scoreNow holds its score
    std::vector<double> scoreNow;
    std::vector<std::uint8_t> supportedNow;
    std::vector<std::uint32_t> liveStamp;      // == analysis: in the distribution
    std::vector<double> plogpNow;              // live: score · log2(score) now
    std::vector<std::uint32_t> changedStamp;   // == answer stamp: its score changes
    std::vector<const Conclusion*> changedBy;  // with changedStamp: the one conclusion changing it, or null

    // Per fact: the known values, with one fact tried out at a time.
    std::vector<std::optional<Value>> trialValues;
    std::vector<std::uint32_t> askStamp;  // == state: askNow holds
    std::vector<std::uint8_t> askNow;     // askable, no value and not asked yet
    std::vector<std::uint32_t> candidateStamp;  // == analysis: in candidateFacts
    std::vector<std::uint32_t> stakeWanted;     // == analysis: stakeOf is wanted
    std::vector<std::uint32_t> guardsFireable;  // == state: some fireable rule of the fact is guarded by it
    std::vector<double> stakeOf;                // the fact's stake: its highest rule stake

    // Lists, cleared by their users.
    std::vector<RuleId> scope;
    std::vector<std::uint64_t> keys;  // (candidate fact << 32 | rule one answer to it can fire or withdraw), sorted
    std::vector<FactId> candidateFacts;  // ascending
    std::vector<std::pair<FactId, RuleId>> atStake;  // every (askable fact, rule in scope it is at stake in)
    std::vector<RuleId> fireable;  // per candidate: the keys' rules whose fired state an answer can change
    std::vector<RuleId> guardedFireable;  // one candidate's fireable rules guarded by the candidate
    std::vector<QuestionCandidate> candidates;
    std::vector<ScoredQuestion> scored;
    std::vector<CauseScore> causeScores;  // as DiagnosisState::scoresNow gives them
    std::vector<RankedCause> rankingNow;  // supported causes now, best first, for the state scoredState
    std::uint32_t scoredState = 0;
    AscendingIdSet liveCauses;  // collects the live causes, to list them ascending without a sort
    std::vector<CauseId> live;  // ascending
    std::vector<RuleId> delta;
    std::vector<CauseId> changed;
    PlogpMemo plogpOf;  // kept from analysis to analysis, ticket to ticket

private:
    void resize(const Model& model);
    std::uint32_t counter_ = 0;
    std::array<std::size_t, 3> sizedFor_{};  // rules, causes and facts every array has room for
};

/// This thread's scratch; one analysis at a time per thread.
QuestionScratch& questionScratch();

}  // namespace triage::engine
