// The abstract syntax tree of a .rules file: plain value types with byte spans;
// names and literals view the file's text, so its SourceFile must outlive the
// tree. The grammar (parser.cpp) fills it; the checker, formatter and lowering read it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/engine/compact_vector.hpp"
#include "triage/engine/inline_list.hpp"

namespace triage::ast {

/// Half-open byte range [begin, end) into the source text of one file.
struct SourceSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

/// Base for every node a diagnostic may point at.
struct Located {
    SourceSpan span;
};

/// A name or literal as written: a view into the text of its SourceFile,
/// which outlives the syntax tree in every caller. Reads like a
/// std::string_view and converts to std::string where one is needed (map
/// keys, messages); 16 bytes and no heap block, where a std::string is 32
/// bytes and allocates past 15 characters (the whole AST is alive at the
/// peak of a load).
class SourceText : public std::string_view {
public:
    constexpr SourceText() = default;
    constexpr SourceText(const char* text) : std::string_view(text) {}
    constexpr SourceText(const char* text, std::size_t size) : std::string_view(text, size) {}
    constexpr explicit SourceText(std::string_view text) : std::string_view(text) {}
    SourceText(const std::string&) = delete;  // would dangle when the string goes
    operator std::string() const { return std::string(data(), size()); }
};

inline std::string operator+(std::string a, SourceText b) { return a.append(b); }
inline std::string operator+(SourceText a, const std::string& b) { return std::string(a).append(b); }
inline std::string operator+(const char* a, SourceText b) { return std::string(a).append(b); }
inline std::string operator+(SourceText a, const char* b) { return std::string(a).append(b); }
inline std::string operator+(SourceText a, SourceText b) { return std::string(a).append(b); }

struct Identifier : Located {
    SourceText name;
};

/// A literal as written: a word (enum value, true/false/yes/no), a number,
/// or an error code (`0xC004F211`, kept as written; the checker validates it).
struct Literal : Located {
    enum class Kind { Word, Number, Code };
    Kind kind = Kind::Word;
    SourceText text;    // as written (for Word and Code; Number keeps its spelling too)
    double number = 0;  // Kind::Number only
};

/// An optional clause kept on the heap: 8 bytes in its declaration where a
/// std::optional<Literal> takes 48, for clauses most declarations leave out
/// (a rule's priority, a cause's prior, a fix step's `when`). Reads like std::optional.
template <typename T>
class Boxed {
public:
    Boxed() = default;
    Boxed(const Boxed& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;
    Boxed& operator=(const Boxed& other) { return *this = Boxed(other); }
    Boxed& operator=(Boxed&&) noexcept = default;
    Boxed& operator=(T value) {
        value_ = std::make_unique<T>(std::move(value));
        return *this;
    }

    bool has_value() const { return value_ != nullptr; }
    explicit operator bool() const { return has_value(); }
    const T& operator*() const { return *value_; }
    const T* operator->() const { return value_.get(); }

private:
    std::unique_ptr<T> value_;
};

/// `nl "tekst"`: one language's text of a question, title, help or step.
struct Translation : Located {
    Identifier language;
    /// Unescaped: the file's text between the quotes, or where that has
    /// escapes (rarely), a copy File::unescapedTexts keeps. A large rule base
    /// has two texts per cause: a std::string each was 16 bytes more and
    /// mostly a heap block.
    SourceText text;
};

using Texts = std::vector<Translation>;

// ---------------------------------------------------------------------------
// Conditions

enum class Comparison { Eq, Ne, Lt, Le, Gt, Ge };

/// `fact`, `fact = v`, `fact != v`, `fact < 3`...
struct CompareTest : Located {
    Identifier fact;
    std::optional<Comparison> op;  // none: the bare `fact`, meaning `fact = true`
    Literal value;                 // meaningful only when op is set
};

/// `fact in { a, b }` or `fact in group_name`.
struct MembershipTest : Located {
    Identifier fact;
    std::vector<Literal> values;    // the `{ ... }` form
    std::optional<Identifier> group;  // the `in group_name` form
};

/// `known fact` / `unknown fact`.
struct KnownTest : Located {
    bool known = true;
    Identifier fact;
};

/// A condition tree. Nodes live in Condition::nodes; children are indices,
/// which keeps the type a plain value and deep nesting cheap.
struct ConditionNode : Located {
    enum class Kind { Compare, Membership, Known, And, Or, Not, Group };
    Kind kind = Kind::Compare;
    std::uint32_t index = 0;  // into compares / memberships / knowns (32 bits: 8 bytes a node less)
    // And/Or: 2+; Not/Group (parentheses): 1. Up to three without a heap
    // block: the whole AST is alive at the peak of a load.
    engine::InlineList<std::uint32_t, 3> children;
};

/// Its arrays are CompactVectors (16 bytes, a std::vector's 24): the whole
/// rule AST is alive at the peak of a load, and a rule holds one condition.
struct Condition : Located {
    engine::CompactVector<ConditionNode> nodes;  // nodes[root] is the whole condition
    std::uint32_t root = 0;
    engine::CompactVector<CompareTest> compares;
    engine::CompactVector<MembershipTest> memberships;
    engine::CompactVector<KnownTest> knowns;
};

// ---------------------------------------------------------------------------
// Declarations

enum class FactType { Bool, Enum, Code, Number };

/// `fact name: type` with its optional question, help and cost.
struct FactDecl : Located {
    Identifier name;
    FactType type = FactType::Bool;
    std::vector<Identifier> enumValues;  // FactType::Enum only
    std::optional<Texts> question;
    std::optional<Texts> help;
    std::optional<Literal> cost;  // a Number literal; default 1
};

/// `codes name = { 0x..., 0x... }`
struct CodeGroupDecl : Located {
    Identifier name;
    std::vector<Literal> codes;
};

/// `step id [when condition]` followed by its texts.
struct FixStepDecl : Located {
    Identifier id;
    Boxed<Condition> when;  // 8 bytes, not 88: a large rule base has a step per cause, rarely a `when`
    Texts texts;
};

/// `cause id` with prior, title and fix steps.
struct CauseDecl : Located {
    Identifier name;
    Boxed<Literal> prior;
    Texts title;
    std::vector<FixStepDecl> steps;
};

/// One conclusion after `then`.
struct ConclusionDecl : Located {
    enum class Kind { Supports, Excludes, Sets };
    Kind kind = Kind::Supports;
    Identifier target;  // a cause (Supports/Excludes) or a fact (Sets)
    Literal value;      // certainty (Supports/Excludes) or the value set (Sets)
};

struct RuleDecl : Located {
    Identifier name;
    Condition condition;
    engine::InlineList<ConclusionDecl, 1> conclusions;  // nearly always one: no heap block for it
    Boxed<Literal> priority;
};

/// `given fact = value` inside a test.
struct GivenFact : Located {
    Identifier fact;
    Literal value;  // the bare `given fact` form stores the word "true"
};

struct Expectation : Located {
    enum class Kind { TopCause, NotTopCause, NextQuestion, NoQuestion };
    Kind kind = Kind::TopCause;
    std::optional<Identifier> target;  // cause or fact; none for NoQuestion
};

struct TestDecl : Located {
    std::string name;
    SourceSpan nameSpan;
    std::vector<GivenFact> given;
    std::vector<Expectation> expectations;
};

struct ImportDecl : Located {
    std::string path;  // as written, relative to the importing file
};

/// A comment, kept so the formatter can reproduce it. `trailing` comments
/// stood after code on the same line.
struct Comment : Located {
    std::string text;  // without the leading '#'
    bool trailing = false;
};

/// Declarations keep their file order through `order`.
struct Declaration {
    enum class Kind { Import, Fact, CodeGroup, Cause, Rule, Test };
    Kind kind = Kind::Fact;
    std::size_t index = 0;  // into the vector of that kind in File
};

struct File {
    std::vector<ImportDecl> imports;
    std::vector<FactDecl> facts;
    std::vector<CodeGroupDecl> codeGroups;
    std::vector<CauseDecl> causes;
    std::vector<RuleDecl> rules;
    std::vector<TestDecl> tests;
    std::vector<Declaration> order;
    std::vector<Comment> comments;
    /// The texts with escapes, unescaped, that Translations view. Shared, so
    /// that a copy of the File keeps them for its Translations too.
    std::vector<std::shared_ptr<const std::string>> unescapedTexts;
};

}  // namespace triage::ast
