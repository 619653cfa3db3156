// How evidence becomes a score: MYCIN-style certainty factors combined with
// the cause's prior (see docs/inference.md for why this combination).
#pragma once

#include <vector>

#include "triage/engine/knowledge_base.hpp"

namespace triage::engine {

/// A cause's score from its prior and the combined belief MB and disbelief MD
/// (each 1 - prod(1 - c) over the fired rules for / against it). In [0, 1].
/// Inline: the batch path calls it for every cause of every ticket.
inline double combineEvidence(double prior, double belief, double disbelief) {
    // Most causes have no disbelief, and then the certainty is the belief
    // itself: the general formula below gives the same bits, after a division.
    if (disbelief == 0.0) return prior + belief * (1.0 - prior);
    const double overlap = belief < disbelief ? belief : disbelief;
    const double certainty = overlap >= 1.0 ? 0.0 : (belief - disbelief) / (1.0 - overlap);
    return certainty >= 0 ? prior + certainty * (1.0 - prior) : prior * (1.0 + certainty);
}

/// combineEvidence from the products every scorer keeps: prod(1 - c) over
/// the supporting rules and over the excluding ones.
inline double scoreFromProducts(double prior, double keepSupport, double keepExclusion) {
    return combineEvidence(prior, 1.0 - keepSupport, 1.0 - keepExclusion);
}

/// The ranking's order: higher score first; on equal scores the lower CauseId.
inline bool ranksAbove(double scoreA, CauseId a, double scoreB, CauseId b) {
    return scoreA > scoreB || (scoreA == scoreB && a < b);
}

struct CauseScore {
    CauseId cause = 0;
    double score = 0;
    bool supported = false;  // at least one fired rule supports it
};

/// Scores of the causes that fired rules conclude about, ascending CauseId.
/// `fired` must be ascending: products are taken in RuleId order so the
/// result is bit-identical whatever order the facts arrived in.
std::vector<CauseScore> scoreCauses(const KnowledgeBase& kb, const std::vector<RuleId>& fired);

}  // namespace triage::engine
