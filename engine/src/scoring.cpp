#include "triage/engine/scoring.hpp"

#include <algorithm>

namespace triage::engine {

std::vector<CauseScore> scoreCauses(const KnowledgeBase& kb, const std::vector<RuleId>& fired) {
    struct Evidence {
        CauseId cause;
        bool supports;
        double certainty;
    };
    std::vector<Evidence> evidence;
    for (RuleId rule : fired)
        for (const auto& conclusion : kb.rules[rule].conclusions)
            if (conclusion.kind != engine::Conclusion::Kind::Sets)
                evidence.push_back({conclusion.cause, conclusion.kind == engine::Conclusion::Kind::Supports,
                                    conclusion.certainty});
    // Stable: within a cause the evidence stays in RuleId order.
    std::stable_sort(evidence.begin(), evidence.end(),
                     [](const Evidence& a, const Evidence& b) { return a.cause < b.cause; });

    std::vector<CauseScore> scores;
    for (std::size_t first = 0; first < evidence.size();) {
        const CauseId cause = evidence[first].cause;
        double disbelievedBySupport = 1.0;  // prod(1 - c) over supporting rules
        double keptByExclusion = 1.0;       // prod(1 - c) over excluding rules
        bool supported = false;
        std::size_t last = first;
        for (; last < evidence.size() && evidence[last].cause == cause; ++last) {
            if (evidence[last].supports) {
                disbelievedBySupport *= 1.0 - evidence[last].certainty;
                supported = true;
            } else {
                keptByExclusion *= 1.0 - evidence[last].certainty;
            }
        }
        scores.push_back({cause,
                          scoreFromProducts(kb.causes[cause].prior, disbelievedBySupport, keptByExclusion),
                          supported});
        first = last;
    }
    return scores;
}

}  // namespace triage::engine
