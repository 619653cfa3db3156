#include "ticket_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>

#include <fmt/compile.h>

namespace triage::cli {

namespace {

/// Copies a string literal to `at`, returns its end: a fixed-size memcpy, inlined.
template <std::size_t N>
char* put(char* at, const char (&literal)[N]) {
    std::memcpy(at, literal, N - 1);
    return at + N - 1;
}

/// Copies `text` to `at`, returns its end. Ids, names and ranking entries
/// are short: up to 32 bytes go as two overlapping fixed-size copies
/// (inlined), not a libc call. Forced inline: GCC keeps it a call, and a
/// line puts some 30 pieces.
[[gnu::always_inline]] inline char* put(char* at, std::string_view text) {
    const char* from = text.data();
    const std::size_t size = text.size();
    if (size > 16 && size <= 32) {
        std::memcpy(at, from, 16);
        std::memcpy(at + size - 16, from + size - 16, 16);
    } else if (size >= 8 && size <= 16) {
        std::memcpy(at, from, 8);
        std::memcpy(at + size - 8, from + size - 8, 8);
    } else if (size >= 4 && size < 8) {
        std::memcpy(at, from, 4);
        std::memcpy(at + size - 4, from + size - 4, 4);
    } else if (size != 0) {
        std::memcpy(at, from, size);
    }
    return at + size;
}

/// For text whose size is known piece by piece (escapes, error lines, the
/// names quoted at load): fmt's append copies in a checked loop, ~80
/// instructions for a short key, so grow once and put. Result lines are
/// put in one reservation instead.
void appendText(fmt::memory_buffer& out, std::string_view text) {
    const std::size_t size = out.size();
    out.resize(size + text.size());
    put(out.data() + size, text);
}

void appendOptionalString(fmt::memory_buffer& out, const std::optional<std::string>& text) {
    if (text) {
        appendJsonString(out, *text);
    } else {
        appendText(out, "null");
    }
}

/// The most characters "{:.3f}" writes for any double: a sign, 309 digits,
/// the point and three decimals (scores lie in [0, 1]; this is for safety).
constexpr std::size_t maxScoreChars = 320;

/// Writes a score as fmt's "{:.3f}" does at `at` and returns its end, or
/// null for one it leaves to fmt (outside [0, 10^6), NaN, exact ties).
char* writeUsualScore(char* at, double score) {
    // Every line has a score in [0, 1]: scale, round and print three digits
    // by hand, rounding the exact binary value as fmt does. The scaled value
    // is rounded, but fma gives its rounding error exactly, and that error
    // decides a value that lands on a tie (x.xxx5). Exact ties, and anything
    // unusual, are left to fmt.
    if (!(score >= 0.0 && score < 1.0e6) || std::signbit(score)) return nullptr;
    const double scaled = score * 1000.0;
    const auto below = static_cast<std::uint64_t>(scaled);  // floor, scaled being >= 0, without a libm call
    const double fraction = scaled - static_cast<double>(below);  // exact: both are below 2^30
    if (fraction == 0.5 && std::fma(score, 1000.0, -scaled) == 0.0) return nullptr;  // score * 1000 = scaled + error
    const bool up = fraction > 0.5 || (fraction == 0.5 && std::fma(score, 1000.0, -scaled) > 0.0);
    const std::uint64_t thousandths = below + (up ? 1 : 0);
    if (const std::uint64_t whole = thousandths / 1000; whole < 10) {
        *at++ = static_cast<char>('0' + whole);
    } else {
        at = fmt::format_to(at, FMT_COMPILE("{}"), whole);
    }
    const auto fraction3 = static_cast<unsigned>(thousandths % 1000);
    *at++ = '.';
    *at++ = static_cast<char>('0' + fraction3 / 100);
    *at++ = static_cast<char>('0' + fraction3 / 10 % 10);
    *at++ = static_cast<char>('0' + fraction3 % 10);
    return at;
}

/// A score at `at` (room for maxScoreChars), as "{:.3f}" writes it; returns its end.
char* putScore(char* at, double score) {
    char* end = writeUsualScore(at, score);
    return end ? end : fmt::format_to(at, FMT_COMPILE("{:.3f}"), score);
}

}  // namespace

void appendScore(fmt::memory_buffer& out, double score) {
    const std::size_t size = out.size();
    out.reserve(size + maxScoreChars);
    char* end = putScore(out.data() + size, score);
    out.resize(static_cast<std::size_t>(end - out.data()));
}

bool isPlainJsonString(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x20 && byte < 0x80 && c != '"' && c != '\\';
    });
}

