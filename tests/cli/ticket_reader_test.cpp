// The batch loop reads JSON tickets in place with a fast On-Demand reader
// that declines anything unusual; whatever it accepts must be exactly what
// the DOM reader (parse) makes of the line, and what it declines must come
// out of the DOM reader's second reading, error messages included.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "fact_name_table.hpp"
#include "plain_ticket_reader.hpp"
#include "record_reader.hpp"
#include "ticket_reader.hpp"

namespace triage::cli {
namespace {

engine::KnowledgeBase smallBase() {
    engine::KnowledgeBase kb;
    auto fact = [&kb](std::string name, engine::FactType type, std::vector<std::string> values = {}) {
        engine::Fact added;
        added.name = std::move(name);
        added.type = type;
        added.enumValues = std::move(values);
        kb.facts.push_back(std::move(added));
    };
    fact("error_code", engine::FactType::Code);
    fact("hardware_changed", engine::FactType::Bool);
    fact("internet_ok", engine::FactType::Bool);
    fact("edition", engine::FactType::Enum, {"home", "pro"});
    fact("disk_gb", engine::FactType::Number);
    fact("a_rather_long_fact_name_of_forty_chars_x", engine::FactType::Bool);
    for (const char* name : {"hardware_changed", "offline"}) {
        engine::Cause cause;
        cause.name = name;
        kb.causes.push_back(std::move(cause));
    }
    kb.index();
    return kb;
}

void expectSameTicket(const Ticket& fast, const Ticket& dom, const std::string& line) {
    EXPECT_EQ(fast.id, dom.id) << line;
    EXPECT_EQ(fast.error, dom.error) << line;
    EXPECT_EQ(fast.expect, dom.expect) << line;
    EXPECT_EQ(fast.expectAny, dom.expectAny) << line;
    ASSERT_EQ(fast.facts.size(), dom.facts.size()) << line;
    for (std::size_t i = 0; i < dom.facts.size(); ++i) {
        EXPECT_EQ(fast.facts[i].first, dom.facts[i].first) << line;
        EXPECT_EQ(fast.facts[i].second.raw(), dom.facts[i].second.raw()) << line;
    }
}

std::vector<std::string> testLines() {
    return {
        R"({"id":"T-1","facts":{"error_code":"0xC004F211","hardware_changed":true,"edition":"PRO"}})",
        R"({"facts":{"internet_ok":false,"hardware_changed":null},"id":7,"expect":"offline"})",
        R"({"id":"T-2","facts":{},"expect_any":["offline","hardware_changed"]})",
        R"({"id":"T-3","facts":{"a_rather_long_fact_name_of_forty_chars_x":true,"error_code":" c004f211L "}})",
        R"(  {"id":"T-4","facts":{"hardware_changed":true}}  )",
        R"({"id":"T-\u00e9\"","facts":{"hard\u0077are_changed":true}})",
        R"({"id":"T-5","facts":{"hardware_changed":true,"hardware_changed":false}})",
        R"({"id":"T-6","facts":{"disk_gb":12.5,"edition":"home"}})",
        R"({"id":"T-7","facts":{"disk_gb":123456789012345678901234567890}})",
        R"({"id":"T-8","facts":{"edition":true}})",
        R"({"id":"T-9","facts":{"hardware_changed":"ja","internet_ok":"nee"}})",
        R"({"id":"T-10","facts":{"hardware_chnged":true}})",
        R"({"id":"T-11","facts":{"error_code":"0xC004F21"}})",
        R"({"id":"T-12","facts":{"edition":"ultimate"}})",
        R"({"id":"T-13","facts":{"hardware_changed":[true]}})",
        R"({"id":"T-14","facts":{"hardware_changed":true},"expect":"nope"})",
        R"({"id":"T-15","facts":{"hardware_changed":true},"colour":"red"})",
        R"({"id":"T-16","facts":{"hardware_changed":true}} trailing)",
        R"({"id":"T-17","facts":{"hardware_changed":true}}})",
        R"({"id":"T-18","facts":{"hardware_changed":true})",
        R"({"id":"T-19" "facts":{}})",
        R"({"id":"T-20","facts":{"hardware_changed":tru}})",
        R"({"id":1.5,"facts":{}})",
        R"({"id":null,"facts":{}})",
        R"({"id":18446744073709551615,"facts":{}})",
        R"({"id":"first","id":"second","facts":{}})",
        R"({"facts":{"hardware_changed":true}})",
        R"(["not","an","object"])",
        R"("just a string")",
        R"({"id":"T-21","facts":"none"})",
        R"({"id":"T-22","facts":{"hardware_changed":true},"expect_any":"offline"})",
        R"({"id":"T-23","facts":{"hardware_changed":true},"expect_any":["offline",3]})",
        "{\"id\":\"T-24\",\"facts\":{\"edition\":\"pro\xFF\"}}",
        "",
        "{",
    };
}

