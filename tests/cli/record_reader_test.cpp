// The record reader maps regular files and reads streams in blocks; both
// must cut the same records with the same line numbers, and a mapped record
// must leave readable padding behind it even where the file ends on a page,
// and the evaluated part of a mapped file must not stay resident.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "record_reader.hpp"

namespace triage::cli {
namespace {

struct CutRecord {
    std::string text;
    std::uint64_t line;
    bool tooLong;
    std::string after = {};  // the readable padding behind the record (not compared)
    bool operator==(const CutRecord& other) const {
        return text == other.text && line == other.line && tooLong == other.tooLong;
    }
};

std::vector<CutRecord> cut(std::FILE* input, RecordReader::Syntax syntax, std::size_t perChunk) {
    RecordReader reader(input, syntax);
    RecordChunk chunk;
    std::vector<CutRecord> records;
    while (reader.next(chunk, perChunk)) {
        for (std::size_t i = 0; i < chunk.records.size(); ++i) {
            const std::string_view record = chunk.record(i);
            // The padding promise: these bytes must be readable (a fault otherwise).
            const std::string after(record.data() + record.size(), RecordChunk::readablePadding);
            records.push_back({std::string(record), chunk.records[i].line, chunk.records[i].tooLong, after});
        }
    }
    EXPECT_FALSE(reader.failed());
    return records;
}

/// The records of `text` read from a regular file (mapped) and from a stream.
std::pair<std::vector<CutRecord>, std::vector<CutRecord>> bothWays(const std::string& text,
                                                                   RecordReader::Syntax syntax,
                                                                   std::size_t perChunk = 2) {
    const auto path = std::filesystem::temp_directory_path() / ("record_reader_" + std::to_string(::getpid()));
    std::FILE* file = std::fopen(path.c_str(), "wb");
    std::fwrite(text.data(), 1, text.size(), file);
    std::fclose(file);
    file = std::fopen(path.c_str(), "rb");
    auto mapped = cut(file, syntax, perChunk);
    std::fclose(file);
    std::filesystem::remove(path);
    // fmemopen has no file descriptor, so it is read as a stream.
    std::string copy = text;
    std::FILE* stream = fmemopen(copy.data(), copy.size(), "rb");
    auto streamed = cut(stream, syntax, perChunk);
    std::fclose(stream);
    return {mapped, streamed};
}

TEST(RecordReader, MappedFileAndStreamCutTheSameRecords) {
    const std::string text = "\xEF\xBB\xBF{\"id\":\"1\"}\r\n\n   \n{\"id\":\"2\"}\n{\"id\":\"3\"}\r\n\t\n{\"id\":\"4\"}";
    const auto [mapped, streamed] = bothWays(text, RecordReader::Syntax::JsonLines);
    const std::vector<CutRecord> expected = {
        {"{\"id\":\"1\"}", 1, false}, {"{\"id\":\"2\"}", 4, false},
        {"{\"id\":\"3\"}", 5, false}, {"{\"id\":\"4\"}", 7, false}};
    EXPECT_EQ(mapped, expected);
    EXPECT_EQ(streamed, expected);
}

TEST(RecordReader, CsvRecordsSpanQuotedLineEndsEitherWay) {
    const std::string text = "id,note\nA,\"two\nlines\"\n\nB,plain\n";
    const auto [mapped, streamed] = bothWays(text, RecordReader::Syntax::Csv, 1);
    const std::vector<CutRecord> expected = {
        {"id,note", 1, false}, {"A,\"two\nlines\"", 2, false}, {"B,plain", 5, false}};
    EXPECT_EQ(mapped, expected);
    EXPECT_EQ(streamed, expected);
}

TEST(RecordReader, TooLongRecordsAreSkippedInPlaceEitherWay) {
    const std::string text = "{\"id\":\"a\"}\n" + std::string(maxRecordBytes + 10, 'x') + "\n{\"id\":\"b\"}\n";
    const auto [mapped, streamed] = bothWays(text, RecordReader::Syntax::JsonLines);
    const std::vector<CutRecord> expected = {{"{\"id\":\"a\"}", 1, false}, {"", 2, true}, {"{\"id\":\"b\"}", 3, false}};
    EXPECT_EQ(mapped, expected);
    EXPECT_EQ(streamed, expected);
}

TEST(RecordReader, AFileEndingOnAPageBoundaryStillHasPaddingAfterItsLastRecord) {
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    for (const std::size_t size : {page, 2 * page, 2 * page - 1, 2 * page - 63}) {
        std::string text = "{\"id\":\"first\"}\n{\"id\":\"";
        text += std::string(size - text.size() - 2, 'z') + "\"}";
        ASSERT_EQ(text.size(), size);
        const auto [mapped, streamed] = bothWays(text, RecordReader::Syntax::JsonLines);
        ASSERT_EQ(mapped.size(), 2u);
        EXPECT_EQ(mapped.back().text.size(), size - 15);
        // Past a mapped file's end lies the reader's own zero-filled reservation.
        EXPECT_EQ(mapped.back().after, std::string(RecordChunk::readablePadding, '\0')) << size;
        EXPECT_EQ(mapped, streamed);
    }
}

/// The process's resident file-backed memory, from /proc/self/status.
std::size_t residentFileKiB() {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    char line[256];
    std::size_t kib = 0;
    while (std::fgets(line, sizeof line, status))
        if (std::sscanf(line, "RssFile: %zu kB", &kib) == 1) break;
    std::fclose(status);
    return kib;
}

TEST(RecordReader, EvaluatedPartsOfAMappedFileLeaveMemory) {
    const std::string record = "{\"id\":\"" + std::string(200, 'r') + "\"}\n";
    const std::size_t records = (std::size_t{64} << 20) / record.size();  // 64 MiB
    const auto path = std::filesystem::temp_directory_path() / ("record_reader_big_" + std::to_string(::getpid()));
    std::FILE* file = std::fopen(path.c_str(), "wb");
    for (std::size_t i = 0; i < records; ++i) std::fwrite(record.data(), 1, record.size(), file);
    std::fclose(file);

    file = std::fopen(path.c_str(), "rb");
    const std::size_t before = residentFileKiB();
    std::size_t peak = before, read = 0;
    {
        RecordReader reader(file, RecordReader::Syntax::JsonLines);
        RecordChunk chunk;
        while (reader.next(chunk, 512)) {
            for (std::size_t i = 0; i < chunk.records.size(); ++i) read += chunk.record(i).size() + 1;
            reader.release(reader.bytesConsumed());
            peak = std::max(peak, residentFileKiB());
        }
    }
    std::fclose(file);
    std::filesystem::remove(path);
    EXPECT_EQ(read, records * record.size());
    // Without release the whole 64 MiB would be resident at the end.
    EXPECT_LT(peak - before, std::size_t{24} << 10) << "KiB resident while reading";
}

}  // namespace
}  // namespace triage::cli
