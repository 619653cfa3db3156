#include "ticket_reader.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <simdjson.h>

#include "fact_name_table.hpp"
#include "plain_ticket_reader.hpp"
#include "record_reader.hpp"

namespace triage::cli {

void Ticket::clear() {
    id.reset();
    facts.clear();
    expect.reset();
    expectAny.clear();
    error.clear();
}

bool Ticket::expects(engine::CauseId cause) const {
    return expect == cause || std::find(expectAny.begin(), expectAny.end(), cause) != expectAny.end();
}

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

/// The shortest readable quote of a bad value for an error message.
std::string quoteValue(std::string_view text) {
    constexpr std::size_t limit = 40;
    if (text.size() > limit) return fmt::format("\"{}...\"", text.substr(0, limit));
    return fmt::format("\"{}\"", text);
}

/// A fact's value from its ticket text, or the reason it does not fit.
std::optional<engine::Value> readFactValue(const engine::Fact& fact, std::string_view text, std::string& error) {
    std::string reason;
    if (auto value = engine::parseValue(fact, text, reason)) return value;
    error = fmt::format("{}; got {}", reason, quoteValue(text));
    return std::nullopt;
}

std::string numberText(element value) {
    switch (value.type()) {
        case element_type::INT64: return std::to_string(int64_t(value));
        case element_type::UINT64: return std::to_string(uint64_t(value));
        default: return fmt::format("{}", double(value));
    }
}

/// simdjson's messages start with their error code name ("TAPE_ERROR: ..."); users want the rest.
std::string jsonErrorText(simdjson::error_code code) {
    std::string_view message = simdjson::error_message(code);
    if (auto colon = message.find(": "); colon != std::string_view::npos) message.remove_prefix(colon + 2);
    return fmt::format("invalid JSON: {}", message);
}

std::optional<engine::CauseId> readCause(const engine::KnowledgeBase& kb, std::string_view name,
                                         std::string_view field, std::string& error) {
    if (auto cause = kb.causeId(name)) return cause;
    error = fmt::format("unknown cause '{}' in {}", name, field);
    return std::nullopt;
}

}  // namespace

struct JsonTicketParser::State {
    explicit State(const engine::KnowledgeBase& knowledgeBase) : kb(knowledgeBase), factNames(knowledgeBase) {}
    const engine::KnowledgeBase& kb;
    FactNameTable factNames;
    simdjson::dom::parser parser;
    simdjson::ondemand::parser plainParser;  // readPlainTicket's and the stream's
    PlainRecordStream stream;                // over the chunk startChunk was given
    std::string padded;  // the line copied with simdjson's required padding
    std::size_t streamStart = 0;  // the chunk offset the stream's text starts at
    std::size_t streamBegin = 0;  // in that text, where the next record to read begins
    std::size_t streamSize = 0;   // that text's size: up to the end of the chunk's last record

    void read(const char* json, std::size_t size, Ticket& ticket);
    void readFacts(element factsValue, Ticket& ticket) const;
    void readField(std::string_view key, element value, Ticket& ticket) const;
    void fail(Ticket& ticket, std::string message) const {
        if (ticket.error.empty()) ticket.error = std::move(message);  // the first problem explains best
    }
};

JsonTicketParser::JsonTicketParser(const engine::KnowledgeBase& kb) : state_(std::make_unique<State>(kb)) {}
JsonTicketParser::~JsonTicketParser() = default;

Ticket JsonTicketParser::parse(std::string_view json) {
    Ticket ticket;
    std::string& padded = state_->padded;
    padded.reserve(json.size() + simdjson::SIMDJSON_PADDING);
    padded.assign(json);
    state_->read(padded.data(), padded.size(), ticket);
    return ticket;
}

static_assert(RecordChunk::readablePadding >= simdjson::SIMDJSON_PADDING);

void JsonTicketParser::parseInPlace(std::string_view json, Ticket& ticket) {
    ticket.clear();
    if (readPlainTicket(state_->plainParser, state_->kb, state_->factNames, json, ticket)) return;
    ticket.clear();  // declined: the DOM path reads it again and explains what is wrong
    state_->read(json.data(), json.size(), ticket);
}

namespace {

/// Offset of the first non-blank byte of the chunk's record `i`.
std::size_t firstNonBlank(const RecordChunk& chunk, std::size_t i) {
    const std::string_view record = chunk.record(i);
    std::size_t blanks = 0;  // records rarely start with any: a loop, not find_first_not_of's search per byte
    while (blanks < record.size() && (record[blanks] == ' ' || record[blanks] == '\t' || record[blanks] == '\r'))
        ++blanks;
    return chunk.records[i].offset + blanks;
}

}  // namespace

