// The terminal front end of `triage ask`: shows each question in the session
// language, reads answers and commands, and renders what the engine concludes.
#pragma once

#include <ostream>

#include "ask_conversation.hpp"
#include "line_reader.hpp"

namespace triage::cli {

/// Runs until quit, Ctrl-D or Ctrl-C; returns the exit code (0).
int runInteractiveSession(Conversation& conversation, LineReader& reader, std::ostream& out);

}  // namespace triage::cli
