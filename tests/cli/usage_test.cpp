// --help, --version and usage errors: what a user sees before anything runs.
#include <gtest/gtest.h>

#include "triage_process.hpp"

namespace triage::cli_test {
namespace {

TEST(Usage, VersionPrintsTheProgramNameAndVersion) {
    const ProcessResult result = runTriage({"--version"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out.rfind("triage ", 0), 0u) << result.out;
}

TEST(Usage, EverySubcommandHasHelp) {
    for (const char* command : {"check", "fmt", "test", "batch", "graph", "explain", "ask"}) {
        const ProcessResult result = runTriage({command, "--help"});
        EXPECT_EQ(result.exitCode, 0) << command;
        EXPECT_NE(result.out.find(command), std::string::npos) << command << ":\n" << result.out;
        EXPECT_NE(result.out.find("--help"), std::string::npos) << command;
    }
}

TEST(Usage, BatchHelpDocumentsOutputAndExitCodes) {
    const ProcessResult result = runTriage({"batch", "--help"});
    EXPECT_NE(result.out.find("--threads"), std::string::npos);
    EXPECT_NE(result.out.find("--fields"), std::string::npos);
    EXPECT_NE(result.out.find("Exit codes: 0 every line evaluated; 1 a line failed"), std::string::npos) << result.out;
}

TEST(Usage, MissingSubcommandIsAUsageError) { EXPECT_EQ(runTriage({}).exitCode, 2); }

TEST(Usage, UnknownOptionIsAUsageError) {
    const ProcessResult result = runTriage({"check", "--no-such-option"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("--no-such-option"), std::string::npos) << result.err;
}

TEST(Usage, LanguageIsValidated) {
    const ProcessResult result = runTriage({"--lang", "fr", "check", dataFile("mini.rules")});
    EXPECT_EQ(result.exitCode, 2);
}

TEST(Usage, GlobalOptionsWorkAfterTheSubcommand) {
    const ProcessResult result = runTriage({"test", "--rules", dataFile("mini.rules")});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(lines(result.out).back(), "2 passed, 0 failed");
}

}  // namespace
}  // namespace triage::cli_test
