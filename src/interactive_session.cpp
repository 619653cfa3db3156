#include "interactive_session.hpp"

#include <fmt/format.h>

#include "answer_parser.hpp"
#include "render_text.hpp"

namespace triage::cli {
namespace {

class InteractiveSession {
public:
    InteractiveSession(Conversation& conversation, LineReader& reader, std::ostream& out)
        : conversation_(conversation), reader_(reader), out_(out),
          render_(conversation.kb(), conversation.language()), ui_(render_.ui()) {}

    int run();

private:
    /// Shows the open question, or the conclusion the first time there is none.
    void showState();
    std::string prompt() const;
    void updateCompletions();
    /// Handles one line; false when the session should end.
    bool handle(const AskInput& input);
    void whyNot(const std::string& name);
    void showFacts();
    void changed() { conclusionShown_ = false; }

    Conversation& conversation_;
    LineReader& reader_;
    std::ostream& out_;
    TextRenderer render_;
    const UiText& ui_;
    bool conclusionShown_ = false;
};

int InteractiveSession::run() {
    out_ << ui_.welcome << '\n';
    if (!conversation_.given().empty())
        out_ << fmt::format(fmt::runtime(ui_.startsFrom), conversation_.given().size()) << '\n';
    showState();
    for (;;) {
        updateCompletions();
        const LineReader::Result read = reader_.read(prompt());
        if (read.status != LineReader::Status::Line) break;
        if (read.tooLong) {
            out_ << fmt::format(fmt::runtime(ui_.lineTooLong), LineReader::maxLineBytes) << '\n';
            continue;
        }
        const AskInput input = parseAskInput(read.line);
        if (input.kind == AskInput::Kind::Empty) continue;
        if (!handle(input)) break;
        showState();
    }
    out_ << ui_.goodbye << std::endl;
    return 0;
}

void InteractiveSession::showState() {
    if (const auto& question = conversation_.openQuestion()) {
        out_ << '\n' << render_.questionText(question->fact) << '\n';
    } else if (!conclusionShown_) {
        out_ << '\n' << render_.conclusion(conversation_.session()) << ui_.afterConclusion << '\n';
        conclusionShown_ = true;
    }
}

std::string InteractiveSession::prompt() const {
    const auto& question = conversation_.openQuestion();
    if (!question) return "> ";
    // Built by appending: GCC 12 warns (-Wrestrict, a known false positive) on "(" + string.
    std::string text(1, '(');
    text += render_.answerHint(question->fact);
    text += ") > ";
    return text;
}

void InteractiveSession::updateCompletions() {
    std::vector<std::string> words;
    if (const auto& question = conversation_.openQuestion())
        words = offeredAnswers(conversation_.kb().fact(question->fact), conversation_.language());
    words.insert(words.end(), askCommandWords().begin(), askCommandWords().end());
    std::vector<std::string> causes;
    for (const auto& cause : conversation_.kb().causes) causes.push_back(cause.name);
    reader_.setCompletions(std::move(words), std::move(causes));
}

bool InteractiveSession::handle(const AskInput& input) {
    const auto& question = conversation_.openQuestion();
    using Kind = AskInput::Kind;
    switch (input.kind) {
        case Kind::Empty: break;
        case Kind::Answer:
            if (auto error = conversation_.answer(input.text)) out_ << *error << '\n';
            else changed();
            break;
        case Kind::Unknown:
            if (!question) {
                out_ << ui_.noQuestionOpen << '\n';
                break;
            }
            conversation_.answerUnknown();
            changed();
            break;
        case Kind::Why:
            if (question) out_ << render_.why(conversation_.session().why(question->fact));
            else out_ << ui_.noQuestionOpen << '\n';
            break;
        case Kind::How:
            if (const auto cause = conversation_.howTarget()) out_ << render_.how(conversation_.session().how(*cause));
            else out_ << ui_.noEvidenceYet << '\n';
            break;
        case Kind::WhyNot: whyNot(input.text); break;
        case Kind::Back:
            if (conversation_.back()) {
                out_ << fmt::format(fmt::runtime(ui_.undone), conversation_.session().answerCount()) << '\n';
                changed();
            } else {
                out_ << ui_.nothingToUndo << '\n';
            }
            break;
        case Kind::Facts: showFacts(); break;
        case Kind::Help:
            out_ << ui_.help << '\n';
            if (question && !conversation_.kb().fact(question->fact).help.empty())
                out_ << fmt::format(fmt::runtime(ui_.questionHelp),
                                    conversation_.kb().fact(question->fact).help.in(conversation_.language()))
                     << '\n';
            break;
        case Kind::Restart:
            out_ << ui_.restarted << '\n';
            conversation_.restart();
            changed();
            break;
        case Kind::Quit: return false;
        case Kind::BadCommand: out_ << fmt::format(fmt::runtime(ui_.unknownCommand), input.text) << '\n'; break;
    }
    return true;
}

void InteractiveSession::whyNot(const std::string& name) {
    if (name.empty()) {
        const auto& causes = conversation_.kb().causes;
        out_ << fmt::format(fmt::runtime(ui_.whyNotNeedsCause), causes.empty() ? "CAUSE" : causes.front().name)
             << '\n';
        return;
    }
    std::string error;
    if (const auto cause = conversation_.findCause(name, error))
        out_ << render_.whyNot(conversation_.session().whyNot(*cause));
    else
        out_ << error << '\n';
}

void InteractiveSession::showFacts() {
    std::vector<FactLine> lines;
    for (const auto& known : conversation_.knownFacts()) {
        const char* source = known.source == Conversation::FactSource::Given    ? ui_.sourceGiven
                             : known.source == Conversation::FactSource::Answered ? ui_.sourceAnswered
                                                                                   : ui_.sourceDerived;
        lines.push_back({known.fact, known.value, source});
    }
    out_ << render_.facts(lines);
}

}  // namespace

int runInteractiveSession(Conversation& conversation, LineReader& reader, std::ostream& out) {
    return InteractiveSession(conversation, reader, out).run();
}

}  // namespace triage::cli
