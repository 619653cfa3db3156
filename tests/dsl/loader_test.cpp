// The loader: folders, imports (once, in order, relative), cycles and missing files.
#include "triage/dsl/loader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace triage {
namespace {

using Files = std::map<std::string, std::string>;

std::vector<std::string> fileNames(const dsl::Program& program) {
    std::vector<std::string> names;
    for (const dsl::LoadedFile& file : program.files) names.push_back(file.source->name());
    return names;
}

std::string diagnosticsOf(const dsl::Program& program) {
    std::string out;
    for (const dsl::Diagnostic& d : program.diagnostics) out += dsl::format(d);
    return out;
}

TEST(MemorySources, ReadsListsAndNormalises) {
    const dsl::MemorySources sources(Files{{"rules/b.rules", "b"},
                                           {"rules/a.rules", "a"},
                                           {"rules/sub/c.rules", "c"},
                                           {"rules/notes.txt", "n"}});
    std::string text, error;
    EXPECT_TRUE(sources.read("rules/./x/../a.rules", text, error));
    EXPECT_EQ(text, "a");
    EXPECT_FALSE(sources.read("rules/none.rules", text, error));
    EXPECT_EQ(error, "no such file");
    EXPECT_FALSE(sources.read("rules/sub", text, error));
    EXPECT_EQ(error, "is a directory");
    EXPECT_EQ(sources.listFolder("rules/"), (std::vector<std::string>{"rules/a.rules", "rules/b.rules"}));
    EXPECT_EQ(sources.listFolder("rules/a.rules"), std::nullopt);
    EXPECT_EQ(sources.canonical("rules/sub/../a.rules"), "rules/a.rules");
}

TEST(Loader, ImportsComeFirstAndAreReadOnce) {
    const dsl::MemorySources sources(Files{
        {"rules/main.rules", "import \"common/base.rules\"\nimport \"other.rules\"\nfact m: bool\n"},
        {"rules/other.rules", "import \"common/base.rules\"\nfact o: bool\n"},
        {"rules/common/base.rules", "fact b: bool\n"},
    });
    const dsl::Program program = dsl::load({"rules/main.rules", "rules/other.rules"}, sources);
    EXPECT_EQ(diagnosticsOf(program), "");
    EXPECT_EQ(fileNames(program),
              (std::vector<std::string>{"rules/common/base.rules", "rules/other.rules", "rules/main.rules"}));
}

TEST(Loader, FolderExpandsToItsRulesFilesSorted) {
    const dsl::MemorySources sources(Files{{"r/b.rules", "fact b: bool\n"}, {"r/a.rules", "fact a: bool\n"}});
    const dsl::Program program = dsl::load({"r"}, sources);
    EXPECT_EQ(fileNames(program), (std::vector<std::string>{"r/a.rules", "r/b.rules"}));
}

TEST(Loader, ImportCycleIsReportedAtTheImport) {
    const dsl::MemorySources sources(
        Files{{"a.rules", "import \"b.rules\"\n"}, {"b.rules", "import \"a.rules\"\n"}});
    const dsl::Program program = dsl::load({"a.rules"}, sources);
    EXPECT_EQ(diagnosticsOf(program),
              "b.rules:1:1: error: import cycle: a.rules -> b.rules -> a.rules\n"
              "  import \"a.rules\"\n  ^~~~~~~~~~~~~~~~\n");
}

TEST(Loader, MissingImportAndMissingPath) {
    const dsl::MemorySources sources(Files{{"a.rules", "fact a: bool\nimport \"gone.rules\"\n"}});
    const dsl::Program program = dsl::load({"a.rules", "nothing.rules"}, sources);
    EXPECT_EQ(diagnosticsOf(program),
              "error: cannot open 'nothing.rules': no such file\n"
              "a.rules:2:1: error: cannot import 'gone.rules': no such file\n"
              "  import \"gone.rules\"\n  ^~~~~~~~~~~~~~~~~~~\n");
}

TEST(Loader, SyntaxErrorsAreCollected) {
    const dsl::MemorySources sources(Files{{"a.rules", "fact a bool\n"}});
    const dsl::Program program = dsl::load({"a.rules"}, sources);
    ASSERT_EQ(program.diagnostics.size(), 1u);
    EXPECT_EQ(program.diagnostics[0].file, program.files.at(0).source.get());
}

TEST(Loader, ImportDepthIsLimited) {
    std::map<std::string, std::string> files;
    for (int i = 0; i < 70; ++i)
        files["f" + std::to_string(i) + ".rules"] = "import \"f" + std::to_string(i + 1) + ".rules\"\n";
    files["f70.rules"] = "";
    const dsl::Program program = dsl::load({"f0.rules"}, dsl::MemorySources(files));
    ASSERT_EQ(program.diagnostics.size(), 1u);
    EXPECT_EQ(program.diagnostics[0].message, "imports nested deeper than 64 files");
    EXPECT_EQ(program.diagnostics[0].file->name(), "f63.rules");
}

TEST(DiskSources, ReadsFilesAndFolders) {
    namespace fs = std::filesystem;
    const fs::path folder = fs::temp_directory_path() / ("triage_loader_test_" + std::to_string(::getpid()));
    fs::create_directories(folder / "sub");
    std::ofstream(folder / "b.rules") << "import \"sub/c.rules\"\nfact b: bool\n";
    std::ofstream(folder / "a.rules") << "";
    std::ofstream(folder / "sub" / "c.rules") << "fact c: bool\n";
    std::ofstream(folder / "readme.txt") << "not rules";

    const dsl::DiskSources sources;
    std::string text, error;
    EXPECT_FALSE(sources.read((folder / "none.rules").string(), text, error));
    EXPECT_EQ(error, "no such file");
    EXPECT_FALSE(sources.read(folder.string(), text, error));
    EXPECT_EQ(error, "is a directory");
    EXPECT_TRUE(sources.read((folder / "a.rules").string(), text, error));
    EXPECT_EQ(text, "");

    const dsl::Program program = dsl::load({folder.string()}, sources);
    EXPECT_EQ(diagnosticsOf(program), "");
    std::vector<std::string> names;
    for (const std::string& name : fileNames(program))
        names.push_back(fs::path(name).lexically_relative(folder).generic_string());
    EXPECT_EQ(names, (std::vector<std::string>{"a.rules", "sub/c.rules", "b.rules"}));
    fs::remove_all(folder);
}

}  // namespace
}  // namespace triage
