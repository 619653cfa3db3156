// Three-valued (Kleene) evaluation of conditions against working memory: the
// one place that decides what an atom, `not`, `and` and `or` mean.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "triage/engine/knowledge_base.hpp"

namespace triage::engine {

enum class Truth : std::uint8_t { False, True, Unknown };

/// Known fact values indexed by FactId; nullopt = not known.
using FactValues = std::span<const std::optional<Value>>;

/// An atom on an unknown fact is Unknown, except `known f` / `unknown f`,
/// which are always True or False.
Truth evaluateAtom(const Atom& atom, const std::optional<Value>& value);

/// The truth of node `node` of `condition` (the root by default). An empty
/// condition is True.
Truth evaluateCondition(const Condition& condition, FactValues values);
Truth evaluateNode(const Condition& condition, std::uint32_t node, FactValues values);

/// evaluateCondition(...) == Truth::True, sooner: a top-level `and` stops at
/// its first conjunct that is not True (the batch path asks nothing else).
bool conditionHolds(const Condition& condition, FactValues values);

/// The distinct facts a condition reads, ascending.
std::vector<FactId> factsRead(const Condition& condition);

}  // namespace triage::engine
