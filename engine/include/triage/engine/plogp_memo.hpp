// x·log2(x), remembered: question choice takes it of the score each
// simulated answer leads to, and those scores recur from ticket to ticket (a
// cause with the same rules firing). A log2 costs ~100 instructions, a look-up
// a few; the result is the same double, computed once per slot.
#pragma once

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

namespace triage::engine {

/// x·log2(x) for x > 0, else 0 (the entropy term of a score).
inline double plogp(double x) { return x > 0 ? x * std::log2(x) : 0.0; }

class PlogpMemo {
public:
    /// plogp(x), bit for bit.
    double operator()(double x) {
        const auto bits = std::bit_cast<std::uint64_t>(x);
        Slot& slot = slots_[(bits * 0x9E3779B97F4A7C15ull) >> (64 - slotBits)];
        if (slot.bits != bits) slot = {bits, plogp(x)};
        return slot.value;
    }

private:
    static constexpr int slotBits = 10;
    struct Slot {
        std::uint64_t bits = 0;  // of x; 0.0 to start with, whose plogp is 0
        double value = 0.0;
    };
    std::array<Slot, std::size_t{1} << slotBits> slots_{};
};

}  // namespace triage::engine
