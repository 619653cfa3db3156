#include "answer_parser.hpp"

#include <algorithm>
#include <cctype>

#include "ui_text.hpp"

namespace triage::cli {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

bool meansUnknown(std::string_view answer) {
    const std::string word = lower(trim(answer));
    return word == "?" || word == "unknown" || word == "onbekend";
}

const std::vector<std::string>& askCommandWords() {
    static const std::vector<std::string> words{"why", "how", "why-not", "back", "facts", "help", "restart", "quit"};
    return words;
}

AskInput parseAskInput(std::string_view line) {
    line = trim(line);
    if (line.empty()) return {};
    if (meansUnknown(line)) return {AskInput::Kind::Unknown, std::string(line)};

    const auto space = line.find_first_of(" \t");
    const std::string word = lower(line.substr(0, space));
    const std::string rest(space == std::string_view::npos ? std::string_view{} : trim(line.substr(space)));

    using Kind = AskInput::Kind;
    if (word == "why-not" || word == "whynot") return {Kind::WhyNot, rest};
    // Commands take no argument, so "why x" is a mistyped command, not an answer.
    static const std::pair<const char*, Kind> commands[] = {
        {"why", Kind::Why},         {"how", Kind::How},   {"back", Kind::Back},
        {"facts", Kind::Facts},     {"help", Kind::Help}, {"restart", Kind::Restart},
        {"quit", Kind::Quit},       {"exit", Kind::Quit},
    };
    for (const auto& [name, kind] : commands)
        if (word == name) return rest.empty() ? AskInput{kind, {}} : AskInput{Kind::BadCommand, std::string(line)};
    return {Kind::Answer, std::string(line)};
}

std::vector<std::string> offeredAnswers(const engine::Fact& fact, const std::string& language) {
    switch (fact.type) {
        case engine::FactType::Bool: {
            const UiText& ui = uiText(language);
            return {ui.yes, ui.no};
        }
        case engine::FactType::Enum: return fact.enumValues;
        case engine::FactType::Code:
        case engine::FactType::Number: return {};
    }
    return {};
}

}  // namespace triage::cli
