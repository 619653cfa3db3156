// Semantic golden files: each check_broken/NAME.rules (or folder NAME/) is
// compiled and its formatted diagnostics compared with NAME.expected.
// TRIAGE_UPDATE_GOLDEN=1 rewrites the .expected files; review them by eye.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check_fixture.hpp"

namespace triage::dsl {
namespace {

namespace fs = std::filesystem;

fs::path brokenDir() {
    return fs::path(__FILE__).parent_path() / "check_broken";
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Case names: NAME for every NAME.rules and every folder NAME in check_broken.
std::vector<std::string> caseNames() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(brokenDir())) {
        if (entry.is_directory())
            names.push_back(entry.path().filename().string());
        else if (entry.path().extension() == ".rules")
            names.push_back(entry.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

/// Every .rules file under check_broken, keyed by its path relative to it, so
/// the file names in diagnostics do not depend on where the tree is checked out.
std::map<std::string, std::string> allSources() {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(brokenDir()))
        if (entry.is_regular_file() && entry.path().extension() == ".rules")
            files[fs::relative(entry.path(), brokenDir()).generic_string()] = readFile(entry.path());
    return files;
}

/// A file case loads NAME.rules; a folder case loads each .rules file in it, sorted.
std::vector<std::string> rootsOf(const std::string& name, const std::map<std::string, std::string>& files) {
    if (files.count(name + ".rules")) return {name + ".rules"};
    std::vector<std::string> roots;
    for (const auto& [path, text] : files)
        if (path.rfind(name + "/", 0) == 0) roots.push_back(path);
    return roots;
}

class CheckBroken : public ::testing::TestWithParam<std::string> {};

TEST_P(CheckBroken, DiagnosticsMatchTheGoldenFile) {
    const std::string name = GetParam();
    const auto files = allSources();
    const std::string actual = testing::compileFiles(files, rootsOf(name, files)).text();
    const fs::path expectedPath = brokenDir() / (name + ".expected");
    if (std::getenv("TRIAGE_UPDATE_GOLDEN")) {
        std::ofstream(expectedPath, std::ios::binary) << actual;
        GTEST_SKIP() << "rewrote " << expectedPath;
    }
    ASSERT_TRUE(fs::exists(expectedPath))
        << "missing " << expectedPath << "; run with TRIAGE_UPDATE_GOLDEN=1";
    EXPECT_FALSE(actual.empty()) << "a broken file must produce a diagnostic";
    EXPECT_EQ(actual, readFile(expectedPath));
}

INSTANTIATE_TEST_SUITE_P(Golden, CheckBroken, ::testing::ValuesIn(caseNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace triage::dsl
