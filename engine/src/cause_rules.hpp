// The rules about each cause, with their guards, in one array: batch `ask`
// walks the contenders' rules and skips, with one compare on a hot value,
// those whose guard the ticket's values rule out.
#pragma once

#include <algorithm>
#include <span>

#include "triage/engine/knowledge_base.hpp"
#include "triage/engine/lists_in_one_array.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/truth.hpp"

namespace triage::engine {

class CauseRules {
public:
    struct GuardedRule {  // 16 bytes
        double guardValue = 0;  // Value::raw() of the guard
        RuleId rule = 0;
        FactId guardFact = 0;  // noGuard: none
    };
    static constexpr FactId noGuard = ~FactId{0};

    CauseRules(const KnowledgeBase& kb, const RuleIndex& index)
        : rules_(ListsInOneArray<GuardedRule>::gathered(kb.causes.size(), [&](auto emit) {
              for (RuleId rule = 0; rule < kb.rules.size(); ++rule) {
                  const RuleIndex::MaybeGuard& guard = index.guards[rule];
                  const GuardedRule entry{guard ? guard->value.raw() : 0.0, rule, guard ? guard->fact : noGuard};
                  for (const Conclusion& conclusion : kb.rules[rule].conclusions)
                      if (conclusion.kind != Conclusion::Kind::Sets) emit(conclusion.cause, entry);
              }
          })) {
        for (std::size_t cause = 0; cause < kb.causes.size(); ++cause) {
            const std::span<GuardedRule> rules = rules_[cause];
            std::sort(rules.begin(), rules.end(), byGuard);
        }
    }

    /// The rules that support or exclude the cause (a rule that concludes
    /// about it twice is listed twice), by guard fact, then guard value, the
    /// unguarded last: the rules a guard value leaves possible are one run.
    std::span<const GuardedRule> about(CauseId cause) const { return rules_[cause]; }

    /// Calls visit(rule) for each rule about the cause whose guard does not
    /// rule it out: guard fact without a value, or with the guard's value.
    template <typename Visit>
    void forEachPossible(CauseId cause, FactValues values, Visit visit) const {
        std::span<const GuardedRule> rules = about(cause);
        while (!rules.empty()) {
            const FactId fact = rules.front().guardFact;
            std::size_t groupSize = 1;
            while (groupSize < rules.size() && rules[groupSize].guardFact == fact) ++groupSize;
            const std::span<const GuardedRule> group = rules.first(groupSize);
            rules = rules.subspan(groupSize);
            if (fact == noGuard || !values[fact]) {
                for (const GuardedRule& rule : group) visit(rule.rule);
                continue;
            }
            const double value = values[fact]->raw();
            auto at = std::partition_point(group.begin(), group.end(),
                                           [value](const GuardedRule& rule) { return rule.guardValue < value; });
            for (; at != group.end() && at->guardValue == value; ++at) visit(at->rule);
        }
    }

private:
    static bool byGuard(const GuardedRule& a, const GuardedRule& b) {
        return a.guardFact != b.guardFact ? a.guardFact < b.guardFact : a.guardValue < b.guardValue;
    }

    ListsInOneArray<GuardedRule> rules_;  // per cause
};

}  // namespace triage::engine
