// `triage ask`: an interactive diagnosis, on a terminal (readline) or as a
// JSON Lines protocol for front ends (--json). Reads and renders only; the
// engine session decides what to ask and what follows.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "ask_conversation.hpp"
#include "commands.hpp"
#include "interactive_session.hpp"
#include "json_protocol.hpp"
#include "line_reader.hpp"
#include "ticket_reader.hpp"

namespace triage::cli {
namespace {

struct AskOptions {
    bool json = false;
    std::string factsPath;
};

/// A ticket's facts: one JSON object, or the first line of a JSON Lines file.
std::optional<GivenFacts> readGivenFacts(const engine::KnowledgeBase& kb, const std::string& path,
                                         std::string& error) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        error = "cannot read '" + path + "'";
        return std::nullopt;
    }
    std::stringstream content;
    content << file.rdbuf();
    const std::string text = content.str();

    JsonTicketParser parser(kb);
    Ticket ticket = parser.parse(text);
    if (!ticket.ok()) {
        // Not one object: a JSON Lines file seeds the session from its first ticket.
        const auto start = text.find_first_not_of(" \t\r\n");
        const auto end = start == std::string::npos ? start : text.find('\n', start);
        if (start != std::string::npos && end != std::string::npos) {
            Ticket first = parser.parse(std::string_view(text).substr(start, end - start));
            if (first.ok()) ticket = std::move(first);
        }
    }
    if (!ticket.ok()) {
        error = path + ": " + ticket.error;
        return std::nullopt;
    }
    return std::move(ticket.facts);
}

int runAsk(const GlobalOptions& options, const AskOptions& ask) {
    const auto model = loadModel(options, std::cerr);
    if (!model) return 1;
    GivenFacts given;
    if (!ask.factsPath.empty()) {
        std::string error;
        auto facts = readGivenFacts(model->kb(), ask.factsPath, error);
        if (!facts) {
            std::cerr << "triage ask: " << error << '\n';
            return 2;
        }
        given = std::move(*facts);
    }
    Conversation conversation(model, std::move(given), resolveLanguage(options));
    if (ask.json) {
        LineReader reader(false);
        return runJsonProtocol(conversation, reader, std::cout);
    }
    LineReader reader(isatty(STDIN_FILENO) != 0);
    return runInteractiveSession(conversation, reader, std::cout);
}

}  // namespace

void registerAskCommand(CLI::App& app, GlobalOptions& options, int& exitCode) {
    auto ask = std::make_shared<AskOptions>();
    CLI::App* command = app.add_subcommand(
        "ask", "Diagnose interactively: asks only the questions that matter, then names the cause and its fix.");
    command->add_flag("--json", ask->json, "Speak the JSON Lines protocol on stdin/stdout (docs/protocol.md)");
    command->add_option("--facts", ask->factsPath, "Start from a ticket's facts (a JSON object with \"facts\")")
        ->check(CLI::ExistingFile);
    command->footer(
        "At the prompt: answer, or ? if you don't know; why, how, why-not CAUSE, back, facts, help, restart, quit.\n"
        "Ctrl-D or Ctrl-C ends the session.");
    command->callback([&options, &exitCode, ask] { exitCode = runAsk(options, *ask); });
}

}  // namespace triage::cli
