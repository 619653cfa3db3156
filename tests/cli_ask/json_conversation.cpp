#include "json_conversation.hpp"

namespace triage::test {
namespace {

std::vector<std::string> askArgs(std::vector<std::string> extra) {
    std::vector<std::string> args{"--rules", printerRules(), "ask", "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

}  // namespace

JsonConversation::JsonConversation(std::vector<std::string> extraArgs)
    : process_(askArgs(std::move(extraArgs)), TriageProcess::Input::Pipe) {}

Json JsonConversation::next() {
    const auto line = process_.readLine();
    if (!line) return nullptr;
    return Json::parse(*line);
}

Json JsonConversation::answerUntilConclusion(Json current, const std::map<std::string, Json>& answers,
                                             std::vector<std::string>* asked) {
    // More questions than facts would mean a question is repeated.
    for (int turn = 0; turn < 20 && current.value("type", "") == "question"; ++turn) {
        const std::string fact = current["fact"];
        if (asked) asked->push_back(fact);
        const auto answer = answers.find(fact);
        send(Json{{"answer", answer == answers.end() ? Json(nullptr) : answer->second}});
        current = next();
    }
    return current;
}

std::map<std::string, Json> wifiDroppedAnswers() {
    return {{"power_light", "yes"},
            {"error_code", nullptr},
            {"connection", "wifi"},
            {"paper_tray_empty", "no"},
            {"printer_online", "no"}};
}

}  // namespace triage::test
