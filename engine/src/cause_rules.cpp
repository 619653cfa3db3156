#include "cause_rules.hpp"

#include <vector>

namespace triage::engine {

CauseRules::CauseRules(const KnowledgeBase& kb, const RuleIndex& index, const BucketPrograms& programs) {
    // Each rule sits in one program: its guard's bucket, or the unguarded one.
    std::vector<const BucketPrograms::SimpleRule*> simpleOf(kb.rules.size(), nullptr);
    auto collect = [&simpleOf](const BucketPrograms::Program& program) {
        for (const BucketPrograms::SimpleRule& simple : program.simple) simpleOf[simple.rule] = &simple;
    };
    for (std::size_t bucket = 0; bucket < index.buckets.size(); ++bucket) collect(programs.bucket(bucket));
    collect(programs.unguarded());

    auto forEachConclusion = [&](auto emit) {
        for (RuleId rule = 0; rule < kb.rules.size(); ++rule)
            for (const Conclusion& conclusion : kb.rules[rule].conclusions)
                if (conclusion.kind != Conclusion::Kind::Sets) emit(conclusion.cause, rule);
    };
    auto guardOf = [&index](RuleId rule) {
        const RuleIndex::MaybeGuard& guard = index.guards[rule];
        return std::pair{guard ? guard->fact : noGuard, guard ? guard->value.raw() : 0.0};
    };
    simple_ = ListsInOneArray<SimpleRule>::gathered(kb.causes.size(), [&](auto emit) {
        forEachConclusion([&](CauseId cause, RuleId rule) {
            const BucketPrograms::SimpleRule* simple = simpleOf[rule];
            if (simple == nullptr) return;
            const auto [fact, value] = guardOf(rule);
            emit(cause, SimpleRule{value,
                                   {simple->mask[0], simple->mask[1]},
                                   {simple->expected[0], simple->expected[1]},
                                   rule,
                                   fact,
                                   {simple->word[0], simple->word[1]}});
        });
    });
    general_ = ListsInOneArray<GuardedRule>::gathered(kb.causes.size(), [&](auto emit) {
        forEachConclusion([&](CauseId cause, RuleId rule) {
            if (simpleOf[rule] != nullptr) return;
            const auto [fact, value] = guardOf(rule);
            emit(cause, GuardedRule{value, rule, fact});
        });
    });
}

}  // namespace triage::engine
