#include "rule_base_generator.hpp"

#include <algorithm>
#include <string>

#include "knowledge_base_builder.hpp"

namespace triage::engine::testing {

namespace {

int uniform(std::mt19937& rng, int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng); }
bool chance(std::mt19937& rng, double p) { return std::bernoulli_distribution(p)(rng); }
double certainty(std::mt19937& rng) { return 0.05 * uniform(rng, 4, 19); }  // 0.2 .. 0.95

/// "b7": built by appending, which also sidesteps a GCC 12 -Wrestrict false positive on "b" + string.
std::string numbered(const char* prefix, std::size_t i) {
    std::string name = prefix;
    name += std::to_string(i);
    return name;
}

constexpr std::uint32_t randomCodes[] = {0xC004F211, 0xC004F213, 0xC004C060, 0x803FA067};

}  // namespace

std::uint32_t benchmarkCode(std::size_t i) { return 0xC0000000u + static_cast<std::uint32_t>(i); }

std::shared_ptr<const KnowledgeBase> benchmarkRuleBase(std::size_t ruleCount, std::uint32_t seed) {
    std::mt19937 rng(seed);
    KnowledgeBaseBuilder builder;
    std::vector<FactId> bools;
    for (int i = 0; i < 30; ++i) bools.push_back(builder.boolFact(numbered("b", i)));
    const FactId code = builder.fact("error_code", FactType::Code);
    const std::size_t codeCount = std::max<std::size_t>(1, ruleCount / 20);
    const std::size_t causeCount = std::max<std::size_t>(10, ruleCount / 100);
    for (std::size_t i = 0; i < causeCount; ++i)
        builder.cause(numbered("cause", i), 0.05 + 0.01 * static_cast<double>(i % 20));
    for (std::size_t r = 0; r < ruleCount; ++r) {
        Cond when = eq(code, Value::code(benchmarkCode(static_cast<std::size_t>(uniform(rng, 0, int(codeCount) - 1)))));
        std::vector<FactId> tested = bools;
        std::shuffle(tested.begin(), tested.end(), rng);
        const int tests = uniform(rng, 0, 3);
        for (int t = 0; t < tests; ++t) when = std::move(when) && (chance(rng, 0.5) ? is(tested[t]) : !is(tested[t]));
        const CauseId cause = static_cast<CauseId>(uniform(rng, 0, int(causeCount) - 1));
        builder.rule(numbered("r", r), when,
                     {chance(rng, 0.1) ? excludes(cause, certainty(rng)) : supports(cause, certainty(rng))});
    }
    return builder.build();
}

namespace {

struct RandomShape {
    std::vector<FactId> observable;  // bools, enum, number, code, given-only
    std::vector<FactId> derived;
};

Cond randomLiteral(const KnowledgeBase& kb, FactId fact, std::mt19937& rng) {
    if (chance(rng, 0.08)) return chance(rng, 0.7) ? unknown(fact) : known(fact);
    const Fact& f = kb.facts[fact];
    switch (f.type) {
        case FactType::Bool: return chance(rng, 0.5) ? is(fact) : !is(fact);
        case FactType::Enum: {
            const auto v = Value::symbol(static_cast<std::uint32_t>(uniform(rng, 0, 2)));
            const int form = uniform(rng, 0, 3);
            if (form == 0) return ne(fact, v);
            if (form == 1) return in(fact, {v, Value::symbol((v.asIndex() + 1) % 3)});
            return eq(fact, v);
        }
        case FactType::Number: {
            const double threshold = 2.0 + 3.0 * uniform(rng, 0, 2);
            return chance(rng, 0.5) ? lt(fact, threshold) : ge(fact, threshold);
        }
        case FactType::Code:
            if (chance(rng, 0.3)) return in(fact, {Value::code(randomCodes[0]), Value::code(randomCodes[1])}, "group");
            return eq(fact, Value::code(randomCodes[uniform(rng, 0, 3)]));
    }
    return is(fact);
}

}  // namespace

