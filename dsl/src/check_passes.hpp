// The checking passes compile() runs, in order. Each adds diagnostics to the
// context and goes on after a problem, so one run reports all of them.
#pragma once

#include "check_context.hpp"

namespace triage::dsl {

/// Fills the name tables; reports names, enum values, step ids, texts and
/// clauses given twice (check_declarations.cpp).
void collectDeclarations(CheckContext& context);

/// Reports references to undeclared facts, causes and code groups (check_names.cpp).
void resolveNames(CheckContext& context);

/// Reports values that do not fit their fact and tests that need another fact
/// type (check_types.cpp).
void checkTypes(CheckContext& context);

/// Reports certainties, priors, costs and priorities out of range (check_ranges.cpp).
void checkRanges(CheckContext& context);

/// Warns about causes, questions, facts and code groups that rules do not
/// connect, causes without title and tests without expectation (check_coverage.cpp).
void checkCoverage(CheckContext& context);

/// Warns about texts that lack a language the rest of the program uses (check_translations.cpp).
void checkTranslations(CheckContext& context);

}  // namespace triage::dsl
