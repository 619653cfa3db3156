// The JSON Lines front end of `triage ask --json` (docs/protocol.md): one
// request object per input line, one or more response objects per line out.
#pragma once

#include <ostream>

#include "ask_conversation.hpp"
#include "line_reader.hpp"

namespace triage::cli {

/// Runs until {"command":"quit"}, end of input or Ctrl-C; returns the exit code (0).
/// A malformed line gets an error object and the session goes on.
int runJsonProtocol(Conversation& conversation, LineReader& reader, std::ostream& out);

}  // namespace triage::cli
