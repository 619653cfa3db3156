// The rules compiled for the batch path and question choice (conditions as
// flat conjuncts and bit tests, conclusions as flat evidence): built once per
// Model, on the first ticket that needs them (sessions never do), then shared
// read-only by every thread.
#pragma once

#include <algorithm>
#include <mutex>
#include <optional>

#include "bucket_programs.hpp"
#include "cause_rules.hpp"
#include "condition_masks.hpp"
#include "flat_conditions.hpp"
#include "rule_effects.hpp"

namespace triage::engine {

class CompiledRules {
public:
    CompiledRules(const KnowledgeBase& kb, const RuleIndex& index)
        : kb_(kb), index_(index), flat_(kb, index), masks_(kb, index, flat_), effects_(kb), programs_(index, masks_, effects_) {
        // Without derived facts the batch path reads each bucket's program
        // straight through (OnePassEvaluation::evaluate) and asks the masks
        // only about its general rules: the simple ones' tests live in the
        // programs, and a second copy would be ~2.5 MB at 100,000 rules.
        const bool chains = std::any_of(index.levels.begin(), index.levels.end(),
                                        [](std::uint32_t level) { return level > 0; });
        if (!chains) masks_.dropTests(programs_.simpleRules(kb.rules.size()));
    }

    const FlatConditions& flat() const { return flat_; }
    const ConditionMasks& masks() const { return masks_; }
    const RuleEffects& effects() const { return effects_; }
    const BucketPrograms& programs() const { return programs_; }
    /// Built on first use: only batch `ask` reads it.
    const CauseRules& causeRules() const {
        std::call_once(causeRulesBuilt_, [this] { causeRules_.emplace(kb_, index_, programs_); });
        return *causeRules_;
    }
    /// flat() with factsRead indexed: only question choice reads it.
    const FlatConditions& flatWithFactsRead() const {
        std::call_once(factsReadIndexed_, [this] { flat_.indexFactsRead(); });
        return flat_;
    }

private:
    const KnowledgeBase& kb_;
    const RuleIndex& index_;
    mutable FlatConditions flat_;  // mutable: factsRead is indexed once, on first use
    ConditionMasks masks_;
    RuleEffects effects_;
    BucketPrograms programs_;
    mutable std::optional<CauseRules> causeRules_;
    mutable std::once_flag causeRulesBuilt_;
    mutable std::once_flag factsReadIndexed_;
};

}  // namespace triage::engine
