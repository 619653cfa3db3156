#include "triage/dsl/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include "utf8.hpp"

namespace triage::dsl {
namespace {

const char* label(Severity severity) {
    switch (severity) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Note:
            return "note";
    }
    return "error";
}

const char* labelColour(Severity severity) {
    switch (severity) {
        case Severity::Error:
            return "\033[1;31m";  // bold red
        case Severity::Warning:
            return "\033[1;35m";  // bold magenta
        case Severity::Note:
            return "\033[1;36m";  // bold cyan
    }
    return "";
}

constexpr const char* bold = "\033[1m";
constexpr const char* caretColour = "\033[1;32m";
constexpr const char* reset = "\033[0m";

/// The source line as it can be printed: control characters and bytes that are
/// not UTF-8 become '?', one for one, so the caret below stays aligned.
std::string printable(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    for (std::size_t pos = 0; pos < line.size();) {
        const auto c = static_cast<unsigned char>(line[pos]);
        const std::size_t length = utf8::sequenceLength(line, pos);
        if (length == 0 || (c < 0x20 && c != '\t') || c == 0x7F) {
            out += '?';
            ++pos;
        } else {
            out.append(line, pos, length);
            pos += length;
        }
    }
    return out;
}

}  // namespace

std::string format(const Diagnostic& diagnostic, const FormatOptions& options) {
    const auto paint = [&](const char* colour, const std::string& text) {
        return options.colour ? colour + text + reset : text;
    };
    // The id tells the author which warning kind this is (docs/diagnostics.md),
    // also after --werror has turned it into an error.
    const std::string message = diagnostic.id.empty() ? diagnostic.message
                                                       : diagnostic.message + " [" + diagnostic.id + "]";
    std::string out;
    if (diagnostic.file == nullptr) {
        out += paint(labelColour(diagnostic.severity), std::string(label(diagnostic.severity)) + ":");
        out += paint(bold, " " + message) + "\n";
        return out;
    }
    const SourceFile& file = *diagnostic.file;
    const auto [line, column] = file.lineCol(diagnostic.span.begin);
    out += paint(bold, file.name() + ":" + std::to_string(line) + ":" + std::to_string(column) + ":") + " ";
    out += paint(labelColour(diagnostic.severity), std::string(label(diagnostic.severity)) + ":");
    out += paint(bold, " " + message) + "\n";

    const std::string_view text = file.lineText(line);
    const std::size_t start = std::min<std::size_t>(static_cast<std::size_t>(column - 1), text.size());
    // Underline the span, but never past the end of its first line.
    const std::size_t spanBytes =
        diagnostic.span.end > diagnostic.span.begin ? diagnostic.span.end - diagnostic.span.begin : 0;
    const std::string_view underlined = text.substr(start, std::min(spanBytes, text.size() - start));
    const std::size_t width = std::max<std::size_t>(1, utf8::codePointCount(underlined));

    std::string indent;
    const std::string_view before = text.substr(0, start);
    for (std::size_t pos = 0; pos < before.size();) {
        indent += before[pos] == '\t' ? '\t' : ' ';  // keep tabs so the caret lines up
        const std::size_t length = utf8::sequenceLength(before, pos);
        pos += length == 0 ? 1 : length;
    }
    out += "  " + printable(text) + "\n";
    out += "  " + indent + paint(caretColour, "^" + std::string(width - 1, '~')) + "\n";
    return out;
}

void sortDiagnostics(std::vector<Diagnostic>& diagnostics) {
    const auto key = [](const Diagnostic& d) {
        // Diagnostics without a file (missing paths) come first; files by name.
        return std::make_tuple(d.file != nullptr, d.file ? d.file->name() : std::string(), d.span.begin,
                               static_cast<int>(d.severity));
    };
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

bool hasErrors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace triage::dsl
