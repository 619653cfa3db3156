// Generated rule bases: a fixed shape that scales for benchmarks, and small
// random ones (with derived facts, `unknown`, or, not) for property tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include "triage/engine/knowledge_base.hpp"

namespace triage::engine::testing {

/// 30 askable bools b0..b29 and an askable code fact `error_code` with
/// ruleCount/20 codes; each rule is one code equality and 0-3 bool tests and
/// supports (one in ten: excludes) one of max(10, ruleCount/100) causes.
std::shared_ptr<const KnowledgeBase> benchmarkRuleBase(std::size_t ruleCount, std::uint32_t seed = 1);

/// The code the benchmark base's rules test with index `i` (0 <= i < ruleCount/20).
std::uint32_t benchmarkCode(std::size_t i);

/// A small random rule base: bools, an enum, a number, a code fact, a
/// given-only fact, derived facts (acyclic by construction), 2-6 causes and
/// 5-30 rules mixing and/or/not/unknown, sets, supports and excludes.
std::shared_ptr<const KnowledgeBase> randomRuleBase(std::mt19937& rng);

/// A random value of the fact's type, drawn mostly from values conditions test.
Value randomValue(const KnowledgeBase& kb, FactId fact, std::mt19937& rng);

/// Facts that are not derived (no rule sets them): what tickets and users supply.
std::vector<FactId> observableFacts(const KnowledgeBase& kb);

}  // namespace triage::engine::testing
