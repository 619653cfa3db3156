// What firing each rule does, in flat arrays for the batch path: the causes
// it supports or excludes with their certainties, whether it sets facts, and
// each cause's prior.
// Reading kb.rules[r].conclusions instead costs a cache miss per fired rule.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "triage/engine/knowledge_base.hpp"
#include "triage/engine/lists_in_one_array.hpp"

namespace triage::engine {

class RuleEffects {
public:
    struct Evidence {
        CauseId cause = 0;
        bool supports = true;  // else excludes
        double unbelief = 0;   // 1 - certainty: the factor this piece multiplies into its product
    };

    explicit RuleEffects(const KnowledgeBase& kb) {
        evidence_.reserve(kb.rules.size());
        setsFacts_.reserve(kb.rules.size());
        for (const Rule& rule : kb.rules) {
            bool sets = false;
            for (const Conclusion& conclusion : rule.conclusions) {
                if (conclusion.kind == Conclusion::Kind::Sets) {
                    sets = true;
                    continue;
                }
                evidence_.add({conclusion.cause, conclusion.kind == Conclusion::Kind::Supports, 1.0 - conclusion.certainty});
            }
            evidence_.endList();
            setsFacts_.push_back(sets ? 1 : 0);
        }
        priors_.reserve(kb.causes.size());
        for (const Cause& cause : kb.causes) priors_.push_back(cause.prior);
    }

    /// The rule's supports and excludes, in `then` order.
    std::span<const Evidence> evidence(RuleId rule) const { return evidence_[rule]; }
    /// evidence() as raw tables, for a loop over many rules.
    class Table {
    public:
        const Evidence* first(RuleId rule) const { return all_ + firsts_[rule]; }

    private:
        friend class RuleEffects;
        Table(const std::uint32_t* firsts, const Evidence* all) : firsts_(firsts), all_(all) {}
        const std::uint32_t* firsts_;
        const Evidence* all_;
    };
    Table table() const { return {evidence_.firsts(), evidence_.items()}; }
    bool setsFacts(RuleId rule) const { return setsFacts_[rule] != 0; }
    double prior(CauseId cause) const { return priors_[cause]; }

private:
    ListsInOneArray<Evidence> evidence_;  // per rule
    std::vector<std::uint8_t> setsFacts_;  // per rule
    std::vector<double> priors_;           // per cause
};

}  // namespace triage::engine