void JsonTicketParser::startChunk(const RecordChunk& chunk) {
    const auto& records = chunk.records;
    const bool whole = !records.empty() && std::none_of(records.begin(), records.end(),
                                                         [](const RecordChunk::Record& r) { return r.tooLong; });
    if (!whole) {
        state_->stream = PlainRecordStream();
        return;
    }
    state_->streamStart = records.front().offset;
    state_->streamBegin = firstNonBlank(chunk, 0) - state_->streamStart;
    state_->streamSize = records.back().offset + records.back().size - state_->streamStart;
    state_->stream.start(state_->plainParser, std::string_view(chunk.record(0).data(), state_->streamSize));
}

void JsonTicketParser::parseChunkRecord(const RecordChunk& chunk, std::size_t i, Ticket& ticket) {
    PlainRecordStream& stream = state_->stream;
    if (!stream.live()) return parseInPlace(chunk.record(i), ticket);
    ticket.clear();
    const std::size_t begin = state_->streamBegin;
    const std::size_t next =
        i + 1 < chunk.records.size() ? firstNonBlank(chunk, i + 1) - state_->streamStart : state_->streamSize;
    state_->streamBegin = next;  // where the next call's record begins
    switch (stream.read(state_->kb, state_->factNames, begin, next, ticket)) {
        case PlainRecordStream::Result::Read: return;
        case PlainRecordStream::Result::Declined:
            ticket.clear();  // the DOM path reads it again and explains what is wrong
            state_->read(chunk.record(i).data(), chunk.record(i).size(), ticket);
            return;
        case PlainRecordStream::Result::OutOfStep: return parseInPlace(chunk.record(i), ticket);
    }
}

void JsonTicketParser::State::read(const char* json, std::size_t size, Ticket& ticket) {
    element root;
    if (auto code = parser.parse(json, size, false).get(root)) {
        ticket.error = jsonErrorText(code);
        return;
    }
    simdjson::dom::object object;
    if (root.get_object().get(object)) {
        ticket.error = "a ticket must be a JSON object";
        return;
    }
    // Read the id first so that an error anywhere else can still name the ticket.
    element idValue;
    if (!object["id"].get(idValue)) readField("id", idValue, ticket);
    for (auto field : object) {
        if (field.key != "id") readField(field.key, field.value, ticket);
    }
}

void JsonTicketParser::State::readField(std::string_view key, element value, Ticket& ticket) const {
    if (key == "id") {
        if (value.is_string()) {
            ticket.id = std::string(std::string_view(value));
        } else if (value.is_int64() || value.is_uint64()) {
            ticket.id = numberText(value);
        } else {
            fail(ticket, "'id' must be a string or an integer");
        }
    } else if (key == "facts") {
        readFacts(value, ticket);
    } else if (key == "expect") {
        if (!value.is_string()) return fail(ticket, "'expect' must be a cause name");
        std::string error;
        ticket.expect = readCause(kb, std::string_view(value), "expect", error);
        if (!error.empty()) fail(ticket, error);
    } else if (key == "expect_any") {
        simdjson::dom::array causes;
        if (value.get_array().get(causes)) return fail(ticket, "'expect_any' must be a list of cause names");
        for (element cause : causes) {
            if (!cause.is_string()) return fail(ticket, "'expect_any' must be a list of cause names");
            std::string error;
            if (auto id = readCause(kb, std::string_view(cause), "expect_any", error)) {
                ticket.expectAny.push_back(*id);
            } else {
                fail(ticket, error);
            }
        }
    } else {
        fail(ticket, fmt::format("unknown field '{}' (a ticket has id, facts, expect, expect_any)", key));
    }
}

