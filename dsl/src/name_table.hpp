// One namespace of declared names (facts, causes, code groups, tests) for the
// checking passes: the first declaration of each name, found by name, and the
// names in declaration order (the candidates for "did you mean").
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "triage/dsl/source_file.hpp"

namespace triage::dsl {

/// A declaration together with the file it was written in.
template <typename Decl>
struct DeclarationIn {
    const Decl* decl = nullptr;
    const SourceFile* file = nullptr;
};

/// Names are views of the declarations' own names (the AST outlives the
/// checker). Open addressing over indexes, ~42 bytes a name: a
/// std::unordered_map took ~90 (a node each), and a 100,000-rule base has
/// ~25,000 causes in it at the peak of the load.
template <typename Decl>
class NameTable {
public:
    /// Adds `name` unless it is taken; when it is, returns its first declaration.
    const DeclarationIn<Decl>* add(std::string_view name, DeclarationIn<Decl> declaration) {
        if ((names_.size() + 1) * 2 > slots_.size()) grow();
        std::uint32_t& slot = slots_[slotOf(name)];
        if (slot != 0) return &declarations_[slot - 1];
        names_.push_back(name);
        declarations_.push_back(declaration);
        slot = static_cast<std::uint32_t>(names_.size());
        return nullptr;
    }

    /// Room for `count` names without growing.
    void reserve(std::size_t count) {
        names_.reserve(count);
        declarations_.reserve(count);
        std::size_t slots = 16;
        while (slots < 2 * count) slots *= 2;
        if (slots > slots_.size()) {
            slots_.assign(slots, 0);
            for (std::uint32_t i = 0; i < names_.size(); ++i) slots_[slotOf(names_[i])] = i + 1;
        }
    }

    const Decl* find(std::string_view name) const {
        if (slots_.empty()) return nullptr;
        const std::uint32_t slot = slots_[slotOf(name)];
        return slot == 0 ? nullptr : declarations_[slot - 1].decl;
    }

    /// Every name, in the order added.
    const std::vector<std::string_view>& names() const { return names_; }

private:
    /// The slot holding `name`, or the empty one where it would go.
    std::size_t slotOf(std::string_view name) const {
        const std::size_t mask = slots_.size() - 1;
        std::size_t at = std::hash<std::string_view>{}(name) & mask;
        while (slots_[at] != 0 && names_[slots_[at] - 1] != name) at = (at + 1) & mask;
        return at;
    }

    void grow() {
        slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, 0);
        for (std::uint32_t i = 0; i < names_.size(); ++i) slots_[slotOf(names_[i])] = i + 1;
    }

    std::vector<std::string_view> names_;
    std::vector<DeclarationIn<Decl>> declarations_;  // parallel to names_
    std::vector<std::uint32_t> slots_;               // index + 1 into names_, 0 empty; at most half full
};

}  // namespace triage::dsl
