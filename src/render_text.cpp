#include "render_text.hpp"

#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "answer_parser.hpp"

namespace triage::cli {
namespace {

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

}  // namespace

TextRenderer::TextRenderer(const engine::KnowledgeBase& kb, std::string language)
    : kb_(kb), language_(std::move(language)), ui_(uiText(language_)) {}

std::string TextRenderer::percent(double score) {
    return fmt::format("{}%", static_cast<int>(std::lround(score * 100)));
}

std::string TextRenderer::questionText(engine::FactId fact) const {
    const std::string_view text = kb_.fact(fact).question.in(language_);
    return text.empty() ? kb_.fact(fact).name + "?" : std::string(text);
}

std::string TextRenderer::answerHint(engine::FactId fact) const {
    const engine::Fact& info = kb_.fact(fact);
    std::vector<std::string> choices = offeredAnswers(info, language_);
    if (choices.empty()) choices.push_back(info.type == engine::FactType::Code ? ui_.codeHint : ui_.numberHint);
    choices.push_back(ui_.unknownHint);
    return joined(choices, " / ");
}

std::string TextRenderer::causeTitle(engine::CauseId cause) const {
    const std::string_view title = kb_.cause(cause).title.in(language_);
    return title.empty() ? kb_.cause(cause).name : std::string(title);
}

std::string TextRenderer::ruleName(engine::RuleId rule) const {
    const engine::Rule& info = kb_.rule(rule);
    if (info.origin.file.empty()) return info.name;
    return fmt::format("{} ({}:{})", info.name, std::filesystem::path(info.origin.file.str()).filename().string(),
                       info.origin.line);
}

std::string TextRenderer::conclusion(const engine::Session& session) const {
    const auto found = session.conclusion();
    if (!found) return std::string(ui_.noCause) + "\n";
    std::string out = fmt::format(fmt::runtime(ui_.mostLikely), causeTitle(found->cause), percent(found->score)) + "\n";
    if (!found->confident) out += std::string(ui_.notConfident) + "\n";
    if (!found->runnersUp.empty()) {
        out += std::string(ui_.otherCandidates) + "\n";
        for (const auto& other : found->runnersUp)
            out += fmt::format("  - {} [{}] ({})\n", causeTitle(other.cause), kb_.cause(other.cause).name,
                               percent(other.score));
    }
    const engine::Cause& cause = kb_.cause(found->cause);
    if (!found->steps.empty()) {
        out += std::string(ui_.fixHeading) + "\n";
        int number = 1;
        for (const auto step : found->steps)
            out += fmt::format("  {}. {}\n", number++, cause.steps.at(step).text.in(language_));
    }
    return out;
}

std::string TextRenderer::why(const engine::WhyExplanation& why) const {
    std::string out = fmt::format(fmt::runtime(ui_.whyHeading), questionText(why.fact)) + "\n";
    if (why.stakes.empty()) return out + ui_.whyNothing + "\n";
    for (const auto& stake : why.stakes) {
        std::vector<std::string> causes;
        for (const auto cause : stake.causes) causes.push_back(kb_.cause(cause).name);
        out += fmt::format(fmt::runtime(ui_.whyRule), ruleName(stake.rule), joined(causes, ", ")) + "\n";
    }
    return out;
}

std::string TextRenderer::atomLines(const std::vector<engine::AtomStatus>& atoms) const {
    std::string out;
    for (const auto& atom : atoms) {
        const char* format = atom.truth == engine::AtomStatus::Truth::False ? ui_.atomFalse : ui_.atomUnknown;
        out += fmt::format(fmt::runtime(format), atom.text) + "\n";
    }
    return out;
}

std::string TextRenderer::how(const engine::HowExplanation& how) const {
    std::string out = fmt::format(fmt::runtime(ui_.howHeading), causeTitle(how.cause), percent(how.score),
                                  percent(how.prior)) + "\n";
    if (how.steps.empty()) return out + ui_.howNoRules + "\n";
    for (const auto& step : how.steps) {
        const char* format = step.supports ? ui_.howSupports : ui_.howExcludes;
        out += fmt::format(fmt::runtime(format), ruleName(step.rule), percent(step.certainty)) + "\n";
        std::vector<std::string> used;
        for (const auto& atom : step.used) used.push_back(atom.text);
        if (!used.empty()) out += fmt::format(fmt::runtime(ui_.howUses), joined(used, ", ")) + "\n";
        std::vector<std::string> derived;
        for (const auto rule : step.derivedFrom) derived.push_back(kb_.rule(rule).name);
        if (!derived.empty()) out += fmt::format(fmt::runtime(ui_.howDerivedFrom), joined(derived, ", ")) + "\n";
    }
    return out;
}

std::string TextRenderer::whyNot(const engine::WhyNotExplanation& whyNot) const {
    std::string out = fmt::format(fmt::runtime(ui_.whyNotHeading), causeTitle(whyNot.cause), percent(whyNot.score)) + "\n";
    if (whyNot.top && *whyNot.top == whyNot.cause)
        out += std::string(ui_.whyNotIsTop) + "\n";
    else if (whyNot.top)
        out += fmt::format(fmt::runtime(ui_.whyNotTop), causeTitle(*whyNot.top), percent(whyNot.topScore)) + "\n";
    if (whyNot.rules.empty()) return out + ui_.whyNotNoRules + "\n";
    for (const auto& blocked : whyNot.rules) {
        out += fmt::format(fmt::runtime(ui_.whyNotRule), ruleName(blocked.rule)) + "\n";
        out += atomLines(blocked.failing);
    }
    return out;
}

std::string TextRenderer::facts(const std::vector<FactLine>& facts) const {
    if (facts.empty()) return std::string(ui_.factsNone) + "\n";
    std::string out = std::string(ui_.factsHeading) + "\n";
    for (const auto& line : facts) {
        const engine::Fact& fact = kb_.fact(line.fact);
        std::string value = ui_.factUnknown;
        if (line.value && fact.type == engine::FactType::Bool)
            value = line.value->asBool() ? ui_.yes : ui_.no;
        else if (line.value)
            value = engine::formatValue(fact, *line.value);
        out += fmt::format("  {} = {} ({})\n", fact.name, value, line.source);
    }
    return out;
}

}  // namespace triage::cli
