#include "bucket_programs.hpp"

#include <limits>

namespace triage::engine {

namespace {

BucketPrograms::Program programOf(const std::vector<RuleId>& rules, const ConditionMasks& masks,
                                  const RuleEffects& effects) {
    BucketPrograms::Program program;
    for (RuleId rule : rules) {
        // A rule that sets a fact must go through fire(), which derives it.
        const auto test = effects.setsFacts(rule) ? std::nullopt : masks.twoWordTest(rule);
        constexpr std::uint32_t widest = std::numeric_limits<std::uint16_t>::max();
        if (test && test->word[0] <= widest && test->word[1] <= widest) {
            program.simple.push_back({{test->mask[0], test->mask[1]},
                                      {test->expected[0], test->expected[1]},
                                      rule,
                                      {static_cast<std::uint16_t>(test->word[0]), static_cast<std::uint16_t>(test->word[1])}});
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

std::vector<bool> BucketPrograms::simpleRules(std::size_t ruleCount) const {
    std::vector<bool> simple(ruleCount, false);
    auto mark = [&simple](const Program& program) {
        for (const SimpleRule& rule : program.simple) simple[rule.rule] = true;
    };
    for (const Program& program : buckets_) mark(program);
    mark(unguarded_);
    return simple;
}

}  // namespace triage::engine
