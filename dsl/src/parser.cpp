// The grammar of .rules files (docs/language.md, section Grammar) in Spirit X3.
// This is the only translation unit that includes Spirit. Each declaration is
// parsed on its own, bounded by the next line that starts a declaration, so a
// syntax error costs one declaration and the parse goes on after it.
#include "triage/dsl/parser.hpp"

#include <functional>

#include "grammar_declarations.hpp"
#include "source_scan.hpp"
#include "syntax_error.hpp"

namespace triage::dsl {
namespace {

using namespace grammar;

constexpr std::size_t maxFileSize = maxFileBytes;
constexpr std::size_t maxErrors = 50;

// ---------------------------------------------------------------------------
/// Parses the declarations of one file, one at a time.
class FileParser {
public:
    FileParser(const SourceFile& file, ParseResult& result)
        : file_(file),
          text_(file.text()),
          result_(result),
          state_{file.text().data(), file.text().data() + file.text().size(), nullptr, {}, {}, &result.file} {}

    /// Parses the declaration in [begin, end) and records it or its error.
    void parseDeclaration(std::size_t begin, std::size_t end) {
        if (auto problem = scan::findInputProblem(text_, begin, end)) {
            const auto offset = static_cast<std::uint32_t>(problem->offset);
            report({offset, offset + static_cast<std::uint32_t>(problem->length)}, problem->message);
            return;
        }
        const std::string_view keyword = scan::wordAt(text_, begin);
        using Kind = ast::Declaration::Kind;
        if (keyword == "import") {
            run(import_decl, "a new declaration", begin, end, result_.file.imports, Kind::Import);
        } else if (keyword == "fact") {
            run(fact_decl, "'question', 'help', 'cost' or a new declaration", begin, end, result_.file.facts,
                Kind::Fact);
        } else if (keyword == "codes") {
            run(code_group_decl, "a new declaration", begin, end, result_.file.codeGroups, Kind::CodeGroup);
        } else if (keyword == "cause") {
            run(cause_decl, "'prior', 'title', 'fix', 'step' or a new declaration", begin, end,
                result_.file.causes, Kind::Cause);
        } else if (keyword == "rule") {
            run(rule_decl, "'and', 'priority' or a new declaration", begin, end, result_.file.rules,
                Kind::Rule);
        } else if (keyword == "test") {
            run(test_decl, "'given', 'expect' or a new declaration", begin, end, result_.file.tests,
                Kind::Test);
        } else {
            result_.diagnostics.push_back(
                syntaxError(file_, result_.file.comments, begin, begin,
                            "a declaration ('import', 'fact', 'codes', 'cause', 'rule' or 'test')"));
        }
    }

    void report(ast::SourceSpan span, std::string message) {
        result_.diagnostics.push_back({Severity::Error, &file_, span, std::move(message), {}});
    }

private:
    /// Parses `declaration` followed by the end of the declaration, which
    /// `endName` describes ("'question', 'help', 'cost' or a new declaration").
    template <typename Declaration, typename Node>
    void run(const Declaration& declaration, const char* endName, std::size_t begin, std::size_t end,
             std::vector<Node>& into, ast::Declaration::Kind kind) {
        const auto grammar = declaration > declaration_end(endName);
        Iterator first = state_.begin + begin;
        const Iterator last = state_.begin + end;
        Node node;
        try {
            const auto parser = x3::with<parse_state_tag>(std::ref(state_))[grammar];
            if (x3::phrase_parse(first, last, parser, skipper, node)) {
                into.push_back(std::move(node));
                result_.file.order.push_back({kind, into.size() - 1});
                return;
            }
            report({state_.offset(first), state_.offset(first)}, "syntax error");  // not expected: `>` throws
        } catch (const x3::expectation_failure<Iterator>& failure) {
            // A clause or declaration may start on the next line, so there
            // the next line's first word is what was found.
            const bool nextLineCounts = failure.which() == endName;
            result_.diagnostics.push_back(syntaxError(file_, result_.file.comments, begin,
                                                      state_.offset(failure.where()), failure.which(),
                                                      nextLineCounts));
        } catch (const DuplicateClause& duplicate) {
            report(duplicate.span, duplicate.message);
        }
    }

    const SourceFile& file_;
    std::string_view text_;
    ParseResult& result_;
    ParseState state_;
};

}  // namespace

ParseResult parse(const SourceFile& file) {
    ParseResult result;
    FileParser parser(file, result);
    const std::string_view text = file.text();
    if (text.size() > maxFileSize) {
        parser.report({0, 0}, "file is larger than 16 MiB");
        return result;
    }
    std::size_t pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a UTF-8 byte-order mark
    result.file.comments = scan::comments(text, pos);
    // The declarations' bounds first, so each vector of the AST is allocated
    // once at its size: grown by doubling, 100,000 rules would leave a third
    // of the rule vector as slack, at the peak of the load.
    // 32-bit offsets (a file is at most 16 MiB): 8 bytes a declaration, not
    // 16; it is alive with the whole AST at the end of the parse.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> bounds;
    std::size_t rules = 0, causes = 0;
    while (true) {
        pos = scan::skipSpaceAndComments(text, pos, text.size());
        if (pos >= text.size()) break;
        const std::size_t end = scan::nextDeclarationLine(text, pos);
        const std::string_view keyword = scan::wordAt(text, pos);
        rules += keyword == "rule";
        causes += keyword == "cause";
        bounds.emplace_back(static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end));
        pos = end;
    }
    result.file.rules.reserve(rules);
    result.file.causes.reserve(causes);
    result.file.order.reserve(bounds.size());
    for (const auto& [begin, end] : bounds) {
        if (result.diagnostics.size() >= maxErrors) {
            parser.report({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin)},
                          "too many errors; stopping here");
            break;
        }
        parser.parseDeclaration(begin, end);
    }
    return result;
}

}  // namespace triage::dsl
