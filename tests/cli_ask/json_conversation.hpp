// A `triage ask --json` process seen as a conversation of JSON objects, and a
// driver that answers whatever the engine asks from a table of answers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "triage_process.hpp"

namespace triage::test {

using Json = nlohmann::json;

class JsonConversation {
public:
    explicit JsonConversation(std::vector<std::string> extraArgs = {});

    /// The next object the process writes; a JSON null at end of output.
    Json next();
    void send(const Json& request) { process_.send(request.dump() + "\n"); }
    void sendRaw(const std::string& line) { process_.send(line + "\n"); }
    TriageProcess& process() { return process_; }

    /// Answers each question from `answers` (fact -> answer; a fact not in the
    /// table is answered null, "unknown") until a conclusion, starting from
    /// `current`. Returns the conclusion; `asked` collects the facts asked.
    Json answerUntilConclusion(Json current, const std::map<std::string, Json>& answers,
                               std::vector<std::string>* asked = nullptr);

private:
    TriageProcess process_;
};

/// The facts of the Wi-Fi scenario of printer.rules.
std::map<std::string, Json> wifiDroppedAnswers();

}  // namespace triage::test
