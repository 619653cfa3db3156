#include "ask_conversation.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "answer_parser.hpp"
#include "ui_text.hpp"

namespace triage::cli {
namespace {

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// Answers in the session language: the engine's parseValue message is English only.
std::string answerError(const engine::Fact& fact, const UiText& ui) {
    switch (fact.type) {
        case engine::FactType::Bool: return fmt::format(fmt::runtime(ui.badBool), fact.name);
        case engine::FactType::Enum: {
            std::string values;
            for (const auto& value : fact.enumValues) values += (values.empty() ? "" : ", ") + value;
            return fmt::format(fmt::runtime(ui.badEnum), fact.name, values);
        }
        case engine::FactType::Code: return fmt::format(fmt::runtime(ui.badCode), fact.name);
        case engine::FactType::Number: return fmt::format(fmt::runtime(ui.badNumber), fact.name);
    }
    return {};
}

}  // namespace

Conversation::Conversation(std::shared_ptr<const engine::Model> model, GivenFacts given, std::string language)
    : model_(std::move(model)), given_(std::move(given)), language_(std::move(language)), session_(model_, given_) {
    refreshQuestion();
}

void Conversation::refreshQuestion() { open_ = session_.nextQuestion(); }

std::optional<std::string> Conversation::answer(std::string_view text) {
    if (!open_) return std::string(uiText(language_).noQuestionOpen);
    if (text.size() > maxAnswerBytes) return fmt::format(fmt::runtime(uiText(language_).answerTooLong), maxAnswerBytes);
    if (meansUnknown(text)) {
        answerUnknown();
        return std::nullopt;
    }
    const engine::Fact& fact = kb().fact(open_->fact);
    std::string engineError;
    const auto value = engine::parseValue(fact, text, engineError);
    if (!value) return answerError(fact, uiText(language_));
    session_.answer(open_->fact, value);
    refreshQuestion();
    return std::nullopt;
}

void Conversation::answerUnknown() {
    if (!open_) return;
    session_.answer(open_->fact, std::nullopt);
    refreshQuestion();
}

bool Conversation::back() {
    if (!session_.undo()) return false;
    refreshQuestion();
    return true;
}

void Conversation::restart() {
    session_ = engine::Session(model_, given_);
    refreshQuestion();
}

std::optional<engine::CauseId> Conversation::howTarget() const {
    if (const auto conclusion = session_.conclusion()) return conclusion->cause;
    const auto ranking = session_.ranking();
    if (ranking.empty()) return std::nullopt;
    return ranking.front().cause;
}

std::optional<engine::CauseId> Conversation::findCause(std::string_view name, std::string& error) const {
    if (auto id = kb().causeId(name)) return id;
    std::vector<std::pair<std::size_t, std::string>> candidates;
    for (const auto& cause : kb().causes) {
        // What was typed is more often the start of a name than a typo in it.
        const auto at = name.empty() ? std::string::npos : cause.name.find(name);
        const std::size_t rank = at == 0 ? 0 : at != std::string::npos ? 1 : 2 + editDistance(name, cause.name);
        candidates.emplace_back(rank, cause.name);
    }
    std::sort(candidates.begin(), candidates.end());
    const UiText& ui = uiText(language_);
    error = fmt::format(fmt::runtime(ui.unknownCause), name);
    std::string list;
    for (std::size_t i = 0; i < candidates.size() && i < 3; ++i)
        list += (list.empty() ? "" : ", ") + candidates[i].second;
    if (!list.empty()) error += fmt::format(fmt::runtime(ui.didYouMean), list);
    return std::nullopt;
}

std::vector<Conversation::KnownFact> Conversation::knownFacts() const {
    std::vector<KnownFact> known;
    for (engine::FactId id = 0; id < kb().facts.size(); ++id) {
        const auto value = session_.value(id);
        const bool asked = session_.wasAsked(id);
        if (!value && !asked) continue;
        const bool given = std::any_of(given_.begin(), given_.end(), [&](const auto& g) { return g.first == id; });
        const FactSource source = asked ? FactSource::Answered : given ? FactSource::Given : FactSource::Derived;
        known.push_back({id, value, source});
    }
    return known;
}

}  // namespace triage::cli
