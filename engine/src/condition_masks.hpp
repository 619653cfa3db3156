// Rule conditions as bit tests for the batch path. Every value of a bool or
// small enum fact is one bit ("literal") of a ticket's literal words, set
// while the fact has that value; a conjunct on such a fact is then a mask
// test, and a rule's conjuncts on one word merge into one test. Other
// conjuncts (codes, numbers, nested trees) fall back to FlatConditions.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "flat_conditions.hpp"
#include "triage/engine/rule_index.hpp"

namespace triage::engine {

class ConditionMasks {
public:
    /// `conditions` must outlive this (the fallback for conjuncts without literals).
    ConditionMasks(const KnowledgeBase& kb, const RuleIndex& index, const FlatConditions& conditions);

    static constexpr std::uint32_t noLiteral = ~std::uint32_t{0};
    /// How many 64-bit literal words a ticket state needs.
    std::size_t words() const { return words_; }
    /// The bit of fact = value (word = bit / 64), or noLiteral.
    std::uint32_t literal(FactId fact, Value value) const;
    /// The bits of every value of the fact, in its one word (0 for none).
    std::uint64_t factBits(FactId fact) const { return facts_[fact].bits; }
    /// The word holding the fact's bits (when factBits is not 0).
    std::uint32_t factWord(FactId fact) const { return facts_[fact].first / 64; }
    /// The fact whose value bit `literal` is (word * 64 + bit).
    FactId factOf(std::uint32_t literal) const { return factOfLiteral_[literal]; }

    /// A rule whose whole condition is at most two Exact tests (on two
    /// words: a rule's tests on one word merge), in a form to evaluate
    /// without branches. Unused halves test nothing (mask 0, expected 0).
    struct TwoWordTest {
        std::uint64_t mask[2] = {0, 0};
        std::uint64_t expected[2] = {0, 0};
        std::uint32_t word[2] = {0, 0};
    };
    std::optional<TwoWordTest> twoWordTest(RuleId rule) const;

    /// Lets go of the tests of the rules marked in `dropped` (per rule), for
    /// rules evaluated elsewhere (BucketPrograms' simple rules, when no rule
    /// reads a derived fact): holds() and twoWordTest() must not be asked
    /// about them afterwards.
    void dropTests(const std::vector<bool>& dropped);

    /// FlatConditions::holds(rule, values) for a state whose literal words
    /// agree with `values`, for a rule taken from the bucket of its guard's
    /// value: a guard on a fact no rule derives is not tested again.
    bool holds(RuleId rule, const std::uint64_t* literals, FactValues values) const;

private:
    enum class Kind : std::uint8_t { Exact, Any, Never, Conjunct };
    struct Test {
        std::uint64_t mask = 0;
        std::uint64_t expected = 0;  // Exact: the masked bits must equal it
        std::uint32_t word = 0;      // Conjunct: the FlatConditions conjunct index
        Kind kind = Kind::Exact;
    };
    struct FactLiterals {
        std::uint32_t first = noLiteral;  // bit of value 0
        std::uint32_t count = 0;          // values with a bit
        std::uint64_t bits = 0;           // all of them, shifted within their word
    };
    /// The test of one conjunct on a literal fact, if it is one.
    std::optional<Test> literalTest(RuleId rule, std::uint32_t conjunct, const Condition& condition,
                                    std::vector<std::optional<Value>>& probe) const;
    void addRule(RuleId rule, const Condition& condition, const std::optional<RuleIndex::Guard>& skippable,
                 std::vector<std::optional<Value>>& probe);

    const FlatConditions& conditions_;
    std::vector<FactLiterals> facts_;
    std::vector<FactId> factOfLiteral_;  // per literal, words_ * 64 of them
    std::size_t words_ = 0;
    std::vector<std::uint32_t> firstTest_;  // per rule, plus one past the end
    std::vector<Test> tests_;
};

inline std::uint32_t ConditionMasks::literal(FactId fact, Value value) const {
    const FactLiterals& literals = facts_[fact];
    const double raw = value.raw();
    if (literals.count == 0 || !(raw >= 0) || raw >= literals.count) return noLiteral;
    return literals.first + static_cast<std::uint32_t>(raw);
}

inline bool ConditionMasks::holds(RuleId rule, const std::uint64_t* literals, FactValues values) const {
    const Test* test = tests_.data() + firstTest_[rule];
    const Test* end = tests_.data() + firstTest_[rule + 1];
    // A rule's Exact tests come first (addRule): the common case, without a switch.
    for (; test != end && test->kind == Kind::Exact; ++test)
        if ((literals[test->word] & test->mask) != test->expected) return false;
    for (; test != end; ++test) {
        switch (test->kind) {
            case Kind::Exact:
                if ((literals[test->word] & test->mask) != test->expected) return false;
                break;
            case Kind::Any:
                if ((literals[test->word] & test->mask) == 0) return false;
                break;
            case Kind::Never: return false;
            case Kind::Conjunct:
                if (conditions_.truth(rule, test->word, values) != Truth::True) return false;
                break;
        }
    }
    return true;
}

}  // namespace triage::engine
