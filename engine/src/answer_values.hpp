// The answers worth simulating for each fact when choosing a question.
#pragma once

#include <vector>

#include "triage/engine/knowledge_base.hpp"

namespace triage::engine {

/// Per fact: bool false/true; every enum value; each code a condition tests
/// plus one code none tests; for numbers a value below, on, between and above
/// the thresholds conditions use. Facts no condition reads get one value.
std::vector<std::vector<Value>> answerValuesByFact(const KnowledgeBase& kb);

}  // namespace triage::engine
