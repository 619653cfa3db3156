// The bundled .rules files, embedded in the binary at build time.
#pragma once

#include <map>
#include <string>

namespace triage {

/// File name ("activation.rules") -> text, for every bundled rules file.
const std::map<std::string, std::string>& bundledRules();

}  // namespace triage