void JsonTicketParser::State::readFacts(element factsValue, Ticket& ticket) const {
    simdjson::dom::object facts;
    if (factsValue.get_object().get(facts)) return fail(ticket, "'facts' must be a JSON object");
    ticket.facts.reserve(16);  // one allocation for a typical ticket instead of five
    for (auto [name, value] : facts) {
        const auto id = factNames.find(name);
        if (!id) {
            fail(ticket, fmt::format("unknown fact '{}'", name));
            continue;
        }
        const engine::Fact& fact = kb.fact(*id);
        std::string error;
        std::optional<engine::Value> known;
        switch (value.type()) {
            case element_type::NULL_VALUE: continue;  // null: unknown, like an absent fact
            case element_type::STRING: known = readFactValue(fact, std::string_view(value), error); break;
            case element_type::BOOL:
                if (fact.type == engine::FactType::Bool) {  // the common case, without the text round trip
                    known = engine::Value::boolean(bool(value));
                } else {
                    known = readFactValue(fact, bool(value) ? "true" : "false", error);
                }
                break;
            case element_type::INT64:
            case element_type::UINT64:
            case element_type::DOUBLE:
                if (fact.type == engine::FactType::Number) {
                    known = engine::Value::number(double(value));
                } else {
                    known = readFactValue(fact, numberText(value), error);
                }
                break;
            case element_type::ARRAY:
            case element_type::OBJECT: {
                std::string reason;
                engine::parseValue(fact, "", reason);
                error = fmt::format("{}; got a JSON {}", reason,
                                    value.type() == element_type::ARRAY ? "array" : "object");
                break;
            }
        }
        if (known) {
            ticket.facts.emplace_back(*id, *known);
        } else {
            fail(ticket, error);
        }
    }
}

// ---------------------------------------------------------------------------
// CSV

bool splitCsvRecord(std::string_view record, std::vector<std::string>& cells, std::string& error) {
    cells.clear();
    while (!record.empty() && (record.back() == '\n' || record.back() == '\r')) record.remove_suffix(1);
    std::string cell;
    std::size_t i = 0;
    for (;;) {
        cell.clear();
        if (i < record.size() && record[i] == '"') {
            ++i;
            for (;;) {
                if (i >= record.size()) {
                    error = "unterminated quoted cell";
                    return false;
                }
                if (record[i] == '"') {
                    if (i + 1 < record.size() && record[i + 1] == '"') {
                        cell += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                cell += record[i++];
            }
            if (i < record.size() && record[i] != ',') {
                error = fmt::format("text after a closing quote in cell {}", cells.size() + 1);
                return false;
            }
        } else {
            const std::size_t end = std::min(record.find(',', i), record.size());
            cell.assign(record.substr(i, end - i));
            if (cell.find('"') != std::string::npos) {
                error = fmt::format("a quote inside unquoted cell {}", cells.size() + 1);
                return false;
            }
            i = end;
        }
        cells.push_back(cell);
        if (i >= record.size()) return true;
        ++i;  // the comma
    }
}

std::optional<CsvTicketLayout> CsvTicketLayout::fromHeader(const engine::KnowledgeBase& kb,
                                                           std::string_view headerRecord, std::string& error) {
    std::vector<std::string> names;
    if (!splitCsvRecord(headerRecord, names, error)) return std::nullopt;
    CsvTicketLayout layout(kb);
    std::set<std::string> seen;
    for (const std::string& name : names) {
        if (!seen.insert(name).second) {
            error = fmt::format("column '{}' appears twice in the header", name);
            return std::nullopt;
        }
        if (name == "id") {
            layout.columns_.push_back({ColumnKind::Id, 0});
        } else if (name == "expect") {
            layout.columns_.push_back({ColumnKind::Expect, 0});
        } else if (auto fact = kb.factId(name)) {
            layout.columns_.push_back({ColumnKind::Fact, *fact});
        } else {
            error = fmt::format("unknown fact '{}' in the header", name);
            return std::nullopt;
        }
    }
    if (!seen.count("id")) {
        error = "the header has no 'id' column";
        return std::nullopt;
    }
    return layout;
}

Ticket CsvTicketLayout::parse(std::string_view record) const {
    Ticket ticket;
    std::vector<std::string> cells;
    std::string error;
    const bool split = splitCsvRecord(record, cells, error);
    // The id first, so that any error below can still name the ticket.
    for (std::size_t i = 0; i < columns_.size() && i < cells.size(); ++i)
        if (columns_[i].kind == ColumnKind::Id && !cells[i].empty()) ticket.id = cells[i];
    if (!split) {
        ticket.error = error;
        return ticket;
    }
    if (cells.size() != columns_.size()) {
        ticket.error = fmt::format("expected {} cells as in the header, found {}", columns_.size(), cells.size());
        return ticket;
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::string& cell = cells[i];
        if (cell.empty()) continue;  // an empty cell is an unknown fact
        const Column& column = columns_[i];
        if (column.kind == ColumnKind::Expect) {
            ticket.expect = readCause(*kb_, cell, "expect", error);
        } else if (column.kind == ColumnKind::Fact) {
            if (auto value = readFactValue(kb_->fact(column.fact), cell, error))
                ticket.facts.emplace_back(column.fact, *value);
        }
        if (!error.empty()) {
            ticket.error = error;
            return ticket;
        }
    }
    return ticket;
}

}  // namespace triage::cli
