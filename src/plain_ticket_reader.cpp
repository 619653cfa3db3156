#include "plain_ticket_reader.hpp"

#include <string>
#include <utility>

namespace triage::cli {

namespace {

using simdjson::ondemand::json_type;
using simdjson::ondemand::value;

// Keys and string values are read raw, where they lie between their quotes:
// simdjson's unescaping copies every string, and no fact, cause or keyword
// name and no valid value contains a backslash. So an escaped key or value
// matches nothing here and the line goes to the DOM reader, which unescapes.

/// A field's key as written. The value's first byte is found from the
/// structural index; between it and the key's closing quote lie only
/// blanks and the colon.
std::string_view rawKey(simdjson::ondemand::field& field) {
    const char* start = reinterpret_cast<const char*>(field.key().raw());
    const char* end = field.value().raw_json_token().data();
    do --end;
    while (*end != ':');
    do --end;
    while (*end != '"');
    return {start, static_cast<std::size_t>(end - start)};
}

/// A string value as written, `found` must be a string. Its token runs to
/// the next structural character, blanks included.
std::string_view rawString(value& found) {
    std::string_view token = found.raw_json_token();
    while (token.back() != '"') token.remove_suffix(1);
    return token.substr(1, token.size() - 2);
}

bool readId(value found, Ticket& ticket) {
    if (ticket.id) return false;  // a repeated id: the DOM path keeps the first
    json_type type;
    if (found.type().get(type)) return false;
    if (type == json_type::string) {
        std::string_view text;
        if (found.get_string().get(text)) return false;  // ids may hold anything: unescaped
        ticket.id = std::string(text);
        return true;
    }
    std::int64_t number = 0;
    if (type != json_type::number || found.get_int64().get(number)) return false;
    ticket.id = std::to_string(number);
    return true;
}

bool readFacts(value found, const engine::KnowledgeBase& kb, const FactNameTable& factNames, Ticket& ticket) {
    simdjson::ondemand::object facts;
    if (found.get_object().get(facts)) return false;
    ticket.facts.reserve(16);
    for (auto entry : facts) {
        simdjson::ondemand::field field;
        if (std::move(entry).get(field)) return false;
        const auto id = factNames.find(rawKey(field));
        if (!id) return false;
        const engine::Fact& fact = kb.fact(*id);
        value factValue = field.value();
        if (fact.type == engine::FactType::Bool) {
            // Most facts are bools: try that first, without asking the type.
            // A value that is not one is left in place for the switch below.
            bool known = false;
            if (!factValue.get_bool().get(known)) {
                ticket.facts.emplace_back(*id, engine::Value::boolean(known));
                continue;
            }
        }
        json_type type;
        if (factValue.type().get(type)) return false;
        switch (type) {
            case json_type::null: {
                bool isNull = false;
                if (factValue.is_null().get(isNull) || !isNull) return false;
                continue;  // unknown, like an absent fact
            }
            case json_type::boolean: {
                bool known = false;
                if (fact.type != engine::FactType::Bool || factValue.get_bool().get(known)) return false;
                ticket.facts.emplace_back(*id, engine::Value::boolean(known));
                continue;
            }
            case json_type::string: {
                std::string reason;
                const auto known = engine::parseValue(fact, rawString(factValue), reason);
                if (!known) return false;
                ticket.facts.emplace_back(*id, *known);
                continue;
            }
            default: return false;  // numbers, arrays, objects: the DOM path
        }
    }
    return true;
}

bool readExpectAny(value found, const engine::KnowledgeBase& kb, Ticket& ticket) {
    simdjson::ondemand::array causes;
    if (found.get_array().get(causes)) return false;
    for (auto cause : causes) {
        std::string_view name;
        if (cause.get_string().get(name)) return false;
        const auto id = kb.causeId(name);
        if (!id) return false;
        ticket.expectAny.push_back(*id);
    }
    return true;
}

/// The ticket object of one document, a simdjson::ondemand::document or
/// the document_reference of a stream.
template <typename Document>
bool readPlainDocument(Document& document, const engine::KnowledgeBase& kb, const FactNameTable& factNames,
                       Ticket& ticket) {
    simdjson::ondemand::object object;
    if (document.get_object().get(object)) return false;
    for (auto entry : object) {
        simdjson::ondemand::field field;
        if (std::move(entry).get(field)) return false;
        const std::string_view key = rawKey(field);
        value found = field.value();
        bool read = false;
        if (key == "id") {
            read = readId(found, ticket);
        } else if (key == "facts") {
            read = readFacts(found, kb, factNames, ticket);
        } else if (key == "expect") {
            std::string_view name;
            if (found.get_string().get(name)) return false;
            ticket.expect = kb.causeId(name);
            read = ticket.expect.has_value();
        } else if (key == "expect_any") {
            read = readExpectAny(found, kb, ticket);
        }
        if (!read) return false;
    }
    return true;
}

}  // namespace

bool readPlainTicket(simdjson::ondemand::parser& parser, const engine::KnowledgeBase& kb,
                     const FactNameTable& factNames, std::string_view json, Ticket& ticket) {
    simdjson::ondemand::document document;
    if (parser.iterate(json.data(), json.size(), json.size() + simdjson::SIMDJSON_PADDING).get(document)) return false;
    if (!readPlainDocument(document, kb, factNames, ticket)) return false;
    // On-Demand reads only what it is asked for: text after the object is
    // only seen by asking where the document ends.
    return document.current_location().error() == simdjson::OUT_OF_BOUNDS;
}

bool PlainRecordStream::start(simdjson::ondemand::parser& parser, std::string_view text) {
    live_ = false;
    if (text.empty() || text.size() > batchBytes) return false;
    parser.threaded = false;  // one batch: nothing to read ahead
    if (parser.iterate_many(text.data(), text.size(), batchBytes).get(stream_)) return false;
    at_ = stream_.begin();
    size_ = text.size();
    live_ = true;
    return true;
}

PlainRecordStream::Result PlainRecordStream::read(const engine::KnowledgeBase& kb, const FactNameTable& factNames,
                                                  std::size_t begin, std::size_t next, Ticket& ticket) {
    if (!live_ || !(at_ != stream_.end()) || at_.error() || at_.current_index() != begin) return lose();
    simdjson::ondemand::document_reference document;
    if ((*at_).get(document)) return lose();
    const bool read = readPlainDocument(document, kb, factNames, ticket);
    // A JSON error abandons the document's iterator (no parser left): the
    // stream must not step past it. A decline for what the JSON says (an
    // unknown fact, a number) leaves it alive, and the stream goes on.
    if (!read && !static_cast<simdjson::ondemand::document&>(document).is_alive()) {
        lose();
        return Result::Declined;
    }
    ++at_;
    // The document ends before the next record starts when the next
    // document starts there (or none follows the last record): anything
    // else in between, or a record that runs on, puts the stream out of step.
    const bool last = next >= size_;
    const bool inStep = last ? !(at_ != stream_.end())
                             : at_ != stream_.end() && !at_.error() && at_.current_index() == next;
    if (!inStep) return lose();
    return read ? Result::Read : Result::Declined;
}

}  // namespace triage::cli
