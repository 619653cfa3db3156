// Reads .rules files (and folders of them), parses each once and follows
// `import` lines relative to the importing file.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "triage/dsl/ast.hpp"
#include "triage/dsl/diagnostic.hpp"
#include "triage/dsl/source_file.hpp"

namespace triage::dsl {

/// Where source text comes from: the disk, or the rules embedded in the binary.
class SourceProvider {
public:
    virtual ~SourceProvider() = default;
    /// The text of a file, or an error message ("no such file", "is a directory"...).
    virtual bool read(const std::string& path, std::string& text, std::string& error) const = 0;
    /// The .rules files in a folder, sorted by name; none if `path` is no folder.
    virtual std::optional<std::vector<std::string>> listFolder(const std::string& path) const = 0;
    /// The canonical form of a path, used to detect a file imported twice.
    virtual std::string canonical(const std::string& path) const = 0;
    /// The file mapped rather than read, where the provider can: the loader
    /// tries this first and reads when it gives nothing.
    virtual std::optional<MappedFile> map(const std::string&) const { return std::nullopt; }
};

/// Reads from the file system; maps regular files (a large rule base's text
/// can then leave memory once it is compiled).
class DiskSources : public SourceProvider {
public:
    bool read(const std::string& path, std::string& text, std::string& error) const override;
    std::optional<MappedFile> map(const std::string& path) const override;
    std::optional<std::vector<std::string>> listFolder(const std::string& path) const override;
    std::string canonical(const std::string& path) const override;
};

/// Reads from an in-memory map of path -> text (embedded rules, tests).
class MemorySources : public SourceProvider {
public:
    explicit MemorySources(std::map<std::string, std::string> files) : files_(std::move(files)) {}
    bool read(const std::string& path, std::string& text, std::string& error) const override;
    std::optional<std::vector<std::string>> listFolder(const std::string& path) const override;
    std::string canonical(const std::string& path) const override;

private:
    std::map<std::string, std::string> files_;
};

struct LoadedFile {
    std::unique_ptr<SourceFile> source;  // stable address: diagnostics point at it
    ast::File ast;
};

struct Program {
    std::vector<LoadedFile> files;  // each file once, imports before importers
    std::vector<Diagnostic> diagnostics;
};

/// Loads files and folders (every *.rules inside, not recursive into imports
/// already seen). Missing files, import cycles and syntax errors become diagnostics.
Program load(const std::vector<std::string>& paths, const SourceProvider& sources);

}  // namespace triage::dsl
