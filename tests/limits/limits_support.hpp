// Builders of oversized and hostile inputs shared by the limit tests.
#pragma once

#include <string>

#include "triage_process.hpp"

namespace triage::limits_test {

using cli_test::ProcessResult;

/// A small valid rule file with `condition` as the only rule's condition.
inline std::string ruleWithCondition(const std::string& condition) {
    return "fact a: bool\n  question\n    en \"A?\"\n"
           "cause c\n  title\n    en \"C\"\n"
           "rule r\n  when " + condition + "\n  then supports c 0.5\n";
}

/// `text` repeated `count` times.
inline std::string repeat(const std::string& text, std::size_t count) {
    std::string out;
    out.reserve(text.size() * count);
    for (std::size_t i = 0; i < count; ++i) out += text;
    return out;
}

/// True when the process ended by itself (no signal, no sanitizer abort).
inline bool endedCleanly(const ProcessResult& result) {
    return result.exitCode >= 0 && result.exitCode < 128 && result.err.find("Sanitizer") == std::string::npos &&
           result.err.find("terminate called") == std::string::npos;
}

}  // namespace triage::limits_test
