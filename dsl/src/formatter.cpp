#include "triage/dsl/formatter.hpp"

#include <algorithm>
#include <functional>

#include "condition_layout.hpp"
#include "source_scan.hpp"

namespace triage::dsl {
namespace {

/// One output line, tied to the source offset of what it renders (its
/// anchor) so comments can be put back next to the code they stood by.
struct Line {
    int indent = 0;
    std::string text;
    std::uint32_t anchor = 0;
    std::vector<std::string> commentsBefore;  // full-line comments, already indented
    std::string trailingComment;
};

struct TopLevelComment {
    std::string text;
    bool blankAfter = false;  // the source had a blank line after it; kept
};

struct Block {
    std::vector<TopLevelComment> leadingComments;
    std::vector<Line> lines;
    std::vector<std::string> endComments;
};

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

/// A `given f` / `set f` written without a value: the parser left the
/// implied `true` an empty span.
bool isImpliedTrue(const ast::Literal& value) {
    return value.kind == ast::Literal::Kind::Word && value.text == "true" &&
           value.span.begin == value.span.end && value.span.begin != 0;
}

std::string valueSuffix(const ast::Literal& value) { return isImpliedTrue(value) ? "" : " = " + value.text; }

// ---------------------------------------------------------------------------
/// Renders declarations into blocks of anchored lines.
class Renderer {
public:
    Renderer(const SourceFile& source, const std::vector<ast::Comment>& comments)
        : text_(source.text()), comments_(comments) {}

    Block import(const ast::ImportDecl& import) {
        Block block;
        add(block, 0, "import " + quoted(import.path), import.span.begin);
        return block;
    }

    Block fact(const ast::FactDecl& fact) {
        Block block;
        std::string type;
        switch (fact.type) {
            case ast::FactType::Bool:
                type = "bool";
                break;
            case ast::FactType::Code:
                type = "code";
                break;
            case ast::FactType::Number:
                type = "number";
                break;
            case ast::FactType::Enum:
                type = "enum { ";
                for (std::size_t i = 0; i < fact.enumValues.size(); ++i)
                    type += (i ? ", " : "") + fact.enumValues[i].name;
                type += " }";
                break;
        }
        add(block, 0, "fact " + fact.name.name + ": " + type, fact.span.begin);
        std::vector<Clause> clauses;
        if (fact.question) clauses.push_back(textsClause("question", *fact.question, 2));
        if (fact.help) clauses.push_back(textsClause("help", *fact.help, 2));
        if (fact.cost) clauses.push_back(valueClause("cost", *fact.cost));
        addInSourceOrder(block, clauses);
        return block;
    }

    Block codeGroup(const ast::CodeGroupDecl& group) {
        Block block;
        std::string oneLine = "codes " + group.name.name + " = { ";
        for (std::size_t i = 0; i < group.codes.size(); ++i) oneLine += (i ? ", " : "") + group.codes[i].text;
        oneLine += " }";
        constexpr std::size_t longestLine = 80;
        if (oneLine.size() <= longestLine) {
            add(block, 0, oneLine, group.span.begin);
            return block;
        }
        add(block, 0, "codes " + group.name.name + " = {", group.span.begin);
        // Codes fill lines as in the article's lists, so a 47-code group stays
        // readable; each line is anchored at its first code for comments.
        std::string line;
        std::uint32_t lineAnchor = 0;
        for (std::size_t i = 0; i < group.codes.size(); ++i) {
            const std::string item = group.codes[i].text + (i + 1 < group.codes.size() ? "," : "");
            if (!line.empty() && 2 + line.size() + 1 + item.size() > longestLine) {
                add(block, 2, line, lineAnchor);
                line.clear();
            }
            if (line.empty()) lineAnchor = group.codes[i].span.begin;
            line += (line.empty() ? "" : " ") + item;
        }
        add(block, 2, line, lineAnchor);
        add(block, 0, "}", group.span.end > 0 ? group.span.end - 1 : 0);
        return block;
    }

    Block cause(const ast::CauseDecl& cause) {
        Block block;
        add(block, 0, "cause " + cause.name.name, cause.span.begin);
        std::vector<Clause> clauses;
        if (cause.prior) clauses.push_back(valueClause("prior", *cause.prior));
        if (!cause.title.empty()) clauses.push_back(textsClause("title", cause.title, 2));
        if (!cause.steps.empty()) {
            Clause fix{keywordBefore(cause.steps.front().span.begin), {}};
            fix.lines.push_back({2, "fix", fix.anchor, {}, {}});
            for (const ast::FixStepDecl& step : cause.steps) {
                std::string header = "step " + step.id.name;
                if (step.when) header += " when " + conditionText(*step.when);
                fix.lines.push_back({4, header, step.span.begin, {}, {}});
                for (const ast::Translation& text : step.texts) fix.lines.push_back(translationLine(text, 6));
            }
            clauses.push_back(std::move(fix));
        }
        addInSourceOrder(block, clauses);
        return block;
    }

