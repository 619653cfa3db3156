// Rules files on disk are mapped rather than read (MappedFile): the text is the
// same either way, and stays the same after its memory is handed back.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <unistd.h>

#include "triage/dsl/compiler.hpp"
#include "triage/dsl/loader.hpp"
#include "triage/dsl/mapped_file.hpp"
#include "triage/dsl/parser.hpp"
#include "triage/dsl/source_file.hpp"

namespace triage::dsl {
namespace {

namespace fs = std::filesystem;

/// A file in the test's temporary folder, removed at the end.
class TemporaryFile {
public:
    TemporaryFile(const std::string& name, const std::string& text)
        : path_((fs::temp_directory_path() / ("triage_mapped_" + std::to_string(::getpid()) + "_" + name)).string()) {
        std::ofstream(path_, std::ios::binary) << text;
    }
    ~TemporaryFile() { std::remove(path_.c_str()); }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

/// A text over several pages, so that releasing whole pages drops some.
std::string rulesText() {
    std::string text = "fact a: bool\n  question\n    en \"A?\"\ncause c\n  title\n    en \"C\"\n";
    for (int i = 0; i < 2000; ++i) text += "rule r" + std::to_string(i) + "\n  when a\n  then supports c 0.5\n";
    return text;
}

TEST(MappedFile, ReadsTheFileAndKeepsItAfterRelease) {
    const std::string text = rulesText();
    const TemporaryFile file("release.rules", text);
    std::optional<MappedFile> mapped = MappedFile::open(file.path(), maxFileBytes);
    ASSERT_TRUE(mapped.has_value());
    EXPECT_EQ(mapped->text(), text);
    mapped->release(0, text.size());
    EXPECT_EQ(mapped->text(), text);  // read back from the page cache
    const MappedFile moved = std::move(*mapped);
    EXPECT_EQ(moved.text(), text);
}

TEST(MappedFile, ZeroPaddingFollowsTheTextEvenWhereTheFileEndsOnAPage) {
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    for (const std::size_t size : {page, page - 1, 2 * page - 10}) {
        const TemporaryFile file("padded.rules", std::string(size, 'p'));
        const std::optional<MappedFile> mapped = MappedFile::open(file.path(), maxFileBytes, 64);
        ASSERT_TRUE(mapped.has_value()) << size;
        EXPECT_EQ(mapped->text().size(), size);
        EXPECT_EQ(std::string(mapped->text().data() + size, 64), std::string(64, '\0')) << size;
    }
}

TEST(MappedFile, LeavesWhatItCannotMapToReading) {
    const TemporaryFile empty("empty.rules", "");
    EXPECT_FALSE(MappedFile::open(empty.path(), maxFileBytes).has_value());
    const TemporaryFile large("large.rules", std::string(100, 'x'));
    EXPECT_FALSE(MappedFile::open(large.path(), 99).has_value());  // the read path reports the size
    EXPECT_FALSE(MappedFile::open(fs::temp_directory_path().string(), maxFileBytes).has_value());
    EXPECT_FALSE(MappedFile::open("/no/such/file.rules", maxFileBytes).has_value());
}

TEST(MappedFile, CompilingFromDiskMatchesCompilingFromMemory) {
    const std::string text = rulesText();
    const TemporaryFile file("compile.rules", text);
    DiskSources disk;
    CompileResult fromDisk = compile(load({file.path()}, disk));
    MemorySources memory(std::map<std::string, std::string>{{file.path(), text}});
    CompileResult fromMemory = compile(load({file.path()}, memory));
    ASSERT_TRUE(fromDisk.knowledgeBase && fromMemory.knowledgeBase);
    ASSERT_EQ(fromDisk.knowledgeBase->rules.size(), 2000u);
    for (std::size_t r = 0; r < 2000; ++r) {
        const engine::Rule& a = fromDisk.knowledgeBase->rules[r];
        const engine::Rule& b = fromMemory.knowledgeBase->rules[r];
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.origin.line, b.origin.line);
        EXPECT_EQ(a.condition.atoms.size(), b.condition.atoms.size());
    }
    // The text was handed back during compiling; the diagnostics' file still reads it.
    ASSERT_EQ(fromDisk.sources.size(), 1u);
    EXPECT_EQ(fromDisk.sources[0]->text(), text);
    EXPECT_EQ(fromDisk.sources[0]->lineText(4), "cause c");
}

}  // namespace
}  // namespace triage::dsl
