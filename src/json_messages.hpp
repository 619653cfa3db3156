// The objects `triage ask --json` writes (docs/protocol.md): questions,
// conclusions, explanations, facts and errors as JSON, texts in the session language.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ask_conversation.hpp"

namespace triage::cli {

/// Keeps "type" first on the wire, so a transcript reads well.
using Json = nlohmann::ordered_json;

class JsonMessages {
public:
    JsonMessages(const engine::KnowledgeBase& kb, std::string language);

    Json question(engine::FactId fact) const;
    /// The conclusion, or a conclusion with "cause": null when no cause has evidence.
    Json conclusion(const engine::Session& session) const;
    Json why(const engine::WhyExplanation& why) const;
    Json how(const engine::HowExplanation& how) const;
    Json whyNot(const engine::WhyNotExplanation& whyNot) const;
    Json facts(const std::vector<Conversation::KnownFact>& facts) const;
    static Json error(const std::string& message);

private:
    Json cause(engine::CauseId cause, double score) const;
    Json atoms(const std::vector<engine::AtomStatus>& atoms) const;
    Json value(engine::FactId fact, engine::Value value) const;
    Json text(const engine::LocalizedText& text) const;

    const engine::KnowledgeBase& kb_;
    std::string language_;
};

}  // namespace triage::cli