std::shared_ptr<const KnowledgeBase> randomRuleBase(std::mt19937& rng) {
    KnowledgeBaseBuilder builder;
    RandomShape shape;
    const int boolCount = uniform(rng, 3, 8);
    for (int i = 0; i < boolCount; ++i)
        shape.observable.push_back(builder.boolFact(numbered("b", i), true, chance(rng, 0.3) ? 2.0 : 1.0));
    shape.observable.push_back(builder.enumFact("mode", {"low", "mid", "high"}));
    shape.observable.push_back(builder.fact("level", FactType::Number));
    shape.observable.push_back(builder.fact("code", FactType::Code, chance(rng, 0.7)));
    shape.observable.push_back(builder.boolFact("ticket_flag", false));
    const int derivedCount = uniform(rng, 0, 3);
    for (int i = 0; i < derivedCount; ++i) shape.derived.push_back(builder.boolFact(numbered("d", i), false));

    const int causeCount = uniform(rng, 2, 6);
    for (int i = 0; i < causeCount; ++i) builder.cause(numbered("c", i), 0.05 * uniform(rng, 1, 8));

    const KnowledgeBase& kb = builder.kb();
    const int ruleCount = uniform(rng, 5, 30);
    for (int r = 0; r < ruleCount; ++r) {
        // A rule setting d_i reads only observable facts and d_j with j < i: acyclic by construction.
        const bool setsDerived = !shape.derived.empty() && chance(rng, 0.25);
        const int target = setsDerived ? uniform(rng, 0, int(shape.derived.size()) - 1) : -1;
        std::vector<FactId> readable = shape.observable;
        const int derivedReadable = setsDerived ? target : int(shape.derived.size());
        for (int j = 0; j < derivedReadable; ++j) readable.push_back(shape.derived[j]);
        std::shuffle(readable.begin(), readable.end(), rng);

        const int literals = uniform(rng, 1, 3);
        Cond when = randomLiteral(kb, readable[0], rng);
        if (literals > 1 && chance(rng, 0.15)) {
            when = std::move(when) || randomLiteral(kb, readable[1], rng);
        } else {
            for (int l = 1; l < literals; ++l) when = std::move(when) && randomLiteral(kb, readable[l], rng);
        }
        std::vector<Conclusion> then;
        if (setsDerived) {
            then.push_back(sets(shape.derived[target], Value::boolean(chance(rng, 0.8))));
        } else {
            const CauseId cause = static_cast<CauseId>(uniform(rng, 0, causeCount - 1));
            then.push_back(chance(rng, 0.8) ? supports(cause, certainty(rng)) : excludes(cause, certainty(rng)));
            if (chance(rng, 0.2)) {
                const CauseId other = static_cast<CauseId>(uniform(rng, 0, causeCount - 1));
                if (other != cause) then.push_back(excludes(other, certainty(rng)));
            }
        }
        builder.rule(numbered("r", r), when, std::move(then), chance(rng, 0.2) ? uniform(rng, 1, 3) : 0);
    }
    return builder.build();
}

Value randomValue(const KnowledgeBase& kb, FactId fact, std::mt19937& rng) {
    switch (kb.facts[fact].type) {
        case FactType::Bool: return Value::boolean(chance(rng, 0.5));
        case FactType::Enum:
            return Value::symbol(static_cast<std::uint32_t>(uniform(rng, 0, int(kb.facts[fact].enumValues.size()) - 1)));
        case FactType::Number: return Value::number(uniform(rng, 0, 10));
        case FactType::Code: return chance(rng, 0.8) ? Value::code(randomCodes[uniform(rng, 0, 3)]) : Value::code(1);
    }
    return Value::boolean(true);
}

std::vector<FactId> observableFacts(const KnowledgeBase& kb) {
    std::vector<bool> derived(kb.facts.size(), false);
    for (const Rule& rule : kb.rules)
        for (const auto& conclusion : rule.conclusions)
            if (conclusion.kind == Conclusion::Kind::Sets) derived[conclusion.fact] = true;
    std::vector<FactId> facts;
    for (FactId fact = 0; fact < kb.facts.size(); ++fact)
        if (!derived[fact]) facts.push_back(fact);
    return facts;
}

}  // namespace triage::engine::testing
