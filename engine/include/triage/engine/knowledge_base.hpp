// The checked, compiled rule base: dense ids, resolved names, conditions in
// an evaluable form. Built by dsl::compile (or by hand in engine tests); immutable.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "triage/engine/compact_vector.hpp"
#include "triage/engine/inline_list.hpp"
#include "triage/engine/localized_text.hpp"
#include "triage/engine/shared_name.hpp"
#include "triage/engine/value.hpp"

namespace triage::engine {

using FactId = std::uint32_t;
using CauseId = std::uint32_t;
using RuleId = std::uint32_t;

/// Where a declaration came from, for messages that point back at the rules.
struct Origin {
    SharedName file;  // one string per file, shared by its declarations
    int line = 0;
    int column = 0;
};

struct Fact {
    std::string name;
    FactType type = FactType::Bool;
    std::vector<std::string> enumValues;  // FactType::Enum: Value::symbol(i) is enumValues[i]
    bool askable = false;                 // has a question
    LocalizedText question;
    LocalizedText help;
    double cost = 1.0;
    Origin origin;
};

/// One test on one fact. 40 bytes: a large rule base holds millions.
struct Atom {
    enum class Op : std::uint8_t { Eq, Ne, In, Lt, Le, Gt, Ge, Known, Unknown };
    FactId fact = 0;
    Op op = Op::Eq;
    Value value;                   // Eq, Ne, comparisons
    InlineList<Value, 1> set;      // In: sorted
    SharedName setName;            // In over a code group: its name, for explanations
};

/// A condition tree in a flat array; the root is the last node.
struct ConditionNode {
    enum class Kind : std::uint8_t { Atom, And, Or, Not, True };
    Kind kind = Kind::True;
    std::uint32_t atom = 0;                  // Kind::Atom: index into Condition::atoms
    InlineList<std::uint32_t, 3> children;   // And/Or/Not; up to three without allocating
};

/// 32 bytes (two CompactVectors): a large rule base holds one per rule.
struct Condition {
    CompactVector<Atom> atoms;
    CompactVector<ConditionNode> nodes;  // children come before parents
    bool empty() const { return nodes.empty(); }
    std::uint32_t root() const { return static_cast<std::uint32_t>(nodes.size() - 1); }
};

struct Conclusion {
    enum class Kind { Supports, Excludes, Sets };
    Kind kind = Kind::Supports;
    CauseId cause = 0;     // Supports / Excludes
    double certainty = 1;  // Supports / Excludes, in (0, 1]
    FactId fact = 0;       // Sets
    Value value;           // Sets
};

struct Rule {
    std::string name;
    Condition condition;
    InlineList<Conclusion, 1> conclusions;  // nearly always one: kept in the rule, no heap block
    int priority = 0;
    Origin origin;
};

struct FixStep {
    std::string id;
    LocalizedText text;
    Condition when;  // empty: always
};

struct Cause {
    std::string name;
    double prior = 0.1;
    LocalizedText title;
    std::vector<FixStep> steps;
    Origin origin;
};

/// A `test` block of the rule base, run by engine::runTest.
struct RuleTest {
    struct Expectation {
        enum class Kind { TopCause, NotTopCause, NextQuestion, NoQuestion };
        Kind kind = Kind::TopCause;
        std::uint32_t target = 0;  // CauseId or FactId
        Origin origin;
    };
    std::string name;
    std::vector<std::pair<FactId, Value>> given;
    std::vector<Expectation> expectations;
    Origin origin;
};

struct KnowledgeBase {
    std::vector<Fact> facts;
    std::vector<Cause> causes;
    std::vector<Rule> rules;  // file order: RuleId is the tie-breaker of last resort
    std::vector<RuleTest> tests;
    std::map<std::string, std::vector<std::uint32_t>> codeGroups;  // name -> codes

    std::optional<FactId> factId(std::string_view name) const;
    std::optional<CauseId> causeId(std::string_view name) const;
    const Fact& fact(FactId id) const { return facts[id]; }
    const Cause& cause(CauseId id) const { return causes[id]; }
    const Rule& rule(RuleId id) const { return rules[id]; }

    /// Builds the name lookups; call once after filling the vectors.
    void index();

private:
    /// Lets a string_view look a name up without building a std::string (a
    /// lookup per ticket field in batch mode).
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view name) const noexcept { return std::hash<std::string_view>{}(name); }
    };
    std::unordered_map<std::string, FactId, NameHash, std::equal_to<>> factByName_;
    std::unordered_map<std::string, CauseId, NameHash, std::equal_to<>> causeByName_;
};

/// Reads an answer or a ticket value for `fact`: yes/no/ja/nee/true/false/y/n/j/1/0
/// for bools, enum value names (any case), error codes in any form, numbers.
/// On failure returns nullopt and sets `error` to a one-line reason.
std::optional<Value> parseValue(const Fact& fact, std::string_view text, std::string& error);

/// The value as rule authors write it: "true", "win10", "0xC004F211", "3.5".
std::string formatValue(const Fact& fact, Value value);

}  // namespace triage::engine
