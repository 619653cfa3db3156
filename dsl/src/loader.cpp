#include "triage/dsl/loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "triage/dsl/parser.hpp"

namespace triage::dsl {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t maxImportDepth = 64;

bool isRulesFile(const std::string& name) {
    return name.size() > 6 && name.compare(name.size() - 6, 6, ".rules") == 0;
}

}  // namespace

// ---------------------------------------------------------------------------
// DiskSources

std::optional<MappedFile> DiskSources::map(const std::string& path) const {
    // Past maxFileBytes the read path gives the parser the one byte more that makes it report the size.
    return MappedFile::open(path, maxFileBytes);
}

bool DiskSources::read(const std::string& path, std::string& text, std::string& error) const {
    std::error_code code;
    const fs::file_status status = fs::status(path, code);
    if (!fs::exists(status)) {
        error = "no such file";
        return false;
    }
    if (fs::is_directory(status)) {
        error = "is a directory";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read";
        return false;
    }
    // One byte more than the parser takes, so that it reports the file as too
    // large, and a huge file or an endless device (/dev/zero) is never read whole.
    text.clear();
    // Reserved up front: growing by doubling would leave a 13 MB file in a
    // 16 MB buffer and copy it on the way.
    const std::uintmax_t size = fs::is_regular_file(status) ? fs::file_size(path, code) : 0;
    if (!code && size > 0) text.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(size, maxFileBytes) + 1));
    char block[64 * 1024];
    while (text.size() <= maxFileBytes) {
        in.read(block, static_cast<std::streamsize>(std::min(sizeof block, maxFileBytes + 1 - text.size())));
        text.append(block, static_cast<std::size_t>(in.gcount()));
        if (!in) break;
    }
    if (in.bad()) {
        error = "cannot read";
        return false;
    }
    return true;
}

std::optional<std::vector<std::string>> DiskSources::listFolder(const std::string& path) const {
    std::error_code code;
    if (!fs::is_directory(path, code)) return std::nullopt;
    std::vector<std::string> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, code)) {
        if (entry.is_regular_file(code) && isRulesFile(entry.path().filename().string())) {
            files.push_back((fs::path(path) / entry.path().filename()).generic_string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string DiskSources::canonical(const std::string& path) const {
    std::error_code code;
    const fs::path resolved = fs::weakly_canonical(path, code);
    return code ? fs::path(path).lexically_normal().generic_string() : resolved.generic_string();
}

// ---------------------------------------------------------------------------
// MemorySources

bool MemorySources::read(const std::string& path, std::string& text, std::string& error) const {
    const std::string key = canonical(path);
    if (auto found = files_.find(key); found != files_.end()) {
        text = found->second;
        return true;
    }
    const std::string prefix = key + "/";
    const auto next = files_.lower_bound(prefix);
    error = next != files_.end() && next->first.compare(0, prefix.size(), prefix) == 0 ? "is a directory"
                                                                                       : "no such file";
    return false;
}

std::optional<std::vector<std::string>> MemorySources::listFolder(const std::string& path) const {
    std::string prefix = canonical(path);
    if (prefix == ".") prefix.clear();
    if (!prefix.empty()) prefix += '/';
    std::vector<std::string> files;
    bool isFolder = false;
    for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
        if (it->first.compare(0, prefix.size(), prefix) != 0) break;
        isFolder = true;
        const std::string rest = it->first.substr(prefix.size());
        if (rest.find('/') == std::string::npos && isRulesFile(rest)) files.push_back(it->first);
    }
    if (!isFolder) return std::nullopt;
    return files;  // the map keeps them sorted
}

std::string MemorySources::canonical(const std::string& path) const {
    std::string normal = fs::path(path).lexically_normal().generic_string();
    while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
    return normal;
}

// ---------------------------------------------------------------------------
// load

namespace {

/// Loads files depth-first so that every file comes after its imports.
class ProgramLoader {
public:
    ProgramLoader(const SourceProvider& sources, Program& program) : sources_(sources), program_(program) {}

    void loadTopLevel(const std::string& path) {
        if (auto files = sources_.listFolder(path)) {
            for (const std::string& file : *files) loadFile(file, nullptr);
            return;
        }
        loadFile(path, nullptr);
    }

private:
    /// Where an import stands, for diagnostics about it.
    struct ImportSite {
        const SourceFile* file;
        ast::SourceSpan span;
    };

    void loadFile(const std::string& path, const ImportSite* site) {
        const std::string key = sources_.canonical(path);
        if (done_.count(key) != 0) return;
        if (auto open = std::find(stack_.begin(), stack_.end(), key); open != stack_.end()) {
            std::string cycle;
            for (auto it = open; it != stack_.end(); ++it)
                cycle += names_[static_cast<std::size_t>(it - stack_.begin())] + " -> ";
            report(site, "import cycle: " + cycle + path);
            return;
        }
        if (stack_.size() >= maxImportDepth) {
            report(site, "imports nested deeper than " + std::to_string(maxImportDepth) + " files");
            return;
        }
        LoadedFile loaded;
        if (std::optional<MappedFile> mapped = sources_.map(path)) {
            loaded.source = std::make_unique<SourceFile>(path, std::move(*mapped));
        } else {
            std::string text, error;
            if (!sources_.read(path, text, error)) {
                report(site, (site ? "cannot import '" : "cannot open '") + path + "': " + error);
                return;
            }
            loaded.source = std::make_unique<SourceFile>(path, std::move(text));
        }
        ParseResult parsed = parse(*loaded.source);
        loaded.ast = std::move(parsed.file);
        for (Diagnostic& diagnostic : parsed.diagnostics)
            program_.diagnostics.push_back(std::move(diagnostic));

        stack_.push_back(key);
        names_.push_back(path);
        const fs::path folder = fs::path(path).parent_path();
        for (const ast::ImportDecl& import : loaded.ast.imports) {
            const std::string target = (folder / import.path).lexically_normal().generic_string();
            const ImportSite importSite{loaded.source.get(), import.span};
            loadFile(target, &importSite);
        }
        stack_.pop_back();
        names_.pop_back();
        done_.insert(key);
        program_.files.push_back(std::move(loaded));
    }

    void report(const ImportSite* site, std::string message) {
        Diagnostic diagnostic;
        diagnostic.message = std::move(message);
        if (site != nullptr) {
            diagnostic.file = site->file;
            diagnostic.span = site->span;
        }
        program_.diagnostics.push_back(std::move(diagnostic));
    }

    const SourceProvider& sources_;
    Program& program_;
    std::set<std::string> done_;
    std::vector<std::string> stack_;  // canonical paths of the files being loaded
    std::vector<std::string> names_;  // the same files as the user named them
};

}  // namespace

Program load(const std::vector<std::string>& paths, const SourceProvider& sources) {
    Program program;
    ProgramLoader loader(sources, program);
    for (const std::string& path : paths) loader.loadTopLevel(path);
    sortDiagnostics(program.diagnostics);
    return program;
}

}  // namespace triage::dsl
