// What the harnesses share: the rule bases they run against, compiled once,
// stdin replaced by the fuzzer's bytes, and a check that output is JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "triage/engine/model.hpp"

namespace triage::fuzz {

/// The rule bases a harness can pick (bundled rules, the CLI tests' small
/// files); `selector` picks one, so the fuzzer explores every one of them.
const std::shared_ptr<const engine::Model>& model(std::uint8_t selector);

/// std::cin reads `text` while this lives (the ask front ends read std::cin).
class StdinReplacement {
public:
    explicit StdinReplacement(std::string text);
    ~StdinReplacement();
    StdinReplacement(const StdinReplacement&) = delete;
    StdinReplacement& operator=(const StdinReplacement&) = delete;

private:
    std::unique_ptr<std::istringstream> input_;
    std::streambuf* previous_;
};

/// Aborts, naming the line, unless every line of `output` is one JSON value.
void requireJsonLines(std::string_view output, std::string_view what);

}  // namespace triage::fuzz
