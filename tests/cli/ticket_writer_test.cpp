// The batch line's hand-written pieces against what they replace: scores as
// fmt's "{:.3f}" writes them, strings as JSON literals.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include <fmt/format.h>

#include "ticket_writer.hpp"
#include "triage/engine/session.hpp"

namespace triage::cli {
namespace {

std::string scoreText(double score) {
    fmt::memory_buffer out;
    appendScore(out, score);
    return fmt::to_string(out);
}

TEST(TicketWriter, ScoresAreWrittenExactlyAsFmtWritesThem) {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < 200000; ++i) {
        const double score = unit(rng);
        ASSERT_EQ(scoreText(score), fmt::format("{:.3f}", score)) << score;
    }
    // Ties and near-ties (x.xxx5 in decimal, exact or not in binary), the
    // ends of the range, and values outside it.
    for (int thousandths = 0; thousandths <= 1000; ++thousandths) {
        const double tie = (thousandths + 0.5) / 1000.0;
        for (double value : {tie, std::nextafter(tie, 0.0), std::nextafter(tie, 2.0), thousandths / 1000.0})
            ASSERT_EQ(scoreText(value), fmt::format("{:.3f}", value)) << value;
    }
    // Binary fractions: x.xxx5 exactly, and their neighbours.
    for (int parts = 0; parts <= 8192; ++parts) {
        const double exact = parts / 8192.0;
        for (double value : {exact, std::nextafter(exact, 0.0), std::nextafter(exact, 2.0)})
            ASSERT_EQ(scoreText(value), fmt::format("{:.3f}", value)) << value;
    }
    for (double value : {0.0, -0.0, 1.0, 0.0625, 0.9995, 0.99949999, 1234.5675, -0.25, 1e300, std::nan("")})
        EXPECT_EQ(scoreText(value), fmt::format("{:.3f}", value)) << value;
}

TEST(TicketWriter, StringsAreEscapedOnlyWhenTheyNeedIt) {
    auto json = [](std::string_view text) {
        fmt::memory_buffer out;
        appendJsonString(out, text);
        return fmt::to_string(out);
    };
    EXPECT_EQ(json("hardware_changed"), "\"hardware_changed\"");
    EXPECT_EQ(json(""), "\"\"");
    EXPECT_EQ(json("a\"b\\c\nd\x01"), "\"a\\\"b\\\\c\\nd\\u0001\"");
    EXPECT_EQ(json("caf\xC3\xA9"), "\"caf\xC3\xA9\"");
    EXPECT_EQ(json("bad\xFF"), "\"bad\xEF\xBF\xBD\"");
}

TEST(TicketWriter, LinesHaveTheChosenFieldsWhateverTheIdAndScore) {
    engine::KnowledgeBase kb;
    for (const char* name : {"offline", "hardware_changed"}) {
        engine::Cause cause;
        cause.name = name;
        kb.causes.push_back(std::move(cause));
    }
    engine::TicketResult result;
    result.conclusion = engine::Diagnosis{};
    result.conclusion->cause = 1;
    result.conclusion->score = 0.8625;
    result.ranking = {{1, 0.8625}, {0, 0.25}};
    auto line = [&](std::string_view fields, const std::optional<std::string>& id) {
        std::string error;
        const TicketWriter writer(kb, *ResultFields::parse(fields, error));
        fmt::memory_buffer out;
        out.append(std::string_view("before|"));  // a line goes after what the buffer holds
        writer.writeResult(out, id, result, 3);
        return fmt::to_string(out);
    };
    EXPECT_EQ(line("id,cause,score", "T-1"), "before|{\"id\":\"T-1\",\"cause\":\"hardware_changed\",\"score\":0.863}\n");
    EXPECT_EQ(line("id,cause,score", std::nullopt), "before|{\"id\":null,\"cause\":\"hardware_changed\",\"score\":0.863}\n");
    EXPECT_EQ(line("id,cause,score", "a\"b"), "before|{\"id\":\"a\\\"b\",\"cause\":\"hardware_changed\",\"score\":0.863}\n");
    EXPECT_EQ(line("id,cause,score", ""), "before|{\"id\":\"\",\"cause\":\"hardware_changed\",\"score\":0.863}\n");
    for (std::size_t length = 0; length <= 40; ++length) {  // around the sizes copied in fixed-size pieces
        std::string id;
        for (std::size_t i = 0; i < length; ++i) id += static_cast<char>('a' + i % 26);
        EXPECT_EQ(line("id,cause,score", id),
                  "before|{\"id\":\"" + id + "\",\"cause\":\"hardware_changed\",\"score\":0.863}\n");
    }
    EXPECT_EQ(line("score,cause", "T-1"), "before|{\"cause\":\"hardware_changed\",\"score\":0.863}\n");
    EXPECT_EQ(line("score", "T-1"), "before|{\"score\":0.863}\n");
    EXPECT_EQ(line("id,ranking", "T-1"),
              "before|{\"id\":\"T-1\",\"ranking\":[{\"cause\":\"hardware_changed\",\"score\":0.863},"
              "{\"cause\":\"offline\",\"score\":0.250}]}\n");
    EXPECT_EQ(line("ranking", "T-1"),
              "before|{\"ranking\":[{\"cause\":\"hardware_changed\",\"score\":0.863},"
              "{\"cause\":\"offline\",\"score\":0.250}]}\n");
    result.conclusion->score = 0.0625;  // 62.5 thousandths exactly: a tie left to fmt
    EXPECT_EQ(line("id,cause,score", "T-1"), "before|{\"id\":\"T-1\",\"cause\":\"hardware_changed\",\"score\":0.062}\n");
    EXPECT_EQ(line("id,cause,score", "a\"b"), "before|{\"id\":\"a\\\"b\",\"cause\":\"hardware_changed\",\"score\":0.062}\n");
    // No score lies outside [0, 1], but the line has room for any double's "{:.3f}".
    for (double odd : {-std::numeric_limits<double>::max(), 1e300, std::numeric_limits<double>::quiet_NaN()}) {
        result.conclusion->score = odd;
        EXPECT_EQ(line("id,cause,score", "T-1"),
                  fmt::format("before|{{\"id\":\"T-1\",\"cause\":\"hardware_changed\",\"score\":{:.3f}}}\n", odd));
    }
    result.conclusion.reset();
    EXPECT_EQ(line("id,cause,score", "T-1"), "before|{\"id\":\"T-1\",\"cause\":null,\"score\":0.000}\n");
}

TEST(TicketWriter, ListsHoldTheirItemsWhateverTheirLengthsAndScores) {
    // Names of every length around the sizes copied in fixed-size pieces, one
    // to escape, and ranking scores of any width: the line is written in a
    // reservation sized from the longest name and the widest score.
    engine::KnowledgeBase kb;
    std::vector<std::string> names{"", "a\"b"};
    for (std::size_t length = 1; length <= 40; ++length) {
        std::string name;
        for (std::size_t i = 0; i < length; ++i) name += static_cast<char>('a' + i % 26);
        names.push_back(name);
    }
    auto quoted = [](const std::string& name) { return name == "a\"b" ? std::string("\"a\\\"b\"") : '"' + name + '"'; };
    for (const std::string& name : names) {
        engine::Cause cause;
        cause.name = name;
        for (const std::string& stepId : names) {
            engine::FixStep step;
            step.id = stepId;
            cause.steps.push_back(std::move(step));
        }
        kb.causes.push_back(std::move(cause));
        engine::Rule rule;
        rule.name = name;
        kb.rules.push_back(std::move(rule));
        engine::Fact fact;
        fact.name = name;
        kb.facts.push_back(std::move(fact));
    }
    std::string error;
    const TicketWriter writer(kb, *ResultFields::parse(ResultFields::allNames, error));
    engine::TicketResult result;
    result.conclusion = engine::Diagnosis{};
    result.conclusion->cause = 5;
    result.conclusion->score = 0.5;
    std::string fix, fired, ask, next;
    for (std::uint32_t i = 0; i < names.size(); ++i) {
        result.conclusion->steps.push_back(i);
        result.fired.push_back(static_cast<engine::RuleId>(names.size() - 1 - i));
        result.helpful.push_back({static_cast<engine::FactId>(i), 1.0});
        result.nextQuestions.push_back({static_cast<engine::FactId>((i * 7) % names.size()), 1.0});
        fix += (i == 0 ? "" : ",") + quoted(names[i]);
        fired += (i == 0 ? "" : ",") + quoted(names[names.size() - 1 - i]);
        ask += (i == 0 ? "" : ",") + quoted(names[i]);
        next += (i == 0 ? "" : ",") + quoted(names[(i * 7) % names.size()]);
    }
    const double scores[] = {-std::numeric_limits<double>::max(), 1e300, std::numeric_limits<double>::quiet_NaN(),
                             0.0625, 0.9995};
    std::string ranking;
    for (std::uint32_t i = 0; i < std::size(scores); ++i) {
        result.ranking.push_back({static_cast<engine::CauseId>(i), scores[i]});
        ranking += fmt::format("{}{{\"cause\":{},\"score\":{:.3f}}}", i == 0 ? "" : ",", quoted(names[i]), scores[i]);
    }
    fmt::memory_buffer out;
    writer.writeResult(out, "T-1", result, std::size(scores));
    EXPECT_EQ(fmt::to_string(out), "{\"id\":\"T-1\",\"cause\":\"abcd\",\"score\":0.500,\"ranking\":[" + ranking +
                                       "],\"fix\":[" + fix + "],\"fired\":[" + fired + "],\"ask\":[" + ask +
                                       "],\"next\":[" + next + "]}\n");
    result = engine::TicketResult{};
    out.clear();
    writer.writeResult(out, std::nullopt, result, 3);
    EXPECT_EQ(fmt::to_string(out),
              "{\"id\":null,\"cause\":null,\"score\":0.000,\"ranking\":[],\"fix\":[],\"fired\":[],\"ask\":[],\"next\":[]}\n");
}

}  // namespace
}  // namespace triage::cli