    Block rule(const ast::RuleDecl& rule) {
        Block block;
        add(block, 0, "rule " + rule.name.name, rule.span.begin);
        // "  when " puts the condition at column 7; longer ones continue below.
        auto lines = layoutCondition(rule.condition, rule.condition.root, 0, 7);
        add(block, 2, "when " + lines.front().text, keywordBefore(rule.condition.span.begin));
        for (std::size_t i = 1; i < lines.size(); ++i)
            add(block, static_cast<int>(lines[i].column), lines[i].text, lines[i].anchor);
        for (std::size_t i = 0; i < rule.conclusions.size(); ++i) {
            const ast::ConclusionDecl& conclusion = rule.conclusions[i];
            std::string text;
            switch (conclusion.kind) {
                case ast::ConclusionDecl::Kind::Supports:
                    text = "supports " + conclusion.target.name + " " + conclusion.value.text;
                    break;
                case ast::ConclusionDecl::Kind::Excludes:
                    text = "excludes " + conclusion.target.name + " " + conclusion.value.text;
                    break;
                case ast::ConclusionDecl::Kind::Sets:
                    text = "set " + conclusion.target.name + valueSuffix(conclusion.value);
                    break;
            }
            // Later conclusions line their `and` up under the end of `then`.
            add(block, i == 0 ? 2 : 3, (i == 0 ? "then " : "and ") + text,
                keywordBefore(conclusion.span.begin));
        }
        if (rule.priority)
            add(block, 2, "priority " + rule.priority->text, keywordBefore(rule.priority->span.begin));
        return block;
    }

    Block test(const ast::TestDecl& test) {
        Block block;
        add(block, 0, "test " + quoted(test.name), test.span.begin);
        std::size_t given = 0, expectation = 0;
        while (given < test.given.size() || expectation < test.expectations.size()) {
            const bool givenFirst =
                expectation == test.expectations.size() ||
                (given < test.given.size() &&
                 test.given[given].span.begin < test.expectations[expectation].span.begin);
            if (givenFirst) {
                // One line per `given` clause, as written: `given a = 1, b = 2`.
                const std::uint32_t anchor = keywordBefore(test.given[given].span.begin);
                std::string text = "given ";
                do {
                    if (text.size() > 6) text += ", ";
                    text += test.given[given].fact.name + valueSuffix(test.given[given].value);
                    ++given;
                } while (given < test.given.size() && followsComma(test.given[given].span.begin));
                add(block, 2, text, anchor);
            } else {
                const ast::Expectation& expected = test.expectations[expectation++];
                const std::string target = expected.target ? expected.target->name : "";
                std::string text;
                switch (expected.kind) {
                    case ast::Expectation::Kind::TopCause:
                        text = "expect cause " + target;
                        break;
                    case ast::Expectation::Kind::NotTopCause:
                        text = "expect not cause " + target;
                        break;
                    case ast::Expectation::Kind::NextQuestion:
                        text = "expect question " + target;
                        break;
                    case ast::Expectation::Kind::NoQuestion:
                        text = "expect no question";
                        break;
                }
                add(block, 2, text, expected.span.begin);
            }
        }
        return block;
    }

private:
    struct Clause {
        std::uint32_t anchor = 0;
        std::vector<Line> lines;
    };

    static void add(Block& block, int indent, std::string text, std::uint32_t anchor) {
        block.lines.push_back({indent, std::move(text), anchor, {}, {}});
    }

    static Line translationLine(const ast::Translation& text, int indent) {
        return {indent, text.language.name + " " + quoted(text.text), text.span.begin, {}, {}};
    }

    Clause textsClause(const char* keyword, const ast::Texts& texts, int indent) const {
        Clause clause{keywordBefore(texts.front().span.begin), {}};
        clause.lines.push_back({indent, keyword, clause.anchor, {}, {}});
        for (const ast::Translation& text : texts) clause.lines.push_back(translationLine(text, indent + 2));
        return clause;
    }

    Clause valueClause(const char* keyword, const ast::Literal& value) const {
        const std::uint32_t anchor = keywordBefore(value.span.begin);
        return {anchor, {{2, std::string(keyword) + " " + value.text, anchor, {}, {}}}};
    }

    /// Clauses may come in any order; the formatter keeps the author's.
    static void addInSourceOrder(Block& block, std::vector<Clause>& clauses) {
        std::stable_sort(clauses.begin(), clauses.end(),
                         [](const Clause& a, const Clause& b) { return a.anchor < b.anchor; });
        for (Clause& clause : clauses) {
            for (Line& line : clause.lines) block.lines.push_back(std::move(line));
        }
    }

    /// The end of the last token before `pos`, stepping back over blanks and comments.
    std::size_t previousTokenEnd(std::size_t pos) const {
        while (pos > 0) {
            const char c = text_[pos - 1];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                --pos;
                continue;
            }
            auto after = std::upper_bound(
                comments_.begin(), comments_.end(), pos,
                [](std::size_t p, const ast::Comment& comment) { return p <= comment.span.begin; });
            if (after == comments_.begin() || std::prev(after)->span.end != pos) break;
            pos = std::prev(after)->span.begin;
        }
        return pos;
    }

