#include "condition_masks.hpp"

#include <algorithm>
#include <bit>

namespace triage::engine {

namespace {

constexpr std::uint32_t wordBits = 64;

/// How many values of the fact get a bit: bools and enums that fit in a word.
std::uint32_t literalCount(const Fact& fact) {
    if (fact.type == FactType::Bool) return 2;
    if (fact.type == FactType::Enum && !fact.enumValues.empty() && fact.enumValues.size() <= wordBits)
        return static_cast<std::uint32_t>(fact.enumValues.size());
    return 0;
}

}  // namespace

ConditionMasks::ConditionMasks(const KnowledgeBase& kb, const RuleIndex& index, const FlatConditions& conditions)
    : conditions_(conditions), facts_(kb.facts.size()) {
    // A fact's bits never straddle two words, so one AND reads all of them.
    std::uint32_t next = 0;
    for (FactId fact = 0; fact < kb.facts.size(); ++fact) {
        const std::uint32_t count = literalCount(kb.facts[fact]);
        if (count == 0) continue;
        if (next % wordBits + count > wordBits) next += wordBits - next % wordBits;
        FactLiterals& literals = facts_[fact];
        literals.first = next;
        literals.count = count;
        literals.bits = (count == wordBits ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1) << (next % wordBits);
        next += count;
    }
    words_ = (next + wordBits - 1) / wordBits;
    factOfLiteral_.assign(words_ * wordBits, ~FactId{0});
    for (FactId fact = 0; fact < kb.facts.size(); ++fact)
        for (std::uint32_t i = 0; i < facts_[fact].count; ++i) factOfLiteral_[facts_[fact].first + i] = fact;

    std::vector<std::optional<Value>> probe(kb.facts.size());  // all unknown between probes
    firstTest_.reserve(kb.rules.size() + 1);
    for (RuleId rule = 0; rule < kb.rules.size(); ++rule) {
        firstTest_.push_back(static_cast<std::uint32_t>(tests_.size()));
        // The batch path examines a guarded rule only from the bucket of its
        // guard's value, so the guard needs no test, unless rules derive its
        // fact (a bucket of an earlier derived value may be stale).
        std::optional<RuleIndex::Guard> skippable = index.guards[rule];
        if (skippable && index.isDerived(skippable->fact)) skippable.reset();
        addRule(rule, kb.rules[rule].condition, skippable, probe);
    }
    firstTest_.push_back(static_cast<std::uint32_t>(tests_.size()));
}

void ConditionMasks::addRule(RuleId rule, const Condition& condition, const std::optional<RuleIndex::Guard>& skippable,
                             std::vector<std::optional<Value>>& probe) {
    const std::size_t first = tests_.size();
    bool guardSkipped = false;
    for (std::uint32_t conjunct = conditions_.first(rule); conjunct != conditions_.first(rule + 1); ++conjunct) {
        const std::uint32_t node = conditions_.node(conjunct);
        const ConditionNode& current = condition.nodes[node];
        if (skippable && !guardSkipped && current.kind == ConditionNode::Kind::Atom) {
            const Atom& atom = condition.atoms[current.atom];
            if (atom.op == Atom::Op::Eq && atom.fact == skippable->fact && atom.value == skippable->value) {
                guardSkipped = true;
                continue;
            }
        }
        std::optional<Test> test = literalTest(rule, conjunct, condition, probe);
        if (!test) {
            tests_.push_back({0, 0, conjunct, Kind::Conjunct});
            continue;
        }
        if (test->kind == Kind::Exact && test->mask == 0) continue;  // holds for every value
        if (test->kind == Kind::Never) {
            tests_.resize(first);
            tests_.push_back(*test);
            return;
        }
        // Exact tests on one word merge into one, unless they disagree on a bit.
        bool merged = false;
        for (std::size_t i = first; i < tests_.size() && test->kind == Kind::Exact; ++i) {
            Test& other = tests_[i];
            if (other.kind != Kind::Exact || other.word != test->word) continue;
            const std::uint64_t shared = other.mask & test->mask;
            if ((other.expected & shared) != (test->expected & shared)) {
                tests_.resize(first);
                tests_.push_back({0, 0, 0, Kind::Never});
                return;
            }
            other.mask |= test->mask;
            other.expected |= test->expected;
            merged = true;
            break;
        }
        if (!merged) tests_.push_back(*test);
    }
    // Cheapest first: Exact tests (holds() reads them without a switch),
    // then Any tests, then the conjuncts that read values (the Kind order).
    // A rule has a handful: an insertion sort, stable, without allocating.
    for (std::size_t i = first + 1; i < tests_.size(); ++i)
        for (std::size_t j = i; j > first && tests_[j].kind < tests_[j - 1].kind; --j) std::swap(tests_[j], tests_[j - 1]);
}

void ConditionMasks::dropTests(const std::vector<bool>& dropped) {
    // Compacted in place, then into a block of the new size (the old one,
    // mapped at this size, goes back to the system).
    std::uint32_t kept = 0;
    for (RuleId rule = 0; rule + 1 < firstTest_.size(); ++rule) {
        const std::uint32_t first = firstTest_[rule], end = firstTest_[rule + 1];
        firstTest_[rule] = kept;
        if (dropped[rule]) continue;
        for (std::uint32_t test = first; test != end; ++test) tests_[kept++] = tests_[test];
    }
    firstTest_.back() = kept;
    tests_.resize(kept);
    tests_.shrink_to_fit();
}

std::optional<ConditionMasks::TwoWordTest> ConditionMasks::twoWordTest(RuleId rule) const {
    const std::uint32_t first = firstTest_[rule], count = firstTest_[rule + 1] - first;
    if (count > 2) return std::nullopt;
    TwoWordTest pair;
    for (std::uint32_t i = 0; i < count; ++i) {
        const Test& test = tests_[first + i];
        if (test.kind != Kind::Exact) return std::nullopt;
        pair.mask[i] = test.mask;
        pair.expected[i] = test.expected;
        pair.word[i] = test.word;
    }
    return pair;
}

std::optional<ConditionMasks::Test> ConditionMasks::literalTest(RuleId rule, std::uint32_t conjunct,
                                                                const Condition& condition,
                                                                std::vector<std::optional<Value>>& probe) const {
    const FactId fact = conditions_.soleFact(conjunct);
    if (fact == FlatConditions::severalFactsRead || facts_[fact].count == 0) return std::nullopt;
    const FactLiterals& literals = facts_[fact];
    const std::uint32_t word = literals.first / wordBits;
    // `f = v`, the common conjunct, needs no probing: the bit of v.
    if (const ConditionNode& node = condition.nodes[conditions_.node(conjunct)]; node.kind == ConditionNode::Kind::Atom) {
        const Atom& atom = condition.atoms[node.atom];
        if (atom.op == Atom::Op::Eq) {
            const std::uint32_t bit = literal(fact, atom.value);
            if (bit == noLiteral) return Test{0, 0, 0, Kind::Never};
            const std::uint64_t mask = std::uint64_t{1} << (bit % wordBits);
            return Test{mask, mask, word, Kind::Exact};
        }
    }
    // The conjunct reads one fact with few values: its truth for each value
    // (and for unknown) says which bits it needs, whatever its shape.
    auto truthWhen = [&](std::optional<Value> value) {
        probe[fact] = value;
        const Truth truth = conditions_.truth(rule, conjunct, probe);
        probe[fact].reset();
        return truth;
    };
    std::uint64_t trueBits = 0;
    for (std::uint32_t i = 0; i < literals.count; ++i)
        if (truthWhen(Value::symbol(i)) == Truth::True) trueBits |= std::uint64_t{1} << ((literals.first + i) % wordBits);
    if (truthWhen(std::nullopt) == Truth::True)  // true unless the fact has a value it rejects
        return Test{literals.bits & ~trueBits, 0, word, Kind::Exact};
    if (trueBits == 0) return Test{0, 0, 0, Kind::Never};
    if (std::has_single_bit(trueBits)) return Test{trueBits, trueBits, word, Kind::Exact};
    return Test{trueBits, 0, word, Kind::Any};
}

}  // namespace triage::engine
