#include "bucket_programs.hpp"

namespace triage::engine {

namespace {

BucketPrograms::Program programOf(const std::vector<RuleId>& rules, const ConditionMasks& masks,
                                  const RuleEffects& effects) {
    BucketPrograms::Program program;
    for (RuleId rule : rules) {
        // A rule that sets a fact must go through fire(), which derives it.
        const auto test = effects.setsFacts(rule) ? std::nullopt : masks.twoWordTest(rule);
        if (test) {
            program.simple.push_back({*test, rule});
        } else {
            program.general.push_back(rule);
        }
    }
    program.simple.shrink_to_fit();
    program.general.shrink_to_fit();
    return program;
}

}  // namespace

BucketPrograms::BucketPrograms(const RuleIndex& index, const ConditionMasks& masks, const RuleEffects& effects) {
    buckets_.reserve(index.buckets.size());
    for (const RuleIndex::Bucket& bucket : index.buckets) buckets_.push_back(programOf(bucket.rules, masks, effects));
    unguarded_ = programOf(index.unguarded, masks, effects);
}

}  // namespace triage::engine
