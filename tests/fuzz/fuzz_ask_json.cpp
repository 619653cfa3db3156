// Harness: request lines of `triage ask --json` against a live session on one
// of the rule bases (first byte: rule base and language). Every response line
// must be JSON, whatever the requests were.
#include <sstream>
#include <string>

#include "ask_conversation.hpp"
#include "fuzz_support.hpp"
#include "json_protocol.hpp"
#include "line_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace triage;
    if (size == 0) return 0;
    const std::uint8_t selector = data[0];
    const fuzz::StdinReplacement input(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
    cli::Conversation conversation(fuzz::model(selector >> 1), {}, selector & 1 ? "nl" : "en");
    cli::LineReader reader(false);
    std::ostringstream out;
    cli::runJsonProtocol(conversation, reader, out);
    fuzz::requireJsonLines(out.str(), "ask --json");
    return 0;
}
