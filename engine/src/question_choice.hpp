// Choosing the next question: which askable facts can still matter
// (candidates), how much each is expected to tell about the causes per unit
// of cost, and whether any answers could still change the top cause. The
// analysis looks at the rules the known facts leave open, never the whole
// rule base (docs/inference.md §4).
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "question_relevance.hpp"
#include "triage/engine/session.hpp"

namespace triage::engine {

/// The rule sets a derived fact: answers that fire it are chained.
inline bool setsAFact(const Rule& rule) {
    for (const auto& conclusion : rule.conclusions)
        if (conclusion.kind == Conclusion::Kind::Sets) return true;
    return false;
}

/// Entropy in bits of the distribution proportional to scores whose sum is
/// `total` and whose Σ s·log2(s) is `sumPlogP`: H = log2(total) - sumPlogP / total.
/// Both sums can be updated for the few causes an answer changes.
inline double entropyOf(double total, double sumPlogP) {
    return total > 0 ? std::log2(total) - sumPlogP / total : 0.0;
}

/// Which rules and causes an analysis weighs.
enum class QuestionScope {
    /// The rules the known facts point to: those whose guard holds (the
    /// bucket of each known guard value) and the fired ones; their causes.
    Focused,
    /// Every rule that is not False for good (a given guard value rules out
    /// the others); every cause that has support or could still gain it.
    Wide,
};

/// What the caller reads of an analysis.
enum class AnalysisUse {
    RankingAndTopCanChange,
    Ranking,                // topCanChange is left false
    RankingIfTopCanChange,  // the ranking is left empty when no answer can change the top (the focused analysis's use)
};

struct QuestionAnalysis {
    std::vector<Question> ranked;  // every candidate, most useful first
    /// Some answer (now or after more answers) could change the top cause;
    /// left false when not asked for (see chooseQuestions).
    bool topCanChange = false;
};

/// The analysis questions are chosen from: the focused one while it has a
/// question that could change the top cause, else the wide one. `flat`: the
/// model's flattened conditions when the caller has them (same results).
/// `limit`: only the first `limit` questions of the ranking are wanted (the
/// ranked list is then its head, cut there). `storage`: a vector whose
/// buffer the ranked list may reuse (the batch loop's, ticket after ticket).
/// `use`: Ranking when the caller does not read topCanChange (a ranking
/// alone spares the wide analysis the bounds that decide it).
QuestionAnalysis chooseQuestions(const Model& model, const DiagnosisState& state,
                                 const FlatConditions* flat = nullptr, std::size_t limit = SIZE_MAX,
                                 std::vector<Question> storage = {},
                                 AnalysisUse use = AnalysisUse::RankingAndTopCanChange);

class QuestionChooser {
public:
    /// `sameStateAsBefore`: the thread's previous analysis was of the same
    /// state, and its per-rule caches can be reused.
    QuestionChooser(const Model& model, const DiagnosisState& state, QuestionScope scope,
                    bool sameStateAsBefore = false, const FlatConditions* flat = nullptr);

    /// Scores every candidate by simulating each of its answers; ranks the
    /// first `limit` (at least one), as far as `use` needs.
    QuestionAnalysis analyse(std::size_t limit = SIZE_MAX, std::vector<Question> storage = {},
                             AnalysisUse use = AnalysisUse::RankingAndTopCanChange);

private:
    using Candidate = QuestionCandidate;
    struct Score {
        double score;
        bool supported;
    };
    struct Effect {
        double weight = 0;   // Σ P(c) · score_c(after)
        double entropy = 0;  // H(P after)
        bool topChanges = false;
    };

    void collectScope();
    void scoreNow();
    /// In the scratch, until the next analysis. Also lists the causes the
    /// scope's rules can still support in QuestionScratch::live.
    const std::vector<Candidate>& candidates();
    /// Moves the fireable rules from `from` on that `fact` guards to the end,
    /// by guard value; returns where they start.
    std::size_t moveGuardedLast(FactId fact, std::size_t from);
    /// Completes the live causes with the supported ones; their sums now.
    void collectLive();
    /// What answering `value` does to the distribution and (with `topWanted`) the top cause.
    Effect simulate(const Candidate& candidate, Value value, bool topWanted);
    /// Records the changes of the answer by chaining it; returns their stamp.
    std::uint32_t changesByChaining(FactId fact, Value value);
    /// The cause's score with the rule changes stamped `answer` applied.
    Score scoreWith(CauseId cause, std::uint32_t answer) const;
    /// The cause's score when `conclusion` (of a fired rule) is its only evidence.
    Score scoreWithOnly(CauseId cause, const Conclusion& conclusion) const;
    bool feedsDerivedFacts(FactId fact) const;
    /// Now (inline: simulate() reads them per changed cause).
    double scoreOf(CauseId cause) const {
        const bool evidence = scratch_.evidenceStamp[cause] == scratch_.state;
        return evidence ? scratch_.scoreNow[cause] : model_.kb().causes[cause].prior;
    }
    /// Now, among the live causes.
    double probability(CauseId cause) const { return total_ > 0 ? scoreOf(cause) / total_ : 0.0; }
    /// scratch_.stakeOf[fact] for the facts marked in scratch_.stakeWanted (set to 0).
    void stakes();
    /// Askable, without a value and not asked yet: once per fact and state
    /// (the wide analysis finds the focused one's answers).
    bool askable(FactId fact) {
        if (scratch_.askStamp[fact] != scratch_.state) {
            scratch_.askStamp[fact] = scratch_.state;
            scratch_.askNow[fact] = model_.kb().facts[fact].askable && !relevance_.value(fact) && !state_.wasAsked(fact);
        }
        return scratch_.askNow[fact] != 0;
    }
    /// visit(fact, canFireOnAnswer) for each askable fact the rule has at stake.
    template <typename Visit>
    void forEachFactAtStake(RuleId rule, Truth truth, Visit visit);
    bool topCanChangeLater();

    const Model& model_;
    const DiagnosisState& state_;
    QuestionRelevance relevance_;
    QuestionScratch& scratch_;
    QuestionScope scope_;
    std::optional<WorkingMemory> chained_;  // for answers that change derived facts; made when first needed
    std::vector<RankedCause>& rankingNow_;  // supported causes, best first (in the scratch)
    std::optional<CauseId> topNow_;
    bool hasDerivedFacts_ = false;
    std::size_t walkedAlready_ = 0;  // the first scope rules, walked by the focused analysis
    double total_ = 0;         // Σ score over live causes
    double sumPlogP_ = 0;      // Σ score · log2(score) over live causes
    double weightNow_ = 0;     // Σ P(c) · score_c now
    double entropyNow_ = 0;
};

/// Causes with support, by score descending, ties by CauseId.
std::vector<RankedCause> rankCauses(const KnowledgeBase& kb, const std::vector<RuleId>& fired);

}  // namespace triage::engine
