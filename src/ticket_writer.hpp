// Writes one batch result as one JSON line: the chosen fields of a ticket's
// evaluation, or the error that kept a line from being evaluated.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "triage/engine/evaluation.hpp"

namespace triage::cli {

/// Which keys a result line carries (--fields). Written in this order.
struct ResultFields {
    bool id = true;
    bool cause = true;
    bool score = true;
    bool ranking = true;
    bool fix = true;
    bool fired = true;
    bool ask = true;
    bool next = false;  // not in the default line: question choice is the costly part

    /// "id,cause,score" -> those fields only. nullopt and `error` set on an unknown name.
    static std::optional<ResultFields> parse(std::string_view list, std::string& error);
    static constexpr std::string_view allNames = "id,cause,score,ranking,fix,fired,ask,next";
    /// What a line carries without --fields: every field but `next`.
    static constexpr std::string_view defaultNames = "id,cause,score,ranking,fix,fired,ask";
};

class TicketWriter {
public:
    TicketWriter(const engine::KnowledgeBase& kb, ResultFields fields);

    /// {"id":..,"cause":..,"score":..,"ranking":[..],"fix":[..],"fired":[..],"ask":[..],"next":[..]}\n
    /// `top` caps the ranking (the evaluation may have ranked more, for --eval).
    void writeResult(fmt::memory_buffer& out, const std::optional<std::string>& id,
                     const engine::TicketResult& result, std::size_t top) const;

    /// {"id":..,"line":N,"error":".."}\n — id is null when it could not be read.
    void writeError(fmt::memory_buffer& out, const std::optional<std::string>& id, std::uint64_t line,
                    std::string_view error) const;

    const ResultFields& fields() const { return fields_; }

private:
    /// The line's start, {"id":..,"cause":..,"score":.. (those of them
    /// chosen), in a reservation with room for `tailChars` more and "}\n";
    /// returns its end, `out` not yet resized to it.
    char* writeHead(fmt::memory_buffer& out, const std::optional<std::string>& id,
                    const std::optional<engine::Diagnosis>& conclusion, std::size_t tailChars) const;

    /// Pieces of output kept end to end in one block: a string each would
    /// cost a heap block per rule, ~3 MB at the peak of a 100,000-rule load.
    class Pieces {
    public:
        void add(std::string_view piece) {
            text_.append(piece);
            ends_.push_back(static_cast<std::uint32_t>(text_.size()));
            longest_ = std::max(longest_, piece.size());
        }
        std::size_t size() const { return ends_.size(); }
        std::size_t longest() const { return longest_; }
        std::string_view operator[](std::size_t i) const {
            const std::uint32_t begin = i == 0 ? 0 : ends_[i - 1];
            return std::string_view(text_).substr(begin, ends_[i] - begin);
        }

    private:
        std::string text_;
        std::vector<std::uint32_t> ends_;
        std::size_t longest_ = 0;
    };

    ResultFields fields_;
    // Names as JSON strings, quoted once rather than on every line.
    Pieces quotedCauses_;                 // per cause: every line has one or more
    Pieces rankingEntries_;               // per cause: ",{\"cause\":\"name\",\"score\":" (with `ranking`)
    // Lists take them with a leading comma, and drop it from the first.
    Pieces quotedSteps_;                  // every cause's fix steps in turn: ",\"id\"" (with `fix`)
    std::vector<std::uint32_t> firstStep_;  // per cause, its first in quotedSteps_
    Pieces quotedRules_;                  // per rule: ",\"name\"" (with `fired`)
    Pieces quotedFacts_;                  // per fact: ",\"name\"" (with `ask` or `next`)
};

/// Appends `text` as a JSON string literal, quotes included.
void appendJsonString(fmt::memory_buffer& out, std::string_view text);

/// Appends a score as fmt's "{:.3f}" writes it, faster for the usual [0, 1].
void appendScore(fmt::memory_buffer& out, double score);

/// True when `text` is its own JSON string body: printable ASCII without
/// quotes or backslashes.
bool isPlainJsonString(std::string_view text);

}  // namespace triage::cli
