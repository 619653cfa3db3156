#include "triage/engine/model.hpp"

#include <set>

#include <spdlog/spdlog.h>

#include "answer_values.hpp"
#include "compiled_rules.hpp"
#include "triage/engine/inference_graph.hpp"
#include "triage/engine/plogp_memo.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/scoring.hpp"
#include "triage/engine/truth.hpp"

namespace triage::engine {

Model::~Model() = default;

const CompiledRules& Model::compiledRules() const {
    std::call_once(compiledOnce_, [this] { compiled_ = std::make_unique<CompiledRules>(*kb_, *index_); });
    return *compiled_;
}

const InferenceGraph& Model::graph() const {
    std::call_once(graphOnce_, [this] { graph_ = std::make_unique<InferenceGraph>(*kb_); });
    return *graph_;
}

namespace {

ModelIssue cycleIssue(const KnowledgeBase& kb, const std::vector<RuleId>& rules) {
    std::set<FactId> set;
    std::set<FactId> read;
    for (RuleId rule : rules) {
        for (const auto& conclusion : kb.rules[rule].conclusions)
            if (conclusion.kind == engine::Conclusion::Kind::Sets) set.insert(conclusion.fact);
        for (FactId fact : factsRead(kb.rules[rule].condition)) read.insert(fact);
    }
    std::string ruleNames;
    for (RuleId rule : rules) ruleNames += (ruleNames.empty() ? "'" : ", '") + kb.rules[rule].name + "'";
    std::string factNames;
    for (FactId fact : set)
        if (read.count(fact)) factNames += (factNames.empty() ? "'" : ", '") + kb.facts[fact].name + "'";
    ModelIssue issue;
    issue.severity = ModelIssue::Severity::Error;
    issue.id = "derived-cycle";
    issue.message = "derived facts depend on themselves: rules " + ruleNames + " form a cycle through " +
                    factNames;
    issue.origin = kb.rules[rules.front()].origin;
    return issue;
}

}  // namespace

void Model::indexRulesByCause() {
    const KnowledgeBase& base = *kb_;
    const std::size_t causes = base.causes.size();
    // Each rule once per cause, however many of its conclusions name it.
    std::vector<RuleId> last(causes);
    auto rulesAbout = [&](bool supportsOnly) {
        return [&base, &last, supportsOnly](auto&& emit) {
            constexpr RuleId none = ~RuleId{0};
            std::fill(last.begin(), last.end(), none);
            for (RuleId rule = 0; rule < base.rules.size(); ++rule)
                for (const auto& conclusion : base.rules[rule].conclusions) {
                    if (conclusion.kind == engine::Conclusion::Kind::Sets) continue;
                    if (supportsOnly && conclusion.kind != engine::Conclusion::Kind::Supports) continue;
                    if (last[conclusion.cause] != rule) emit(conclusion.cause, rule);
                    last[conclusion.cause] = rule;
                }
        };
    };
    concluding_ = ListsInOneArray<RuleId>::gathered(causes, rulesAbout(false));
    supporting_ = ListsInOneArray<RuleId>::gathered(causes, rulesAbout(true));
}

std::shared_ptr<const Model> Model::build(std::shared_ptr<const KnowledgeBase> kb, std::vector<ModelIssue>& issues) {
    std::shared_ptr<Model> model(new Model());
    model->kb_ = std::move(kb);
    const KnowledgeBase& base = *model->kb_;
    // The graph is needed here (issues, levels), then only by `triage graph`
    // and `why`: it goes before the indexes are built, at the peak of the load.
    auto graph = std::make_unique<InferenceGraph>(base);

    const auto cycles = graph->derivedFactCycles();
    for (const auto& rules : cycles) issues.push_back(cycleIssue(base, rules));
    if (!cycles.empty()) return nullptr;

    for (CauseId cause : graph->unreachableCauses()) {
        ModelIssue issue;
        issue.severity = ModelIssue::Severity::Warning;
        issue.id = "unreachable-cause";
        issue.message = "cause '" + base.causes[cause].name +
                        "' can never be concluded: no rule leads to it from a fact that is asked or given";
        issue.origin = base.causes[cause].origin;
        issues.push_back(std::move(issue));
    }

    std::vector<std::uint32_t> levels = graph->ruleLevels();
    graph.reset();
    model->index_ = std::make_unique<RuleIndex>(RuleIndex::build(base, std::move(levels)));
    model->answerValues_ = answerValuesByFact(base);
    model->indexRulesByCause();
    model->evidence_.reserve(base.causes.size());
    for (CauseId cause = 0; cause < base.causes.size(); ++cause) {
        for (RuleId rule : model->rulesConcluding(cause))
            for (const auto& conclusion : base.rules[rule].conclusions)
                if (conclusion.kind != engine::Conclusion::Kind::Sets && conclusion.cause == cause)
                    model->evidence_.add({rule, conclusion.kind == engine::Conclusion::Kind::Supports, conclusion.certainty});
        const double prior = base.causes[cause].prior;
        model->priorEntropyTerms_.push_back(plogp(prior));
        double keepSupport = 1.0;
        for (const Evidence& evidence : model->evidence_.open())
            if (evidence.supports) keepSupport *= 1.0 - evidence.certainty;
        model->scoreCeilings_.push_back(scoreFromProducts(prior, keepSupport, 1.0));
        model->evidence_.endList();
    }
    spdlog::debug("model built: {} facts, {} rules, {} causes, {} guard buckets", base.facts.size(),
                  base.rules.size(), base.causes.size(), model->index_->buckets.size());
    return model;
}

}  // namespace triage::engine
