#include "json_protocol.hpp"

#include <fmt/format.h>

#include "json_messages.hpp"
#include "ui_text.hpp"

namespace triage::cli {
namespace {

class JsonProtocol {
public:
    JsonProtocol(Conversation& conversation, std::ostream& out)
        : conversation_(conversation), out_(out), messages_(conversation.kb(), conversation.language()),
          ui_(uiText(conversation.language())) {}

    /// Handles one request line; false after quit.
    bool handle(const std::string& line);
    /// Every response ends with where the session stands: a question or the conclusion.
    void writeState();
    void error(const std::string& message) { write(JsonMessages::error(message)); }

private:
    void write(const Json& message);
    void answer(const Json& request);
    /// False after quit.
    bool command(const Json& request);
    void whyNot(const Json& request);

    Conversation& conversation_;
    std::ostream& out_;
    JsonMessages messages_;
    const UiText& ui_;
};

void JsonProtocol::write(const Json& message) {
    // Answers echo user text into errors; replace bad UTF-8 instead of throwing.
    out_ << message.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n' << std::flush;
}

void JsonProtocol::writeState() {
    if (const auto& question = conversation_.openQuestion())
        write(messages_.question(question->fact));
    else
        write(messages_.conclusion(conversation_.session()));
}

bool JsonProtocol::handle(const std::string& line) {
    Json request;
    try {
        request = Json::parse(line);
    } catch (const Json::exception& failure) {  // parse_error, and out_of_range for 1e999
        error(fmt::format("invalid JSON: {}", failure.what()));
        return true;
    }
    if (!request.is_object()) {
        error(R"(a request must be a JSON object: {"answer": ...} or {"command": ...})");
    } else if (request.contains("answer")) {
        answer(request);
    } else if (request.contains("command")) {
        return command(request);
    } else {
        error(R"(a request needs "answer" or "command")");
    }
    return true;
}

void JsonProtocol::answer(const Json& request) {
    const auto& question = conversation_.openQuestion();
    if (!question) return error(ui_.noQuestionOpen);
    const std::string& asked = conversation_.kb().fact(question->fact).name;
    // A front end may name the fact it answers, so a stale answer cannot land on a new question.
    if (request.contains("fact") && request["fact"] != asked)
        return error(fmt::format("the answer is for '{}' but the open question is '{}'",
                                 request["fact"].is_string() ? request["fact"].get<std::string>()
                                                             : request["fact"].dump(),
                                 asked));
    const Json& value = request["answer"];
    if (value.is_null()) return conversation_.answerUnknown();
    std::string text;
    if (value.is_string()) text = value.get<std::string>();
    else if (value.is_boolean() || value.is_number()) text = value.dump();
    else return error(R"("answer" must be a string, a boolean, a number or null)");
    if (auto reason = conversation_.answer(text)) error(*reason);
}

bool JsonProtocol::command(const Json& request) {
    const Json& name = request["command"];
    const std::string command = name.is_string() ? name.get<std::string>() : name.dump();
    if (command == "quit") return false;
    if (command == "why") {
        if (const auto& question = conversation_.openQuestion())
            write(messages_.why(conversation_.session().why(question->fact)));
        else
            error(ui_.noQuestionOpen);
    } else if (command == "how") {
        if (const auto cause = conversation_.howTarget())
            write(messages_.how(conversation_.session().how(*cause)));
        else
            error(ui_.noEvidenceYet);
    } else if (command == "why-not") {
        whyNot(request);
    } else if (command == "back") {
        if (!conversation_.back()) error(ui_.nothingToUndo);
    } else if (command == "facts") {
        write(messages_.facts(conversation_.knownFacts()));
    } else if (command == "restart") {
        conversation_.restart();
    } else {
        error(fmt::format("unknown command '{}' (commands: why, how, why-not, back, facts, restart, quit)", command));
    }
    return true;
}

void JsonProtocol::whyNot(const Json& request) {
    if (!request.contains("cause") || !request["cause"].is_string())
        return error(R"(why-not needs "cause": {"command": "why-not", "cause": "CAUSE"})");
    std::string reason;
    if (const auto cause = conversation_.findCause(request["cause"].get<std::string>(), reason))
        write(messages_.whyNot(conversation_.session().whyNot(*cause)));
    else
        error(reason);
}

bool isBlank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

}  // namespace

int runJsonProtocol(Conversation& conversation, LineReader& reader, std::ostream& out) {
    JsonProtocol protocol(conversation, out);
    protocol.writeState();
    for (;;) {
        const LineReader::Result read = reader.read("");
        if (read.status != LineReader::Status::Line) return 0;
        if (read.tooLong) {
            protocol.error(fmt::format("request line longer than the limit of {} bytes; skipped", LineReader::maxLineBytes));
            protocol.writeState();
            continue;
        }
        if (isBlank(read.line)) continue;
        if (!protocol.handle(read.line)) return 0;
        protocol.writeState();
    }
}

}  // namespace triage::cli
