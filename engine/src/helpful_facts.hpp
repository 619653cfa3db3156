// Batch `ask`: the unknown facts whose answers would most move the scores of
// the causes in contention. Cheap by design, unlike question choice: it reads
// only the rules about the ranking's first causes (docs/inference.md §4).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "compiled_rules.hpp"
#include "diagnosis_state.hpp"
#include "triage/engine/model.hpp"
#include "triage/engine/session.hpp"

namespace triage::engine {

class OnePassEvaluation;

/// The causes in contention: the top cause and the runner-up, the two whose
/// scores the stop policy's confidence reads (score and margin). A fixed
/// count, so that `ask` does not change with how many causes a line shows.
inline constexpr std::size_t causesInContention = 2;

/// A cause's evidence products now, from which one more rule's effect is
/// worked out: prod(1 - c) over the fired rules for it and against it.
struct CauseEvidence {
    double unbeliefBySupport = 1.0;
    double keptByExclusion = 1.0;
};

/// Where chooseHelpfulFacts reads each cause's evidence now. The batch path
/// has it at hand; a session's is multiplied out from its fired rules.
class EvidenceNow {
public:
    virtual ~EvidenceNow() = default;
    virtual CauseEvidence of(CauseId cause) const = 0;
};

/// Up to `limit` facts into `out` (cleared, storage reused), most stake
/// first, then lower FactId. `ranking`: the state's, best first; its first
/// two causes are in contention and their rules are weighed. With none,
/// the rules the known values point to (RuleIndex buckets) and the
/// unguarded ones are.
void chooseHelpfulFacts(const Model& model, const CompiledRules& compiled, const DiagnosisState& state,
                        const EvidenceNow& evidence, std::span<const RankedCause> ranking, std::size_t limit,
                        std::vector<HelpfulFact>& out);

/// The same list for the batch path's state (a rule base without derived
/// facts), reading the rules the bucket programs hold as bit tests.
void chooseHelpfulFacts(const Model& model, const OnePassEvaluation& evaluation,
                        std::span<const RankedCause> ranking, std::size_t limit, std::vector<HelpfulFact>& out);

/// EvidenceNow multiplied out from a state's fired rules, in RuleId order as
/// scoreCauses takes them.
class EvidenceFromFiredRules final : public EvidenceNow {
public:
    EvidenceFromFiredRules(const Model& model, const DiagnosisState& state) : model_(model), state_(state) {}
    CauseEvidence of(CauseId cause) const override;

private:
    const Model& model_;
    const DiagnosisState& state_;
};

}  // namespace triage::engine
