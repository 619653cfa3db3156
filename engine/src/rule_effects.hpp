// What firing each rule does, in flat arrays for the batch path: the causes
// it supports or excludes with their certainties, whether it sets facts, and
// each cause's prior.
// Reading kb.rules[r].conclusions instead costs a cache miss per fired rule.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "triage/engine/knowledge_base.hpp"

namespace triage::engine {

class RuleEffects {
public:
    struct Evidence {
        CauseId cause = 0;
        bool supports = true;  // else excludes
        double unbelief = 0;   // 1 - certainty: the factor this piece multiplies into its product
    };

    explicit RuleEffects(const KnowledgeBase& kb) {
        firstEvidence_.reserve(kb.rules.size() + 1);
        setsFacts_.reserve(kb.rules.size());
        for (const Rule& rule : kb.rules) {
            firstEvidence_.push_back(static_cast<std::uint32_t>(evidence_.size()));
            bool sets = false;
            for (const Conclusion& conclusion : rule.conclusions) {
                if (conclusion.kind == Conclusion::Kind::Sets) {
                    sets = true;
                    continue;
                }
                evidence_.push_back({conclusion.cause, conclusion.kind == Conclusion::Kind::Supports,
                                     1.0 - conclusion.certainty});
            }
            setsFacts_.push_back(sets ? 1 : 0);
        }
        firstEvidence_.push_back(static_cast<std::uint32_t>(evidence_.size()));
        priors_.reserve(kb.causes.size());
        for (const Cause& cause : kb.causes) priors_.push_back(cause.prior);
    }

    /// The rule's supports and excludes, in `then` order.
    std::span<const Evidence> evidence(RuleId rule) const {
        return {evidence_.data() + firstEvidence_[rule], evidence_.data() + firstEvidence_[rule + 1]};
    }
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
    Table table() const { return {firstEvidence_.data(), evidence_.data()}; }
    bool setsFacts(RuleId rule) const { return setsFacts_[rule] != 0; }
    double prior(CauseId cause) const { return priors_[cause]; }

private:
    std::vector<std::uint32_t> firstEvidence_;  // per rule, plus one past the end
    std::vector<Evidence> evidence_;
    std::vector<std::uint8_t> setsFacts_;  // per rule
    std::vector<double> priors_;           // per cause
};

}  // namespace triage::engine