namespace {

/// Length of the well-formed UTF-8 sequence at text[pos] (RFC 3629), 0 if there is none.
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    std::size_t length = 0;
    unsigned char min = 0x80, max = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) min = 0xA0;  // overlong
        if (lead == 0xED) max = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) min = 0x90;
        if (lead == 0xF4) max = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (pos + length > text.size() || byte(pos + 1) < min || byte(pos + 1) > max) return 0;
    for (std::size_t i = 2; i < length; ++i)
        if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
    return length;
}

}  // namespace

void appendJsonString(fmt::memory_buffer& out, std::string_view text) {
    // Names and ids are nearly always plain ASCII: copy those whole.
    if (isPlainJsonString(text)) {
        out.push_back('"');
        appendText(out, text);
        out.push_back('"');
        return;
    }
    out.push_back('"');
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            // CSV cells are not checked for UTF-8, and an id or a name echoed
            // from one must not make the output line invalid JSON: U+FFFD instead.
            const std::size_t length = utf8SequenceLength(text, i);
            if (length == 0) {
                appendText(out, "\xEF\xBF\xBD");
            } else {
                appendText(out, text.substr(i, length));
                i += length - 1;
            }
            continue;
        }
        switch (c) {
            case '"': appendText(out, "\\\""); break;
            case '\\': appendText(out, "\\\\"); break;
            case '\n': appendText(out, "\\n"); break;
            case '\r': appendText(out, "\\r"); break;
            case '\t': appendText(out, "\\t"); break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(c));
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
}

std::optional<ResultFields> ResultFields::parse(std::string_view list, std::string& error) {
    ResultFields fields{false, false, false, false, false, false, false, false};
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        const std::string_view name = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        bool* flag = name == "id"        ? &fields.id
                     : name == "cause"   ? &fields.cause
                     : name == "score"   ? &fields.score
                     : name == "ranking" ? &fields.ranking
                     : name == "fix"     ? &fields.fix
                     : name == "fired"   ? &fields.fired
                     : name == "ask"     ? &fields.ask
                     : name == "next"    ? &fields.next
                                         : nullptr;
        if (!flag) {
            error = fmt::format("unknown field '{}' (choose from {})", name, allNames);
            return std::nullopt;
        }
        *flag = true;
    }
    return fields;
}

namespace {

/// `before`, `name` as a JSON string, `after`.
std::string_view quoted(fmt::memory_buffer& buffer, std::string_view before, std::string_view name,
                        std::string_view after = {}) {
    buffer.clear();
    if (!before.empty()) appendText(buffer, before);
    appendJsonString(buffer, name);
    if (!after.empty()) appendText(buffer, after);
    return {buffer.data(), buffer.size()};
}

}  // namespace

TicketWriter::TicketWriter(const engine::KnowledgeBase& kb, ResultFields fields) : fields_(fields) {
    fmt::memory_buffer buffer;
    for (const auto& cause : kb.causes) {
        quotedCauses_.add(quoted(buffer, "", cause.name));
        if (fields_.ranking) rankingEntries_.add(quoted(buffer, ",{\"cause\":", cause.name, ",\"score\":"));
        if (fields_.fix) {
            firstStep_.push_back(static_cast<std::uint32_t>(quotedSteps_.size()));
            for (const auto& step : cause.steps) quotedSteps_.add(quoted(buffer, ",", step.id));
        }
    }
    if (fields_.fired)
        for (const auto& rule : kb.rules) quotedRules_.add(quoted(buffer, ",", rule.name));
    if (fields_.ask || fields_.next)
        for (const auto& fact : kb.facts) quotedFacts_.add(quoted(buffer, ",", fact.name));
}

namespace {

/// A key with its leading comma, `at` right after the object's '{' or a
/// value. The first key's comma lands on the '{' and is replaced by it:
/// one fixed-size copy either way.
template <std::size_t N>
char* putKey(char* at, bool& first, const char (&commaAndKey)[N]) {
    char* from = first ? at - 1 : at;
    std::memcpy(from, commaAndKey, N - 1);
    if (first) *from = '{';
    first = false;
    return from + N - 1;
}

/// Ends a list whose items were put from `open` on, each with a leading
/// comma: the first one's comma becomes the '['.
char* closeList(char* open, char* at) {
    if (at == open) ++at;
    *open = '[';
    *at++ = ']';
    return at;
}

}  // namespace

