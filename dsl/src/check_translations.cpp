// Pass 6: every text block should speak every language the program speaks,
// else a session in that language falls back mid-conversation. A language
// given twice in one block is an error: one of the two texts would be lost.
#include <set>

#include "check_passes.hpp"

namespace triage::dsl {
namespace {

/// One block of translations. Its description ("question of fact 'x'") is
/// made only for a diagnostic: 50,000 of them made up front would sit at
/// the peak of a large load for nothing.
struct TextBlock {
    const SourceFile* file = nullptr;
    const ast::Texts* texts = nullptr;
    ast::SourceSpan fallback;
    const char* part = "";                 // "question", "help", "title" or "step"
    const char* ownerKind = "";            // "fact" or "cause"
    ast::SourceText owner;                 // the fact's or cause's name
    const ast::SourceText* step = nullptr;  // the step's id, for a step

    std::string description() const {
        std::string text = part;
        if (step) text += " '" + *step + "'";
        return text + " of " + ownerKind + " '" + owner + "'";
    }
};

/// Calls `visit(block)` for every block of translations, in declaration
/// order. Made one at a time: a vector of all of them (~3 MB for 50,000
/// blocks) sat at the peak of a large load.
template <typename Visit>
void forEachTextBlock(const Program& program, Visit&& visit) {
    for (const LoadedFile& loaded : program.files) {
        const SourceFile* file = loaded.source.get();
        for (const auto& fact : loaded.ast.facts) {
            const ast::SourceText name = fact.name.name;
            if (fact.question) visit(TextBlock{file, &*fact.question, fact.name.span, "question", "fact", name});
            if (fact.help) visit(TextBlock{file, &*fact.help, fact.name.span, "help", "fact", name});
        }
        for (const auto& cause : loaded.ast.causes) {
            const ast::SourceText name = cause.name.name;
            if (!cause.title.empty()) visit(TextBlock{file, &cause.title, cause.name.span, "title", "cause", name});
            for (const auto& step : cause.steps)
                visit(TextBlock{file, &step.texts, step.id.span, "step", "cause", name, &step.id.name});
        }
    }
}

}  // namespace

void checkTranslations(CheckContext& context) {
    std::set<std::string> programLanguages;
    forEachTextBlock(context.program(), [&](const TextBlock& block) {
        std::set<std::string> seen;
        for (const ast::Translation& text : *block.texts) {
            programLanguages.insert(text.language.name);
            if (!seen.insert(text.language.name).second)
                context.error(*block.file, text.language.span,
                              "'" + text.language.name + "' text given twice in the " + block.description());
        }
    });
    forEachTextBlock(context.program(), [&](const TextBlock& block) {
        std::set<std::string> present;
        for (const ast::Translation& text : *block.texts) present.insert(text.language.name);
        for (const std::string& language : programLanguages)
            if (!present.count(language)) {
                // Point at the first text only: a caret under one line reads better than a block.
                context.warning(
                    "missing-translation", *block.file,
                    block.texts->empty() ? block.fallback : block.texts->front().span,
                    block.description() + " has no '" + language + "' text, while other texts have one");
            }
    });
}

}  // namespace triage::dsl
