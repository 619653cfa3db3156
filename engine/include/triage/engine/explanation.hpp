// Explanations as data, for the CLI (or any front end) to render:
// why a question is asked, how a cause was reached, why not another cause.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "triage/engine/knowledge_base.hpp"

namespace triage::engine {

/// Why this question: the rules whose outcome it can still decide, and their causes.
struct WhyExplanation {
    FactId fact = 0;
    struct Stake {
        RuleId rule = 0;
        std::vector<CauseId> causes;  // causes this rule concludes for or against
    };
    std::vector<Stake> stakes;
};

/// One atom of a condition with its current truth.
struct AtomStatus {
    enum class Truth { True, False, Unknown };
    FactId fact = 0;
    std::string text;  // "error_code in invalid_key_codes", rendered like the source
    Truth truth = Truth::Unknown;
};

/// How a cause got its score: each fired rule with the facts it used.
struct HowExplanation {
    CauseId cause = 0;
    double score = 0;
    double prior = 0;
    struct Step {
        RuleId rule = 0;
        bool supports = true;  // false: evidence against
        double certainty = 0;
        std::vector<AtomStatus> used;  // the true atoms of the condition
        std::vector<RuleId> derivedFrom;  // rules that set derived facts it used
    };
    std::vector<Step> steps;  // in firing order
};

/// Why another cause is not on top: the rules that could support it and what
/// is false or unknown in each.
struct WhyNotExplanation {
    CauseId cause = 0;
    double score = 0;
    std::optional<CauseId> top;
    double topScore = 0;
    struct Blocked {
        RuleId rule = 0;
        std::vector<AtomStatus> failing;  // false or unknown atoms
    };
    std::vector<Blocked> rules;
};

/// An atom as rule authors write it: "error_code in invalid_key_codes",
/// "hardware_changed", "not reinstalled", "windows_version = win10".
/// `negated`: the atom sits under a `not`.
std::string describeAtom(const KnowledgeBase& kb, const Atom& atom, bool negated = false);

}  // namespace triage::engine
