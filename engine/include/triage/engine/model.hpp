// A KnowledgeBase made ready to run: the inference graph and the indexes that
// forward chaining needs. Built once, shared read-only by sessions and threads.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "triage/engine/knowledge_base.hpp"
#include "triage/engine/lists_in_one_array.hpp"

namespace triage::engine {

class InferenceGraph;
struct RuleIndex;
class CompiledRules;

/// A problem found while building the model (a cycle among derived facts...).
struct ModelIssue {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string id;       // stable warning id, e.g. "unreachable-cause"
    std::string message;  // names the rules / facts involved
    Origin origin;        // the first rule or cause involved
};

/// Thresholds that decide when a session concludes (see docs/inference.md).
struct StopPolicy {
    double confidentScore = 0.8;   // top cause score at least this...
    double confidentMargin = 0.2;  // ...and this far above the runner-up
};

class Model {
public:
    /// Builds graph and indexes. Issues with Severity::Error mean the model must not run.
    static std::shared_ptr<const Model> build(std::shared_ptr<const KnowledgeBase> kb,
                                              std::vector<ModelIssue>& issues);
    ~Model();

    const KnowledgeBase& kb() const { return *kb_; }
    /// The inference graph. Model::build reads it and lets it go (~11 MB at
    /// 100,000 rules that batch never reads); built again on first use.
    const InferenceGraph& graph() const;
    const RuleIndex& index() const { return *index_; }
    /// The conditions compiled for batch evaluation (engine/src); built on
    /// first use, so that loading and sessions never pay for them.
    const CompiledRules& compiledRules() const;
    /// Builds compiledRules() now rather than on the first batch ticket.
    void compileForBatch() const { (void)compiledRules(); }
    StopPolicy stopPolicy;

    /// The answers question selection simulates for a fact: bool true/false,
    /// each enum value, the codes conditions test plus one other code, or a
    /// number on each side of every threshold.
    const std::vector<Value>& answerValues(FactId fact) const { return answerValues_[fact]; }
    /// Rules that support or exclude the cause, ascending.
    std::span<const RuleId> rulesConcluding(CauseId cause) const { return concluding_[cause]; }
    /// Rules that support the cause, ascending.
    std::span<const RuleId> rulesSupporting(CauseId cause) const { return supporting_[cause]; }
    /// One support or exclusion of a cause by a rule.
    struct Evidence {
        RuleId rule = 0;
        bool supports = true;  // else excludes
        double certainty = 1;
    };
    /// What rules conclude about the cause: by rule ascending, then in `then`
    /// order, the order scores multiply in (question choice re-scores from it).
    std::span<const Evidence> evidenceAbout(CauseId cause) const { return evidence_[cause]; }
    /// prior · log2(prior) (0 for a prior of 0): a cause's term in the
    /// entropy of the distribution while it has no evidence.
    double priorEntropyTerm(CauseId cause) const { return priorEntropyTerms_[cause]; }
    /// The cause's score with every supporting rule fired and no exclusion:
    /// no state scores it higher (up to rounding).
    double scoreCeiling(CauseId cause) const { return scoreCeilings_[cause]; }

private:
    Model() = default;
    std::shared_ptr<const KnowledgeBase> kb_;
    mutable std::once_flag graphOnce_;
    mutable std::unique_ptr<InferenceGraph> graph_;
    std::unique_ptr<RuleIndex> index_;
    mutable std::once_flag compiledOnce_;
    mutable std::unique_ptr<CompiledRules> compiled_;
    std::vector<std::vector<Value>> answerValues_;
    void indexRulesByCause();
    // Per cause.
    ListsInOneArray<RuleId> concluding_;
    ListsInOneArray<RuleId> supporting_;
    ListsInOneArray<Evidence> evidence_;
    std::vector<double> priorEntropyTerms_;
    std::vector<double> scoreCeilings_;
};

}  // namespace triage::engine
