#include "triage/engine/working_memory.hpp"

#include <algorithm>
#include <functional>

#include <spdlog/spdlog.h>

#include "triage/engine/rule_index.hpp"

namespace triage::engine {

WorkingMemory::WorkingMemory(const Model& model)
    : model_(&model),
      given_(model.kb().facts.size()),
      values_(model.kb().facts.size()),
      asked_(model.kb().facts.size(), 0) {
    // With nothing known a guarded rule cannot hold; unguarded ones (`unknown f`,
    // unconditional rules) may hold from the start.
    for (RuleId rule : model.index().unguarded) schedule(rule);
    chain();
    forgetTrail();
}

bool WorkingMemory::fired(RuleId rule) const { return std::binary_search(fired_.begin(), fired_.end(), rule); }

Truth WorkingMemory::ruleTruth(RuleId rule) const {
    if (fired(rule)) return Truth::True;
    const auto& guard = model_->index().guards[rule];
    if (guard && values_[guard->fact] && !(*values_[guard->fact] == guard->value)) return Truth::False;
    return evaluateCondition(model_->kb().rules[rule].condition, values_);
}

void WorkingMemory::give(const std::vector<std::pair<FactId, Value>>& facts) {
    for (const auto& [fact, value] : facts) setGiven(fact, value);
    chain();
}

void WorkingMemory::answer(FactId fact, std::optional<Value> value) {
    if (!asked_[fact]) {
        trail_.push_back({Change::Kind::Asked, fact, std::nullopt});
        asked_[fact] = 1;
    }
    if (value) setGiven(fact, value);
    chain();
}

void WorkingMemory::rollback(std::size_t mark) {
    while (trail_.size() > mark) {
        const Change change = trail_.back();
        trail_.pop_back();
        switch (change.kind) {
            case Change::Kind::Given: given_[change.index] = change.old; break;
            case Change::Kind::Value: values_[change.index] = change.old; break;
            case Change::Kind::Asked: asked_[change.index] = 0; break;
            case Change::Kind::Fired:
                fired_.erase(std::lower_bound(fired_.begin(), fired_.end(), change.index));
                break;
            case Change::Kind::Withdrawn:
                fired_.insert(std::lower_bound(fired_.begin(), fired_.end(), change.index), change.index);
                break;
        }
    }
}

void WorkingMemory::setGiven(FactId fact, std::optional<Value> value) {
    if (given_[fact] == value) return;
    trail_.push_back({Change::Kind::Given, fact, given_[fact]});
    given_[fact] = value;
    setValue(fact, currentValue(fact));
}

std::optional<Value> WorkingMemory::currentValue(FactId fact) const {
    // A given value is an observation and overrides any derivation.
    if (given_[fact]) return given_[fact];
    // Setters are sorted winner first: priority, specificity, file order.
    for (RuleId setter : model_->index().setters[fact]) {
        if (!fired(setter)) continue;
        for (const auto& conclusion : model_->kb().rules[setter].conclusions)
            if (conclusion.kind == engine::Conclusion::Kind::Sets && conclusion.fact == fact) return conclusion.value;
    }
    return std::nullopt;
}

void WorkingMemory::setValue(FactId fact, std::optional<Value> value) {
    if (values_[fact] == value) return;
    const std::optional<Value> old = values_[fact];
    trail_.push_back({Change::Kind::Value, fact, old});
    values_[fact] = value;
    scheduleReaders(fact, old, value);
}

void WorkingMemory::scheduleReaders(FactId fact, const std::optional<Value>& old, const std::optional<Value>& now) {
    const RuleIndex& index = model_->index();
    // Rules guarded by this fact can only change if their guard value is the old or the new one.
    for (const auto& value : {old, now}) {
        if (!value) continue;
        if (const RuleIndex::Bucket* bucket = index.bucket(fact, *value))
            for (RuleId rule : bucket->rules) schedule(rule);
    }
    for (RuleId rule : index.unguardedReaders[fact]) schedule(rule);
    // Rules guarded by another fact matter only while their guard holds.
    for (FactId guardFact : index.guardFacts) {
        if (guardFact == fact || !values_[guardFact]) continue;
        const RuleIndex::Bucket* bucket = index.bucket(guardFact, *values_[guardFact]);
        if (!bucket) continue;
        auto range = std::equal_range(bucket->rulesByRead.begin(), bucket->rulesByRead.end(),
                                      std::pair<FactId, RuleId>{fact, 0},
                                      [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto it = range.first; it != range.second; ++it) schedule(it->second);
    }
}

void WorkingMemory::schedule(RuleId rule) {
    agenda_.emplace_back(model_->index().levels[rule], rule);
    std::push_heap(agenda_.begin(), agenda_.end(), std::greater<>());
}

void WorkingMemory::chain() {
    // Level order: a rule is examined only after every rule that can set a
    // fact it reads, so one pass reaches the fixpoint.
    std::optional<RuleId> previous;
    while (!agenda_.empty()) {
        std::pop_heap(agenda_.begin(), agenda_.end(), std::greater<>());
        const RuleId rule = agenda_.back().second;
        agenda_.pop_back();
        if (previous == rule) continue;  // scheduled twice
        previous = rule;
        reexamine(rule);
    }
}

void WorkingMemory::reexamine(RuleId rule) {
    const Rule& definition = model_->kb().rules[rule];
    const bool holds = evaluateCondition(definition.condition, values_) == Truth::True;
    const bool wasFired = fired(rule);
    if (holds == wasFired) return;
    if (holds) {
        fired_.insert(std::lower_bound(fired_.begin(), fired_.end(), rule), rule);
        trail_.push_back({Change::Kind::Fired, rule, std::nullopt});
        spdlog::debug("fired rule '{}'", definition.name);
    } else {
        fired_.erase(std::lower_bound(fired_.begin(), fired_.end(), rule));
        trail_.push_back({Change::Kind::Withdrawn, rule, std::nullopt});
        spdlog::debug("withdrew rule '{}'", definition.name);
    }
    for (const auto& conclusion : definition.conclusions) {
        if (conclusion.kind != engine::Conclusion::Kind::Sets) continue;
        setValue(conclusion.fact, currentValue(conclusion.fact));
        spdlog::trace("derived fact '{}' re-evaluated", model_->kb().facts[conclusion.fact].name);
    }
}

}  // namespace triage::engine
