// The state both `triage ask` front ends (terminal and JSON Lines) share: the
// engine session, the facts it started from, and the open question. It only
// forwards to engine::Session; every decision is the engine's.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "triage/engine/session.hpp"

namespace triage::cli {

using GivenFacts = std::vector<std::pair<engine::FactId, engine::Value>>;

/// The longest answer accepted (docs/limits.md): far beyond any value, and it
/// keeps the did-you-mean search over cause names cheap.
inline constexpr std::size_t maxAnswerBytes = 4096;

class Conversation {
public:
    Conversation(std::shared_ptr<const engine::Model> model, GivenFacts given, std::string language);

    const engine::KnowledgeBase& kb() const { return model_->kb(); }
    const engine::Session& session() const { return session_; }
    const std::string& language() const { return language_; }
    const GivenFacts& given() const { return given_; }

    /// The question to ask now; none once the engine has nothing left to ask.
    const std::optional<engine::Question>& openQuestion() const { return open_; }

    /// Answers the open question with what the user typed ("?" = unknown).
    /// Returns a one-line reason, in the session language, when it does not fit.
    std::optional<std::string> answer(std::string_view text);
    void answerUnknown();
    /// Takes back the last answer; false when there is none.
    bool back();
    void restart();

    /// The cause `how` explains: the conclusion's, else the top of the ranking.
    std::optional<engine::CauseId> howTarget() const;
    /// Finds a cause by name; else sets `error` to a one-line message with the closest names.
    std::optional<engine::CauseId> findCause(std::string_view name, std::string& error) const;

    enum class FactSource { Given, Answered, Derived };
    struct KnownFact {
        engine::FactId fact = 0;
        std::optional<engine::Value> value;  // none: answered "unknown"
        FactSource source = FactSource::Answered;
    };
    /// Every fact with a value or an answer, in declaration order.
    std::vector<KnownFact> knownFacts() const;

private:
    void refreshQuestion();

    std::shared_ptr<const engine::Model> model_;
    GivenFacts given_;
    std::string language_;
    engine::Session session_;
    std::optional<engine::Question> open_;
};

}  // namespace triage::cli