    /// Where the keyword that introduces the node at `pos` starts (`when`,
    /// `then`, `and`, `given`...): the clause's own position in the source.
    std::uint32_t keywordBefore(std::uint32_t pos) const {
        if (pos == 0 || pos > text_.size()) return pos;
        std::size_t start = previousTokenEnd(pos);
        while (start > 0 && scan::isWordChar(text_[start - 1])) --start;
        return static_cast<std::uint32_t>(start);
    }

    bool followsComma(std::uint32_t pos) const {
        if (pos > text_.size()) return false;
        const std::size_t end = previousTokenEnd(pos);
        return end > 0 && text_[end - 1] == ',';
    }

    std::string_view text_;
    const std::vector<ast::Comment>& comments_;
};

// ---------------------------------------------------------------------------
// Comments: each goes back beside the line it stood by.
std::string commentText(const ast::Comment& comment) {
    std::string text = "#" + comment.text;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.pop_back();
    return text;
}

/// Whether the source line after the one holding `pos` is blank.
bool blankLineFollows(std::string_view text, std::size_t pos) {
    std::size_t next = text.find('\n', pos);
    if (next == std::string_view::npos) return false;
    for (++next; next < text.size() && text[next] != '\n'; ++next) {
        if (text[next] != ' ' && text[next] != '\t' && text[next] != '\r') return false;
    }
    return next < text.size();
}

bool isIndented(std::string_view text, std::size_t pos) { return pos > 0 && text[pos - 1] != '\n'; }

void placeComments(std::vector<Block>& blocks, const std::vector<ast::Comment>& comments,
                   std::string_view text, std::vector<TopLevelComment>& endOfFile) {
    std::vector<std::pair<std::size_t, std::size_t>> order;  // (block, line) in output order
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        for (std::size_t l = 0; l < blocks[b].lines.size(); ++l) order.emplace_back(b, l);
    }
    const auto lineAt = [&](std::size_t i) -> Line& { return blocks[order[i].first].lines[order[i].second]; };
    for (const ast::Comment& comment : comments) {
        // The first output line whose code comes after the comment.
        std::size_t next = 0;
        while (next < order.size() && lineAt(next).anchor <= comment.span.begin) ++next;
        if (comment.trailing && next > 0) {
            std::string& trailing = lineAt(next - 1).trailingComment;
            trailing += "  " + commentText(comment);
            continue;
        }
        const bool beforeDeclaration = next == order.size() || order[next].second == 0;
        if (!beforeDeclaration) {
            Line& line = lineAt(next);
            line.commentsBefore.push_back(std::string(static_cast<std::size_t>(line.indent), ' ') +
                                          commentText(comment));
        } else if (next > 0 && isIndented(text, comment.span.begin)) {
            blocks[order[next - 1].first].endComments.push_back("  " + commentText(comment));
        } else {
            TopLevelComment topLevel{commentText(comment), blankLineFollows(text, comment.span.begin)};
            (next == order.size() ? endOfFile : blocks[order[next].first].leadingComments)
                .push_back(topLevel);
        }
    }
}

void appendComments(std::string& out, const std::vector<TopLevelComment>& comments, bool lastMayBeBlank) {
    for (std::size_t i = 0; i < comments.size(); ++i) {
        out += comments[i].text + "\n";
        if (comments[i].blankAfter && (lastMayBeBlank || i + 1 < comments.size())) out += "\n";
    }
}

}  // namespace

std::string formatFile(const ast::File& file, const SourceFile& source) {
    Renderer renderer(source, file.comments);
    std::vector<Block> blocks;
    for (const ast::Declaration& declaration : file.order) {
        switch (declaration.kind) {
            case ast::Declaration::Kind::Import:
                blocks.push_back(renderer.import(file.imports[declaration.index]));
                break;
            case ast::Declaration::Kind::Fact:
                blocks.push_back(renderer.fact(file.facts[declaration.index]));
                break;
            case ast::Declaration::Kind::CodeGroup:
                blocks.push_back(renderer.codeGroup(file.codeGroups[declaration.index]));
                break;
            case ast::Declaration::Kind::Cause:
                blocks.push_back(renderer.cause(file.causes[declaration.index]));
                break;
            case ast::Declaration::Kind::Rule:
                blocks.push_back(renderer.rule(file.rules[declaration.index]));
                break;
            case ast::Declaration::Kind::Test:
                blocks.push_back(renderer.test(file.tests[declaration.index]));
                break;
        }
    }
    std::vector<TopLevelComment> endOfFile;
    placeComments(blocks, file.comments, source.text(), endOfFile);

    std::string out;
    for (const Block& block : blocks) {
        if (!out.empty()) out += "\n";  // one blank line between declarations
        appendComments(out, block.leadingComments, true);
        for (const Line& line : block.lines) {
            for (const std::string& comment : line.commentsBefore) out += comment + "\n";
            out += std::string(static_cast<std::size_t>(line.indent), ' ') + line.text +
                   line.trailingComment + "\n";
        }
        for (const std::string& comment : block.endComments) out += comment + "\n";
    }
    if (!endOfFile.empty()) {
        if (!out.empty()) out += "\n";
        appendComments(out, endOfFile, false);
    }
    return out;
}

}  // namespace triage::dsl
