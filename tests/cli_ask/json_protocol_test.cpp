// `triage ask --json` end to end: the JSON Lines protocol of docs/protocol.md
// against the built binary and tests/cli_ask/data/printer.rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "json_conversation.hpp"

namespace triage::test {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::vector<std::string> fixIds(const Json& conclusion) {
    std::vector<std::string> ids;
    for (const auto& step : conclusion["fix"]) ids.push_back(step["id"]);
    return ids;
}

std::string writeTempFile(const std::string& name, const std::string& content) {
    const std::string path = ::testing::TempDir() + name;
    std::ofstream(path) << content;
    return path;
}

TEST(AskJson, FullConversationReachesTheConclusionWithItsFix) {
    JsonConversation session;
    std::vector<std::string> asked;
    const Json conclusion = session.answerUntilConclusion(session.next(), wifiDroppedAnswers(), &asked);

    ASSERT_EQ(conclusion["type"], "conclusion") << conclusion.dump();
    EXPECT_EQ(conclusion["cause"], "wifi_disconnected");
    EXPECT_EQ(conclusion["title"], "The printer lost its Wi-Fi connection");
    EXPECT_GT(conclusion["score"].get<double>(), 0.5);
    ASSERT_FALSE(conclusion["ranking"].empty());
    EXPECT_EQ(conclusion["ranking"][0]["cause"], "wifi_disconnected");
    // The USB step's condition is false once the connection is known to be Wi-Fi.
    const auto ids = fixIds(conclusion);
    EXPECT_TRUE(contains(ids, "restart_printer"));
    EXPECT_TRUE(contains(ids, "rejoin_wifi"));
    EXPECT_FALSE(contains(ids, "reseat_cable"));

    std::vector<std::string> unique = asked;
    std::sort(unique.begin(), unique.end());
    EXPECT_EQ(std::unique(unique.begin(), unique.end()), unique.end()) << "a question was asked twice";
    EXPECT_FALSE(contains(asked, "printer_offline")) << "a derived fact was asked";

    session.send({{"command", "quit"}});
    EXPECT_EQ(session.process().wait(), 0);
    EXPECT_EQ(session.process().readRest(), "");
}

TEST(AskJson, QuestionsCarryTextAndAllowedAnswers) {
    JsonConversation session;
    Json message = session.next();
    for (int turn = 0; turn < 10 && message["type"] == "question"; ++turn) {
        EXPECT_FALSE(message["text"].get<std::string>().empty());
        if (message["fact"] == "connection") {
            EXPECT_EQ(message["fact_type"], "enum");
            EXPECT_EQ(message["answers"], Json::array({"usb", "wifi", "network"}));
            EXPECT_EQ(message["text"], "How is the printer connected?");
        } else if (message["fact"] == "power_light") {
            EXPECT_EQ(message["answers"], Json::array({"yes", "no"}));
            EXPECT_EQ(message["help"], "The light is at the top right of the control panel.");
        } else if (message["fact"] == "error_code") {
            EXPECT_EQ(message["fact_type"], "code");
            EXPECT_TRUE(message["answers"].empty());
        }
        session.send({{"answer", nullptr}});
        message = session.next();
    }
    EXPECT_EQ(message["type"], "conclusion");
}

TEST(AskJson, DutchTextsWithLangNl) {
    JsonConversation session({"--lang", "nl"});
    const std::map<std::string, Json> noPower{{"power_light", "nee"}};
    Json message = session.next();
    for (int turn = 0; turn < 10 && message["type"] == "question"; ++turn) {
        if (message["fact"] == "power_light") {
            EXPECT_EQ(message["text"], "Brandt het aan/uit-lampje van de printer?");
            EXPECT_EQ(message["answers"], Json::array({"ja", "nee"}));
        }
        const auto answer = noPower.find(message["fact"]);
        session.send({{"answer", answer == noPower.end() ? Json(nullptr) : answer->second}});
        message = session.next();
    }
    ASSERT_EQ(message["type"], "conclusion");
    EXPECT_EQ(message["cause"], "no_power");
    EXPECT_EQ(message["title"], "De printer krijgt geen stroom");
    ASSERT_EQ(message["fix"].size(), 2u);
    EXPECT_EQ(message["fix"][0]["text"], "Steek de stekker van de printer in het stopcontact.");
}

TEST(AskJson, WhyExplainsTheOpenQuestionAndRepeatsIt) {
    JsonConversation session;
    const Json question = session.next();
    ASSERT_EQ(question["type"], "question");
    session.send({{"command", "why"}});
    const Json why = session.next();
    EXPECT_EQ(why["type"], "explanation");
    EXPECT_EQ(why["kind"], "why");
    EXPECT_EQ(why["fact"], question["fact"]);
    ASSERT_FALSE(why["stakes"].empty()) << why.dump();
    EXPECT_FALSE(why["stakes"][0]["rule"].get<std::string>().empty());
    EXPECT_EQ(session.next(), question);
}

TEST(AskJson, BackTakesBackTheLastAnswer) {
    JsonConversation session;
    const Json first = session.next();
    session.send({{"command", "back"}});
    const Json nothing = session.next();
    EXPECT_EQ(nothing["type"], "error");
    EXPECT_NE(nothing["message"].get<std::string>().find("Nothing to undo"), std::string::npos);
    EXPECT_EQ(session.next(), first);

    const auto answers = wifiDroppedAnswers();
    session.send({{"answer", answers.at(first["fact"])}});
    const Json second = session.next();
    ASSERT_EQ(second["type"], "question");
    EXPECT_NE(second["fact"], first["fact"]);
    session.send({{"command", "back"}});
    EXPECT_EQ(session.next(), first);
}

TEST(AskJson, BadAnswerGetsAReasonAndTheSameQuestion) {
    JsonConversation session;
    const Json question = session.next();
    session.send({{"answer", "maybe"}});
    const Json error = session.next();
    ASSERT_EQ(error["type"], "error");
    EXPECT_NE(error["message"].get<std::string>().find(question["fact"].get<std::string>()), std::string::npos)
        << error.dump();
    EXPECT_EQ(session.next(), question);
}

TEST(AskJson, MalformedLinesGetErrorsAndTheSessionGoesOn) {
    JsonConversation session;
    const Json question = session.next();
    for (const std::string line : {R"({"answer": )", R"([1, 2])", R"({"command": "dance"})", R"({"hello": 1})",
                                   R"({"command": "why-not"})"}) {
        session.sendRaw(line);
        const Json error = session.next();
        EXPECT_EQ(error["type"], "error") << line;
        EXPECT_FALSE(error["message"].get<std::string>().empty());
        EXPECT_EQ(session.next(), question) << line;
    }
    const Json wifi = wifiDroppedAnswers().at(question["fact"]);
    session.send({{"answer", wifi}});
    EXPECT_NE(session.next(), question);
}

TEST(AskJson, EndOfInputMidSessionEndsCleanly) {
    JsonConversation session;
    ASSERT_EQ(session.next()["type"], "question");
    session.process().closeInput();
    EXPECT_EQ(session.process().wait(), 0);
    EXPECT_EQ(session.process().readRest(), "");
    EXPECT_EQ(session.process().errors(), "");
}

TEST(AskJson, AfterTheConclusionHowAndWhyNotStillWork) {
    JsonConversation session;
    const Json conclusion = session.answerUntilConclusion(session.next(), wifiDroppedAnswers());
    ASSERT_EQ(conclusion["type"], "conclusion");

    session.send({{"command", "how"}});
    const Json how = session.next();
    EXPECT_EQ(how["kind"], "how");
    EXPECT_EQ(how["cause"], conclusion["cause"]);
    ASSERT_FALSE(how["steps"].empty()) << how.dump();
    EXPECT_EQ(how["steps"][0]["rule"], "wifi_lost");
    EXPECT_EQ(how["steps"][0]["supports"], true);
    EXPECT_EQ(session.next(), conclusion);

    session.send({{"command", "why-not"}, {"cause", "paper_jam"}});
    const Json whyNot = session.next();
    EXPECT_EQ(whyNot["kind"], "why-not");
    EXPECT_EQ(whyNot["cause"], "paper_jam");
    EXPECT_EQ(whyNot["top"]["cause"], "wifi_disconnected");
    ASSERT_FALSE(whyNot["rules"].empty()) << whyNot.dump();
    EXPECT_EQ(whyNot["rules"][0]["rule"], "jam_code");
    EXPECT_EQ(session.next(), conclusion);

    session.send({{"command", "why-not"}, {"cause", "paper"}});
    const Json unknown = session.next();
    EXPECT_EQ(unknown["type"], "error");
    EXPECT_NE(unknown["message"].get<std::string>().find("paper_jam"), std::string::npos) << unknown.dump();
    EXPECT_EQ(session.next(), conclusion);

    session.send({{"answer", "yes"}});
    EXPECT_EQ(session.next()["type"], "error");
    EXPECT_EQ(session.next(), conclusion);
}

TEST(AskJson, FactsListsGivenAnsweredAndDerivedFacts) {
    JsonConversation session;
    Json message = session.next();
    const auto answers = wifiDroppedAnswers();
    message = session.answerUntilConclusion(message, answers);
    session.send({{"command", "facts"}});
    const Json facts = session.next();
    ASSERT_EQ(facts["type"], "facts");
    std::map<std::string, Json> byName;
    for (const auto& fact : facts["facts"]) byName[fact["fact"]] = fact;
    ASSERT_TRUE(byName.count("printer_offline")) << facts.dump();
    EXPECT_EQ(byName["printer_offline"]["value"], true);
    EXPECT_EQ(byName["printer_offline"]["source"], "derived");
    ASSERT_TRUE(byName.count("connection"));
    EXPECT_EQ(byName["connection"]["value"], "wifi");
    EXPECT_EQ(byName["connection"]["source"], "answered");
}

TEST(AskJson, FactsFileSeedsTheSessionAndIsNotAskedAgain) {
    const std::string ticket = writeTempFile(
        "ask_ticket.jsonl",
        R"({"id": "T-1", "facts": {"power_light": true, "connection": "wifi"}})"
        "\n"
        R"({"id": "T-2", "facts": {"power_light": false}})"
        "\n");
    JsonConversation session({"--facts", ticket});
    std::vector<std::string> asked;
    const Json conclusion = session.answerUntilConclusion(session.next(), wifiDroppedAnswers(), &asked);
    EXPECT_FALSE(contains(asked, "power_light"));
    EXPECT_FALSE(contains(asked, "connection"));
    EXPECT_EQ(conclusion["cause"], "wifi_disconnected");

    session.send({{"command", "restart"}});
    const Json again = session.next();
    EXPECT_NE(again["fact"], "power_light");
    session.send({{"command", "facts"}});
    const Json facts = session.next();
    ASSERT_EQ(facts["facts"].size(), 2u) << facts.dump();
    EXPECT_EQ(facts["facts"][0]["source"], "given");
}

TEST(AskJson, UnknownFactInTheFactsFileIsAUsageError) {
    const std::string ticket = writeTempFile("ask_bad_ticket.json", R"({"facts": {"power_lite": true}})");
    TriageProcess process({"--rules", printerRules(), "ask", "--json", "--facts", ticket},
                          TriageProcess::Input::Pipe);
    EXPECT_EQ(process.wait(), 2);
    EXPECT_NE(process.errors().find("power_lite"), std::string::npos) << process.errors();
}

}  // namespace
}  // namespace triage::test