TEST(TicketReader, InPlaceReadingEqualsTheDomReaderOnGoodAndBadLines) {
    const engine::KnowledgeBase kb = smallBase();
    JsonTicketParser dom(kb);
    JsonTicketParser inPlace(kb);
    const std::vector<std::string> lines = testLines();
    for (const std::string& line : lines) {
        const Ticket expected = dom.parse(line);
        // As the batch holds it: the line inside a chunk, readable bytes after it.
        std::string chunk = line + std::string(RecordChunk::readablePadding, ' ');
        Ticket fast;
        fast.facts.emplace_back(0, engine::Value::boolean(true));  // left over from a ticket before
        fast.error = "left over";
        inPlace.parseInPlace(std::string_view(chunk.data(), line.size()), fast);
        expectSameTicket(fast, expected, line);
    }
}

/// A chunk of `records` as the RecordReader makes one: views into a mapped
/// file, each record followed by its line end, or records copied end to end.
RecordChunk chunkOf(const std::vector<std::string>& records, bool mapped, std::string& file) {
    RecordChunk chunk;
    std::string& bytes = mapped ? file : chunk.text;
    bytes.clear();
    for (const std::string& record : records) {
        chunk.records.push_back({static_cast<std::uint32_t>(bytes.size()), static_cast<std::uint32_t>(record.size()),
                                 chunk.records.size() + 1});
        bytes += record;
        if (mapped) bytes += '\n';
    }
    bytes.append(RecordChunk::readablePadding, ' ');
    if (mapped) chunk.mapped = file.data();
    return chunk;
}

