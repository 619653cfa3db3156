// Lowering: a checked program (names resolve, values fit) becomes an
// engine::KnowledgeBase with dense ids in declaration order, files in load order.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "triage/dsl/ast.hpp"
#include "triage/dsl/loader.hpp"
#include "triage/engine/knowledge_base.hpp"

namespace triage::dsl {

/// The ids lowering has given out, for resolving names inside conditions.
struct LoweredNames {
    std::unordered_map<std::string, engine::FactId> factIds;
    std::vector<const ast::FactDecl*> factDecls;  // by FactId
    std::unordered_map<std::string, engine::CauseId> causeIds;
    const std::map<std::string, std::vector<std::uint32_t>>* codeGroups = nullptr;
    std::map<std::string, engine::SharedName, std::less<>> codeGroupNames;  // one shared copy per group
};

/// Call only when the checks found no error: lowering trusts every name and value.
/// The result is indexed (KnowledgeBase::index has run). With `release` (the
/// same program, whose owner is done with its syntax trees), each rule's tree
/// is freed once lowered, and a file's causes once all of them are.
engine::KnowledgeBase lower(const Program& program, Program* release = nullptr);

/// Flattens a condition tree into atoms and nodes, children before parents;
/// parentheses disappear (lower_condition.cpp).
engine::Condition lowerCondition(const ast::Condition& condition, const LoweredNames& names);

/// Where a node starts, as file:line:column; `fileName` is file.name(), made
/// once per file so that every origin in it shares the string.
engine::Origin originOf(const engine::SharedName& fileName, const SourceFile& file, ast::SourceSpan span);

}  // namespace triage::dsl