[[gnu::always_inline]] inline char* TicketWriter::writeHead(fmt::memory_buffer& out,
                                                             const std::optional<std::string>& id,
                                                             const std::optional<engine::Diagnosis>& conclusion,
                                                             std::size_t tailChars) const {
    // An id with characters to escape is rare: it is escaped aside first (in
    // a buffer kept per thread, so that usual lines build none), and every
    // line is written in one reservation.
    const bool plainId = !fields_.id || !id || isPlainJsonString(*id);
    std::string_view idText = id ? std::string_view(*id) : std::string_view("null");
    if (!plainId) {
        thread_local fmt::memory_buffer escaped;
        escaped.clear();
        appendJsonString(escaped, *id);
        idText = std::string_view(escaped.data(), escaped.size());
    }
    const std::string_view cause = conclusion ? quotedCauses_[conclusion->cause] : std::string_view("null");
    constexpr std::size_t keysAndPunctuation = 32;  // {"id":"",  ,"cause":  ,"score":  }\n
    const std::size_t start = out.size();
    out.reserve(start + idText.size() + cause.size() + maxScoreChars + keysAndPunctuation + tailChars);
    char* at = out.data() + start;
    *at++ = '{';
    bool first = true;
    if (fields_.id) {
        at = putKey(at, first, ",\"id\":");
        if (id && plainId) *at++ = '"';
        at = put(at, idText);
        if (id && plainId) *at++ = '"';
    }
    if (fields_.cause) {
        at = putKey(at, first, ",\"cause\":");
        at = put(at, cause);
    }
    if (fields_.score) {
        at = putKey(at, first, ",\"score\":");
        at = putScore(at, conclusion ? conclusion->score : 0.0);
    }
    return at;
}

void TicketWriter::writeResult(fmt::memory_buffer& out, const std::optional<std::string>& id,
                               const engine::TicketResult& result, std::size_t top) const {
    const auto& conclusion = result.conclusion;
    const std::size_t ranked = std::min(result.ranking.size(), top);
    const std::size_t steps = conclusion ? conclusion->steps.size() : 0;
    // Each list's items are at most its table's longest piece: the whole
    // line fits one reservation, and is written through a pointer.
    constexpr std::size_t keyAndBrackets = 16;  // ,"ranking":[ ]
    std::size_t tailChars = 0;
    if (fields_.ranking) tailChars += keyAndBrackets + ranked * (rankingEntries_.longest() + maxScoreChars + 1);
    if (fields_.fix) tailChars += keyAndBrackets + steps * quotedSteps_.longest();
    if (fields_.fired) tailChars += keyAndBrackets + result.fired.size() * quotedRules_.longest();
    if (fields_.ask) tailChars += keyAndBrackets + result.helpful.size() * quotedFacts_.longest();
    if (fields_.next) tailChars += keyAndBrackets + result.nextQuestions.size() * quotedFacts_.longest();
    char* at = writeHead(out, id, conclusion, tailChars);
    bool first = !(fields_.id || fields_.cause || fields_.score);
    if (fields_.ranking) {
        at = putKey(at, first, ",\"ranking\":");
        char* open = at;
        for (std::size_t i = 0; i < ranked; ++i) {
            at = put(at, rankingEntries_[result.ranking[i].cause]);
            at = putScore(at, result.ranking[i].score);
            *at++ = '}';
        }
        at = closeList(open, at);
    }
    if (fields_.fix) {
        at = putKey(at, first, ",\"fix\":");
        char* open = at;
        if (conclusion) {
            const std::uint32_t causeFirstStep = firstStep_[conclusion->cause];
            for (const std::uint32_t step : conclusion->steps) at = put(at, quotedSteps_[causeFirstStep + step]);
        }
        at = closeList(open, at);
    }
    if (fields_.fired) {
        at = putKey(at, first, ",\"fired\":");
        char* open = at;
        for (const engine::RuleId rule : result.fired) at = put(at, quotedRules_[rule]);
        at = closeList(open, at);
    }
    if (fields_.ask) {
        at = putKey(at, first, ",\"ask\":");
        char* open = at;
        for (const auto& helpful : result.helpful) at = put(at, quotedFacts_[helpful.fact]);
        at = closeList(open, at);
    }
    if (fields_.next) {
        at = putKey(at, first, ",\"next\":");
        char* open = at;
        for (const auto& question : result.nextQuestions) at = put(at, quotedFacts_[question.fact]);
        at = closeList(open, at);
    }
    at = put(at, "}\n");
    out.resize(static_cast<std::size_t>(at - out.data()));
}

void TicketWriter::writeError(fmt::memory_buffer& out, const std::optional<std::string>& id, std::uint64_t line,
                              std::string_view error) const {
    appendText(out, "{\"id\":");
    appendOptionalString(out, id);
    fmt::format_to(std::back_inserter(out), ",\"line\":{},\"error\":", line);
    appendJsonString(out, error);
    appendText(out, "}\n");
}

}  // namespace triage::cli
