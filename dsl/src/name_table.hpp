// One namespace of declared names (facts, causes, code groups, tests) for the
// checking passes: the first declaration of each name, found by name, and the
// names in declaration order (the candidates for "did you mean").
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "name_slots.hpp"
#include "triage/dsl/source_file.hpp"

namespace triage::dsl {

/// A declaration together with the file it was written in.
template <typename Decl>
struct DeclarationIn {
    const Decl* decl = nullptr;
    const SourceFile* file = nullptr;
};

/// Names are views of the declarations' own names (the AST outlives the
/// checker), found through NameSlots: ~42 bytes a name, where a
/// std::unordered_map took ~90, and a 100,000-rule base has ~25,000 causes
/// in it at the peak of the load.
template <typename Decl>
class NameTable {
public:
    /// Adds `name` unless it is taken; when it is, returns its first declaration.
    const DeclarationIn<Decl>* add(std::string_view name, DeclarationIn<Decl> declaration) {
        slots_.roomFor(names_.size() + 1, static_cast<std::uint32_t>(names_.size()), nameOf());
        std::uint32_t& slot = slots_.slot(name, nameOf());
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
        slots_.roomFor(count, static_cast<std::uint32_t>(names_.size()), nameOf());
    }

    const Decl* find(std::string_view name) const {
        const std::uint32_t slot = slots_.find(name, nameOf());
        return slot == 0 ? nullptr : declarations_[slot - 1].decl;
    }

    /// Every name, in the order added.
    const std::vector<std::string_view>& names() const { return names_; }

private:
    auto nameOf() const {
        return [this](std::uint32_t index) { return names_[index]; };
    }

    std::vector<std::string_view> names_;
    std::vector<DeclarationIn<Decl>> declarations_;  // parallel to names_
    NameSlots slots_;
};

}  // namespace triage::dsl
