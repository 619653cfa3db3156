#include "json_messages.hpp"

#include <cmath>

#include "answer_parser.hpp"

namespace triage::cli {
namespace {

/// Four decimals are plenty for a front end and keep transcripts readable.
double rounded(double score) { return std::round(score * 10000.0) / 10000.0; }

const char* factTypeName(engine::FactType type) {
    switch (type) {
        case engine::FactType::Bool: return "bool";
        case engine::FactType::Enum: return "enum";
        case engine::FactType::Code: return "code";
        case engine::FactType::Number: return "number";
    }
    return "bool";
}

const char* truthName(engine::AtomStatus::Truth truth) {
    switch (truth) {
        case engine::AtomStatus::Truth::True: return "true";
        case engine::AtomStatus::Truth::False: return "false";
        case engine::AtomStatus::Truth::Unknown: return "unknown";
    }
    return "unknown";
}

const char* sourceName(Conversation::FactSource source) {
    switch (source) {
        case Conversation::FactSource::Given: return "given";
        case Conversation::FactSource::Answered: return "answered";
        case Conversation::FactSource::Derived: return "derived";
    }
    return "derived";
}

}  // namespace

JsonMessages::JsonMessages(const engine::KnowledgeBase& kb, std::string language)
    : kb_(kb), language_(std::move(language)) {}

Json JsonMessages::text(const engine::LocalizedText& text) const {
    return text.empty() ? Json(nullptr) : Json(std::string(text.in(language_)));
}

Json JsonMessages::value(engine::FactId fact, engine::Value value) const {
    const engine::Fact& info = kb_.fact(fact);
    switch (info.type) {
        case engine::FactType::Bool: return value.asBool();
        case engine::FactType::Number: return value.raw();
        case engine::FactType::Enum:
        case engine::FactType::Code: return engine::formatValue(info, value);
    }
    return nullptr;
}

Json JsonMessages::cause(engine::CauseId cause, double score) const {
    return Json{{"cause", kb_.cause(cause).name}, {"score", rounded(score)}, {"title", text(kb_.cause(cause).title)}};
}

Json JsonMessages::question(engine::FactId fact) const {
    const engine::Fact& info = kb_.fact(fact);
    Json message{{"type", "question"}, {"fact", info.name}};
    message["text"] = info.question.empty() ? Json(info.name) : Json(std::string(info.question.in(language_)));
    message["help"] = text(info.help);
    message["fact_type"] = factTypeName(info.type);
    message["answers"] = offeredAnswers(info, language_);
    return message;
}

Json JsonMessages::conclusion(const engine::Session& session) const {
    Json message{{"type", "conclusion"}};
    const auto found = session.conclusion();
    if (!found) {
        message.update(Json{{"cause", nullptr}, {"title", nullptr}, {"score", 0}, {"confident", false},
                            {"ranking", Json::array()}, {"fix", Json::array()}});
        return message;
    }
    const engine::Cause& top = kb_.cause(found->cause);
    message["cause"] = top.name;
    message["title"] = text(top.title);
    message["score"] = rounded(found->score);
    message["confident"] = found->confident;
    Json ranking = Json::array({cause(found->cause, found->score)});
    for (const auto& other : found->runnersUp) ranking.push_back(cause(other.cause, other.score));
    message["ranking"] = std::move(ranking);
    Json fix = Json::array();
    for (const auto step : found->steps)
        fix.push_back(Json{{"id", top.steps.at(step).id}, {"text", text(top.steps.at(step).text)}});
    message["fix"] = std::move(fix);
    return message;
}

Json JsonMessages::atoms(const std::vector<engine::AtomStatus>& atoms) const {
    Json list = Json::array();
    for (const auto& atom : atoms)
        list.push_back(Json{{"fact", kb_.fact(atom.fact).name}, {"text", atom.text}, {"truth", truthName(atom.truth)}});
    return list;
}

Json JsonMessages::why(const engine::WhyExplanation& why) const {
    Json stakes = Json::array();
    for (const auto& stake : why.stakes) {
        Json causes = Json::array();
        for (const auto cause : stake.causes) causes.push_back(kb_.cause(cause).name);
        stakes.push_back(Json{{"rule", kb_.rule(stake.rule).name}, {"causes", std::move(causes)}});
    }
    return Json{{"type", "explanation"}, {"kind", "why"}, {"fact", kb_.fact(why.fact).name},
                {"stakes", std::move(stakes)}};
}

Json JsonMessages::how(const engine::HowExplanation& how) const {
    Json steps = Json::array();
    for (const auto& step : how.steps) {
        Json derivedFrom = Json::array();
        for (const auto rule : step.derivedFrom) derivedFrom.push_back(kb_.rule(rule).name);
        steps.push_back(Json{{"rule", kb_.rule(step.rule).name},
                             {"supports", step.supports},
                             {"certainty", rounded(step.certainty)},
                             {"used", atoms(step.used)},
                             {"derived_from", std::move(derivedFrom)}});
    }
    Json message{{"type", "explanation"}, {"kind", "how"}};
    message.update(cause(how.cause, how.score));
    message["prior"] = rounded(how.prior);
    message["steps"] = std::move(steps);
    return message;
}

Json JsonMessages::whyNot(const engine::WhyNotExplanation& whyNot) const {
    Json rules = Json::array();
    for (const auto& blocked : whyNot.rules)
        rules.push_back(Json{{"rule", kb_.rule(blocked.rule).name}, {"failing", atoms(blocked.failing)}});
    Json message{{"type", "explanation"}, {"kind", "why-not"}};
    message.update(cause(whyNot.cause, whyNot.score));
    message["top"] = whyNot.top ? cause(*whyNot.top, whyNot.topScore) : Json(nullptr);
    message["rules"] = std::move(rules);
    return message;
}

Json JsonMessages::facts(const std::vector<Conversation::KnownFact>& facts) const {
    Json list = Json::array();
    for (const auto& known : facts)
        list.push_back(Json{{"fact", kb_.fact(known.fact).name},
                            {"value", known.value ? value(known.fact, *known.value) : Json(nullptr)},
                            {"source", sourceName(known.source)}});
    return Json{{"type", "facts"}, {"facts", std::move(list)}};
}

Json JsonMessages::error(const std::string& message) { return Json{{"type", "error"}, {"message", message}}; }

}  // namespace triage::cli
