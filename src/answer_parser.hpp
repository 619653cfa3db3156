// Reads one line typed at the `triage ask` prompt: a command (why, how,
// why-not CAUSE, back, ...) or an answer to the open question.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "triage/engine/knowledge_base.hpp"

namespace triage::cli {

struct AskInput {
    enum class Kind { Empty, Answer, Unknown, Why, How, WhyNot, Back, Facts, Help, Restart, Quit, BadCommand };
    Kind kind = Kind::Empty;
    std::string text;  // Answer: the answer as typed; WhyNot: the cause; BadCommand: the word
};

/// Classifies a prompt line. Anything that is not a command is an answer;
/// the engine's parseValue decides whether the answer fits the question.
AskInput parseAskInput(std::string_view line);

/// True for the ways to say "I don't know": ?, unknown, onbekend.
bool meansUnknown(std::string_view answer);

/// The command words, for help and Tab completion.
const std::vector<std::string>& askCommandWords();

/// The answers to offer for `fact` (bool: yes/no in the language, enum: its
/// values); empty for codes and numbers, whose answers are free text.
std::vector<std::string> offeredAnswers(const engine::Fact& fact, const std::string& language);

}  // namespace triage::cli
