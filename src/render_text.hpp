// Renders what the engine decided as text for a person, in nl or en: a
// question, a conclusion with its fix, the why/how/why-not explanations and
// the known facts. Used by `triage ask` and `triage explain`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "triage/engine/session.hpp"
#include "ui_text.hpp"

namespace triage::cli {

/// A fact with its value (none: answered "don't know") and where it came from
/// ("given", "answered", "derived"), for renderFacts.
struct FactLine {
    engine::FactId fact = 0;
    std::optional<engine::Value> value;
    std::string source;
};

class TextRenderer {
public:
    TextRenderer(const engine::KnowledgeBase& kb, std::string language);

    const UiText& ui() const { return ui_; }
    const std::string& language() const { return language_; }

    /// The question text (falls back to the fact name when it has none).
    std::string questionText(engine::FactId fact) const;
    /// What the question takes, for the prompt: "ja/nee/?", "win7/win10/?".
    std::string answerHint(engine::FactId fact) const;
    /// A cause's title, or its name when it has no title.
    std::string causeTitle(engine::CauseId cause) const;

    /// Title, score, runners-up and numbered fix steps. Ends with a newline.
    std::string conclusion(const engine::Session& session) const;
    std::string why(const engine::WhyExplanation& why) const;
    std::string how(const engine::HowExplanation& how) const;
    std::string whyNot(const engine::WhyNotExplanation& whyNot) const;
    std::string facts(const std::vector<FactLine>& facts) const;

    /// 0.873 -> "87%".
    static std::string percent(double score);

private:
    std::string ruleName(engine::RuleId rule) const;
    std::string atomLines(const std::vector<engine::AtomStatus>& atoms) const;

    const engine::KnowledgeBase& kb_;
    std::string language_;
    const UiText& ui_;
};

}  // namespace triage::cli
