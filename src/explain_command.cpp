// `triage explain FILE`: one ticket (a JSON object, or the first line of a
// JSON Lines file) explained for a person: the ranking, how each ranked cause
// got its score (rules, the facts they used, where they are written), the fix.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "render_text.hpp"
#include "ticket_reader.hpp"

namespace triage::cli {

namespace {

/// The few words explain adds to the shared phrase book.
struct ExplainWords {
    const char* ticket;   // {} = id
    const char* ranking;
};

const ExplainWords& explainWords(const std::string& language) {
    static const ExplainWords english{"Ticket {}", "Ranking:"};
    static const ExplainWords dutch{"Ticket {}", "Rangschikking:"};
    return language == "nl" ? dutch : english;
}

bool readInput(const std::string& path, std::string& text) {
    if (path == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return !std::cin.bad();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    return true;
}

/// A whole-file JSON object (possibly pretty-printed) or, failing that, the
/// first non-blank line: the first ticket of a JSON Lines file.
Ticket readTicket(const engine::KnowledgeBase& kb, const std::string& text) {
    JsonTicketParser parser(kb);
    Ticket whole = parser.parse(text);
    if (whole.ok()) return whole;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (line.size() == text.size() || line.size() + 1 == text.size()) return whole;  // it was one line
        return parser.parse(line);
    }
    return whole;
}

}  // namespace

void registerExplainCommand(CLI::App& app, GlobalOptions& options, int& exitCode) {
    struct Settings {
        std::string input;
        std::size_t top = 3;
    };
    auto settings = std::make_shared<Settings>();
    CLI::App* command = app.add_subcommand("explain", "Explain the diagnosis of one ticket: ranking, rules, fix");
    command->add_option("ticket", settings->input,
                        "A JSON ticket, or a JSON Lines file (its first line), or - for stdin")
        ->required();
    command->add_option("--top", settings->top, "Ranked causes to explain (default: 3)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
    command->footer(
        "Ticket format: {\"id\": \"T-1\", \"facts\": {\"error_code\": \"0xC004F211\"}} (see docs/cli.md).\n"
        "Exit codes: 0 explained, 1 an unusable ticket or rules with errors, 2 usage error.");
    command->callback([settings, &options, &exitCode] {
        exitCode = 1;
        std::string text;
        if (!readInput(settings->input, text)) {
            std::cerr << "triage explain: cannot read " << settings->input << "\n";
            exitCode = 2;
            return;
        }
        const auto model = loadModel(options, std::cerr);
        if (!model) return;
        const engine::KnowledgeBase& kb = model->kb();
        const Ticket ticket = readTicket(kb, text);
        if (!ticket.ok()) {
            std::cerr << settings->input << ": error: " << ticket.error << "\n";
            return;
        }

        const std::string language = resolveLanguage(options);
        const TextRenderer render(kb, language);
        const ExplainWords& words = explainWords(language);
        const engine::Session session(model, ticket.facts);
        std::string out;
        if (ticket.id) out += fmt::format(fmt::runtime(words.ticket), *ticket.id) + "\n\n";

        const std::vector<engine::RankedCause> ranking = session.ranking();
        if (ranking.empty()) {
            out += std::string(render.ui().noCause) + "\n";
        } else {
            out += std::string(words.ranking) + "\n";
            for (std::size_t i = 0; i < ranking.size() && i < settings->top; ++i)
                out += fmt::format("  {}. {} [{}] {}\n", i + 1, render.causeTitle(ranking[i].cause),
                                   kb.cause(ranking[i].cause).name, TextRenderer::percent(ranking[i].score));
            for (std::size_t i = 0; i < ranking.size() && i < settings->top; ++i)
                out += "\n" + render.how(session.how(ranking[i].cause));
            out += "\n" + render.conclusion(session);
        }
        std::cout << out;
        exitCode = 0;
    });
}

}  // namespace triage::cli
