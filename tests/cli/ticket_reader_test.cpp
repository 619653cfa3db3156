// The batch loop reads JSON tickets in place with a fast On-Demand reader
// that declines anything unusual; whatever it accepts must be exactly what
// the DOM reader (parse) makes of the line, and what it declines must come
// out of the DOM reader's second reading, error messages included.
#include <gtest/gtest.h>

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

TEST(TicketReader, InPlaceReadingEqualsTheDomReaderOnGoodAndBadLines) {
    const engine::KnowledgeBase kb = smallBase();
    JsonTicketParser dom(kb);
    JsonTicketParser inPlace(kb);
    const std::vector<std::string> lines = {
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
