// Harness: a whole terminal session of `triage ask` (piped, as a script would
// drive it) on fuzzed input. Most bytes pick a word the session understands
// (an answer some question accepts, a command, a cause for why-not), so
// sessions get deep; the others insert raw bytes, and one spot in the input
// may deliver Ctrl-C (SIGINT) while the session reads.
#include <csignal>
#include <iostream>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "answer_parser.hpp"
#include "ask_conversation.hpp"
#include "fuzz_support.hpp"
#include "interactive_session.hpp"
#include "line_reader.hpp"

namespace {

using namespace triage;

/// Every line a session on `kb` could sensibly be given.
std::vector<std::string> vocabulary(const engine::Model& model, const std::string& language) {
    const engine::KnowledgeBase& kb = model.kb();
    std::vector<std::string> words{"?", "", "  yes ", "NEE", "0", "-1.5", "1e308", "nan", "why-not"};
    for (const std::string& command : cli::askCommandWords()) words.push_back(command);
    for (engine::FactId fact = 0; fact < kb.facts.size(); ++fact) {
        for (const std::string& answer : cli::offeredAnswers(kb.facts[fact], language)) words.push_back(answer);
        for (const engine::Value value : model.answerValues(fact)) {
            if (kb.facts[fact].type == engine::FactType::Code) words.push_back(engine::formatErrorCode(value.asIndex()));
            if (kb.facts[fact].type == engine::FactType::Number) words.push_back(std::to_string(value.raw()));
        }
    }
    for (const auto& cause : kb.causes) words.push_back("why-not " + cause.name);
    return words;
}

/// Hands out `text`, raising SIGINT once the reader gets to byte `interruptAt`.
class InterruptingInput : public std::streambuf {
public:
    InterruptingInput(std::string text, std::size_t interruptAt) : text_(std::move(text)), interruptAt_(interruptAt) {
        char* begin = text_.data();
        setg(begin, begin, begin + std::min(interruptAt_, text_.size()));
    }

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (interrupted_ || interruptAt_ >= text_.size()) return traits_type::eof();
        interrupted_ = true;
        std::raise(SIGINT);  // what Ctrl-C does; LineReader's handler only sets a flag
        setg(text_.data(), text_.data() + interruptAt_, text_.data() + text_.size());
        return traits_type::to_int_type(*gptr());
    }

private:
    std::string text_;
    std::size_t interruptAt_;
    bool interrupted_ = false;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::uint8_t selector = data[0];
    const std::string language = selector & 1 ? "nl" : "en";
    const auto& model = fuzz::model(selector >> 1);
    static std::vector<std::vector<std::string>> words(3 * 2);
    auto& known = words[selector % words.size()];
    if (known.empty()) known = vocabulary(*model, language);

    std::string script;
    std::size_t interruptAt = std::string::npos;
    for (std::size_t i = 2; i < size; ++i) {
        const std::uint8_t byte = data[i];
        if (byte == 0xFF) {
            interruptAt = script.size();
        } else if (byte >= 0xF0) {  // raw bytes follow, up to 15 of them
            const std::size_t length = std::min<std::size_t>(byte & 0x0F, size - i - 1);
            script.append(reinterpret_cast<const char*>(data + i + 1), length);
            i += length;
        } else {
            script += known[byte % known.size()];
            script += data[1] & 1 ? "\r\n" : "\n";
        }
    }

    InterruptingInput input(std::move(script), interruptAt);
    std::streambuf* previousIn = std::cin.rdbuf(&input);
    std::ostringstream discarded;  // the piped reader echoes prompts and lines on std::cout
    std::streambuf* previousOut = std::cout.rdbuf(discarded.rdbuf());
    {
        cli::Conversation conversation(model, {}, language);
        cli::LineReader reader(false);
        std::ostringstream out;
        cli::runInteractiveSession(conversation, reader, out);
    }
    std::cin.rdbuf(previousIn);
    std::cin.clear();
    std::cout.rdbuf(previousOut);
    return 0;
}
