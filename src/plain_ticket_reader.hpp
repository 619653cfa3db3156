// The batch path's fast reading of a JSON ticket line: simdjson On-Demand
// (no tape), for well-formed tickets only. Anything else (bad JSON, an
// unknown fact, a value that does not fit, numbers, a repeated id) makes it
// decline, and JsonTicketParser reads the line again with the DOM parser,
// whose error messages name what is wrong.
#pragma once

#include <string_view>

#include <simdjson.h>

#include "fact_name_table.hpp"
#include "ticket_reader.hpp"

namespace triage::cli {

/// Reads `json` (with simdjson::SIMDJSON_PADDING readable bytes after it)
/// into `ticket`, which must be clear. False when it declines: `ticket` may
/// then be partly filled.
bool readPlainTicket(simdjson::ondemand::parser& parser, const engine::KnowledgeBase& kb,
                     const FactNameTable& factNames, std::string_view json, Ticket& ticket);

}  // namespace triage::cli
