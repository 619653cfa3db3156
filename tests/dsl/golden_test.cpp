// Golden syntax-error cases: tests/dsl/broken/NAME.rules must give exactly the
// diagnostics in NAME.expected. TRIAGE_UPDATE_GOLDEN=1 rewrites the expected
// files instead; review the diff by eye before committing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "triage/dsl/parser.hpp"

namespace triage {
namespace {

namespace fs = std::filesystem;

const fs::path brokenFolder = fs::path(TRIAGE_SOURCE_DIR) / "tests" / "dsl" / "broken";

std::vector<std::string> brokenCases() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(brokenFolder)) {
        if (entry.path().extension() == ".rules") names.push_back(entry.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

class BrokenFile : public ::testing::TestWithParam<std::string> {};

TEST_P(BrokenFile, GivesTheExpectedDiagnostics) {
    const std::string name = GetParam();
    const dsl::SourceFile source(name + ".rules", readFile(brokenFolder / (name + ".rules")));
    std::string actual;
    for (const dsl::Diagnostic& diagnostic : dsl::parse(source).diagnostics)
        actual += dsl::format(diagnostic);

    const fs::path expectedPath = brokenFolder / (name + ".expected");
    const char* update = std::getenv("TRIAGE_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream(expectedPath, std::ios::binary) << actual;
        GTEST_SKIP() << "rewrote " << expectedPath;
    }
    ASSERT_TRUE(fs::exists(expectedPath))
        << "missing " << expectedPath << "; run with TRIAGE_UPDATE_GOLDEN=1";
    EXPECT_EQ(actual, readFile(expectedPath));
}

INSTANTIATE_TEST_SUITE_P(Golden, BrokenFile, ::testing::ValuesIn(brokenCases()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace triage
