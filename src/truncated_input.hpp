// Rules and ticket files are mapped, not copied; if another program cuts
// one short while Triage reads it, the next read of a lost page raises
// SIGBUS. This turns that into an error message and exit code 2.
#pragma once

namespace triage::cli {

/// Installs the SIGBUS handler for the whole process (once, from main).
void reportTruncatedMappedInput();

}  // namespace triage::cli
