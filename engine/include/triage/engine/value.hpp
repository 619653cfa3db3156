// A known fact value. One representation for every fact type keeps working
// memory a flat array: bool 0/1, enum value index, error code as its 32-bit
// number, or a number.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace triage::engine {

enum class FactType { Bool, Enum, Code, Number };

class Value {
public:
    constexpr Value() = default;
    static constexpr Value boolean(bool b) { return Value(b ? 1.0 : 0.0); }
    static constexpr Value symbol(std::uint32_t index) { return Value(static_cast<double>(index)); }
    static constexpr Value code(std::uint32_t code) { return Value(static_cast<double>(code)); }
    static constexpr Value number(double n) { return Value(n); }

    constexpr double raw() const { return raw_; }
    constexpr bool asBool() const { return raw_ != 0.0; }
    constexpr std::uint32_t asIndex() const { return static_cast<std::uint32_t>(raw_); }

    friend constexpr bool operator==(Value a, Value b) { return a.raw_ == b.raw_; }
    friend constexpr bool operator<(Value a, Value b) { return a.raw_ < b.raw_; }

private:
    constexpr explicit Value(double raw) : raw_(raw) {}
    double raw_ = 0.0;
};

/// An error code in any form the articles and helpdesks write it: any case,
/// with or without "0x", with a stray trailing "L". Exactly 8 hex digits.
std::optional<std::uint32_t> parseErrorCode(std::string_view text);

/// "0xC004F211": the canonical spelling.
std::string formatErrorCode(std::uint32_t code);

}  // namespace triage::engine

template <>
struct std::hash<triage::engine::Value> {
    std::size_t operator()(triage::engine::Value v) const noexcept { return std::hash<double>{}(v.raw()); }
};
