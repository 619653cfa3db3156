// `triage ask` on hostile input: answers of any length, lines past the input
// limit, end of input at any point and Ctrl-C. The session either goes on or
// ends cleanly; it never dies with a stack trace.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "limits_support.hpp"

namespace triage::limits_test {
namespace {

using namespace cli_test;
using Json = nlohmann::json;

ProcessResult ask(const std::vector<std::string>& extra, const std::string& input) {
    std::vector<std::string> args{"--rules", dataFile("mini.rules"), "ask", "--lang", "en"};
    args.insert(args.end(), extra.begin(), extra.end());
    return runTriage(args, input);
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t found = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
    return found;
}

TEST(AskLimits, AnswerOver4KiBIsOneLineAndTheSameQuestionComesBack) {
    const ProcessResult result = ask({}, repeat("x", 5000) + "\nquit\n");
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(count(result.out, "That answer is longer than 4096 bytes; no answer is that long.\n"), 1u) << result.out;
    EXPECT_NE(result.out.find("Goodbye."), std::string::npos);
    EXPECT_EQ(result.err, "");
}

TEST(AskLimits, LineOver64KiBIsSkippedWithoutBeingKept) {
    const ProcessResult result = ask({}, repeat("y", 10 << 20) + "\nquit\n");
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("That line is longer than 65536 bytes and was skipped.\n"), std::string::npos);
    EXPECT_LT(result.out.size(), 100000u) << "the long line must not be echoed";
}

TEST(AskLimits, JsonAnswerOver4KiBIsAnErrorObjectAndTheSessionGoesOn) {
    const std::string input = Json{{"answer", repeat("z", 5000)}}.dump() + "\n" + repeat("[", 70000) + "\n" +
                              R"({"command": [[[[[[[[[[1]]]]]]]]]]})" + "\n" + R"({"command": "quit"})" + "\n";
    const ProcessResult result = ask({"--json"}, input);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    std::vector<Json> messages;
    for (const std::string& line : lines(result.out)) {
        ASSERT_TRUE(Json::accept(line)) << line;
        messages.push_back(Json::parse(line));
    }
    // question, error + question three times
    ASSERT_EQ(messages.size(), 7u) << result.out;
    EXPECT_NE(messages[1]["message"].get<std::string>().find("longer than 4096 bytes"), std::string::npos)
        << messages[1];
    EXPECT_NE(messages[3]["message"].get<std::string>().find("longer than the limit of 65536 bytes"),
              std::string::npos)
        << messages[3];
    EXPECT_EQ(messages[2], messages[0]);
    EXPECT_EQ(messages[6], messages[0]);
}

TEST(AskInput, EndOfInputAtAnyPointEndsCleanly) {
    const std::string script = "0xC004F211\r\nwhy\nyes\nhow\nwhy-not offline\nback\nfacts\n\xFF\xFE\0\n?\nrestart\n";
    for (std::size_t cut = 0; cut <= script.size(); cut += 3) {
        const ProcessResult text = ask({}, script.substr(0, cut));
        EXPECT_EQ(text.exitCode, 0) << "cut at " << cut << ": " << text.err;
        EXPECT_NE(text.out.find("Goodbye."), std::string::npos) << "cut at " << cut;
        EXPECT_EQ(text.err, "") << "cut at " << cut;
    }
}

TEST(AskInput, CtrlCWhilePipedEndsCleanly) {
    for (const std::string mode : {"", "--json"}) {
        const std::string dir = temporaryDirectory();
        const ProcessResult result = runShell(
            // A FIFO the shell holds open: stdin stays open, and `wait` waits for triage alone.
            "cd '" + dir + "' && mkfifo in || exit 1\n"
            "\"$TRIAGE\" --rules '" + dataFile("mini.rules") + "' ask " + mode + " < in > out 2> err & pid=$!\n"
            "exec 3> in\n"
            "i=0; while [ ! -s '" + dir + "/out' ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done\n"
            "sleep 0.2; kill -INT $pid; wait $pid; echo \"status $?\"");
        const std::string err = readFile(dir + "/err");
        const std::string out = readFile(dir + "/out");
        EXPECT_EQ(result.out, "status 0\n") << mode << ": " << err;
        EXPECT_EQ(err, "") << mode;
        if (mode.empty()) {
            EXPECT_NE(out.find("Goodbye."), std::string::npos) << out;
        }
        std::filesystem::remove_all(dir);
    }
}

}  // namespace
}  // namespace triage::limits_test