// A chunk read from one document stream must give what reading each record
// alone gives, whatever broken records lie around a good one: a record that
// runs on into the next, or leaves text after its object, must not make the
// stream read the wrong bytes as the next ticket.
TEST(TicketReader, ChunksReadAsTheirRecordsOneByOne) {
    const engine::KnowledgeBase kb = smallBase();
    JsonTicketParser alone(kb);
    JsonTicketParser chunked(kb);
    const std::vector<std::string> lines = testLines();
    std::vector<Ticket> expected;
    for (const std::string& line : lines) expected.push_back(alone.parse(line));
    std::string file;
    auto check = [&](const std::vector<std::size_t>& picked) {
        std::vector<std::string> records;
        for (std::size_t i : picked) records.push_back(lines[i]);
        for (bool mapped : {true, false}) {
            const RecordChunk chunk = chunkOf(records, mapped, file);
            chunked.startChunk(chunk);
            for (std::size_t i = 0; i < picked.size(); ++i) {
                Ticket ticket;
                ticket.error = "left over";
                chunked.parseChunkRecord(chunk, i, ticket);
                expectSameTicket(ticket, expected[picked[i]], lines[picked[i]] + (mapped ? " (mapped)" : " (copied)"));
            }
        }
    };
    for (std::size_t a = 0; a < lines.size(); ++a)
        for (std::size_t b = 0; b < lines.size(); ++b) check({a, b, 0});
    std::vector<std::size_t> all(lines.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    for (std::size_t turn = 0; turn < all.size(); ++turn) {
        check(all);
        std::rotate(all.begin(), all.begin() + 1, all.end());
    }
}

TEST(TicketReader, TheStreamReadsEveryPlainRecordOfAChunk) {
    const engine::KnowledgeBase kb = smallBase();
    const FactNameTable names(kb);
    simdjson::ondemand::parser parser;
    const std::string text = R"({"id":"T-1","facts":{"hardware_changed":true}})"
                             "\n  "
                             R"({"id":"T-2","facts":{"disk_gb":1}})"
                             "\n"
                             R"({"id":"T-3","facts":{"edition":"pro"}})";
    const std::string padded = text + std::string(simdjson::SIMDJSON_PADDING, ' ');
    PlainRecordStream stream;
    ASSERT_TRUE(stream.start(parser, std::string_view(padded.data(), text.size())));
    const std::size_t second = text.find("{\"id\":\"T-2"), third = text.find("{\"id\":\"T-3");
    Ticket ticket;
    EXPECT_EQ(stream.read(kb, names, 0, second, ticket), PlainRecordStream::Result::Read);
    EXPECT_EQ(ticket.id, "T-1");
    ticket.clear();
    EXPECT_EQ(stream.read(kb, names, second, third, ticket), PlainRecordStream::Result::Declined);  // a number
    ticket.clear();
    EXPECT_EQ(stream.read(kb, names, third, text.size(), ticket), PlainRecordStream::Result::Read);
    EXPECT_EQ(ticket.id, "T-3");
    // Out of step: the stream's next document is not where the caller says.
    ASSERT_TRUE(stream.start(parser, std::string_view(padded.data(), text.size())));
    ticket.clear();
    EXPECT_EQ(stream.read(kb, names, 0, second - 1, ticket), PlainRecordStream::Result::OutOfStep);
    EXPECT_FALSE(stream.live());
}

// A JSON error inside a record can abandon the document's iterator: the
// stream must then decline that record and stop, never step past it (the
// fuzzer found such a step; corpus regression-stream-step-after-json-error).
// Without that check this test fails: the stream steps on and stays live.
// Whatever the stream does, every record comes out as the DOM reader reads it alone.
TEST(TicketReader, TheStreamStopsAtAJsonErrorThatAbandonsARecord) {
    const engine::KnowledgeBase kb = smallBase();
    const FactNameTable names(kb);
    simdjson::ondemand::parser parser;
    JsonTicketParser alone(kb), chunked(kb);
    const std::string first = R"({"id":"T-1","facts":{"hardware_changed":true}})";
    const std::string last = R"({"id":"T-3","facts":{"edition":"pro"}})";
    struct Broken {
        std::string record;
        bool abandons;  // simdjson 3.0 leaves the document dead: a missing ':' or ',', a key that is no string
    };
    const std::vector<Broken> broken = {
        {R"({"id":"T-2","facts":{"internet_ok":tru,"hardware_changed":false}})", false},
        {R"({"id":"T-2","facts":{"internet_ok":"\x"}})", false},
        {R"({"id":"T-2","facts":{"internet_ok" true}})", true},
        {R"({"id":"T-2","facts":{"internet_ok":true,}})", true},
        {R"({"id":"T-2","facts":{"internet_ok":true "edition":"pro"}})", true},
        {R"({"id":"T-2","facts":{true:"internet_ok"}})", true},
    };
    for (const auto& [middle, abandons] : broken) {
        const std::string text = first + "\n" + middle + "\n" + last;
        const std::string padded = text + std::string(simdjson::SIMDJSON_PADDING, ' ');
        PlainRecordStream stream;
        ASSERT_TRUE(stream.start(parser, std::string_view(padded.data(), text.size())));
        const std::size_t second = first.size() + 1, third = second + middle.size() + 1;
        Ticket ticket;
        ASSERT_EQ(stream.read(kb, names, 0, second, ticket), PlainRecordStream::Result::Read) << middle;
        ticket.clear();
        const PlainRecordStream::Result result = stream.read(kb, names, second, third, ticket);
        EXPECT_EQ(result, PlainRecordStream::Result::Declined) << middle;
        EXPECT_EQ(stream.live(), !abandons) << middle;
        ticket.clear();
        if (abandons) {
            EXPECT_EQ(stream.read(kb, names, third, text.size(), ticket), PlainRecordStream::Result::OutOfStep) << middle;
        } else {
            EXPECT_EQ(stream.read(kb, names, third, text.size(), ticket), PlainRecordStream::Result::Read) << middle;
            EXPECT_EQ(ticket.id, "T-3") << middle;
        }
        const std::vector<std::string> records = {first, middle, last};
        std::string file;
        for (bool mapped : {true, false}) {
            const RecordChunk chunk = chunkOf(records, mapped, file);
            chunked.startChunk(chunk);
            for (std::size_t i = 0; i < records.size(); ++i) {
                Ticket read;
                chunked.parseChunkRecord(chunk, i, read);
                expectSameTicket(read, alone.parse(records[i]), records[i]);
            }
        }
        EXPECT_NE(alone.parse(middle).error, "") << middle;
    }
}

// The fast reader must take the usual lines, or the test above proves nothing.
TEST(TicketReader, TheFastReaderTakesWellFormedTicketsAndDeclinesTheRest) {
    const engine::KnowledgeBase kb = smallBase();
    const FactNameTable names(kb);
    simdjson::ondemand::parser parser;
    auto takes = [&](const std::string& line) {
        const std::string padded = line + std::string(simdjson::SIMDJSON_PADDING, ' ');
        Ticket ticket;
        return readPlainTicket(parser, kb, names, std::string_view(padded.data(), line.size()), ticket);
    };
    EXPECT_TRUE(takes(R"({"id":"T-1","facts":{"error_code":"0xC004F211","hardware_changed":true,"edition":"PRO"}})"));
    EXPECT_TRUE(takes(R"({"facts":{"internet_ok":false,"hardware_changed":null},"id":7,"expect":"offline"})"));
    EXPECT_TRUE(takes(R"({"id":"T-2","facts":{},"expect_any":["offline","hardware_changed"]})"));
    EXPECT_FALSE(takes(R"({"id":"T-10","facts":{"hardware_chnged":true}})"));
    EXPECT_FALSE(takes(R"({"id":"T-16","facts":{"hardware_changed":true}} trailing)"));
    EXPECT_FALSE(takes(R"({"id":"T-17","facts":{"hardware_changed":true}}})"));
    EXPECT_FALSE(takes(R"({"id":"T-6","facts":{"disk_gb":12.5}})"));
    EXPECT_FALSE(takes(R"({"id":"first","id":"second","facts":{}})"));
}

}  // namespace
}  // namespace triage::cli
