#include "shared_material.hpp"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

#include "rule_base_loading.hpp"
#include "triage/engine/value.hpp"

namespace triage::rules::testing {
namespace {

// 0x + 8 hex digits + the stray L the article writes once ("0x803FA067L").
const std::regex codePattern(R"(0x[0-9a-f]{8}L?)", std::regex::icase);

std::vector<std::string> backticked(const std::string& text) {
    static const std::regex pattern("`([^`]+)`");
    std::vector<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
        found.push_back((*it)[1]);
    return found;
}

/// The cells of a Markdown table row "| a | b | c |".
std::vector<std::string> cells(const std::string& row) {
    std::vector<std::string> result;
    std::stringstream in(row);
    std::string cell;
    std::getline(in, cell, '|');  // before the first bar
    while (std::getline(in, cell, '|')) result.push_back(cell);
    return result;
}

}  // namespace

std::vector<ArticleCode> activationArticleCodes() {
    std::vector<ArticleCode> codes;
    std::set<std::uint32_t> seen;
    std::vector<std::filesystem::path> articles;
    for (const auto& entry : std::filesystem::directory_iterator(sharedPath("seeds")))
        if (entry.path().filename().string().rfind("000_", 0) == 0 && entry.path().extension() == ".txt")
            articles.push_back(entry.path());
    std::sort(articles.begin(), articles.end());
    for (const auto& article : articles) {
        const std::string text = readText(article.string());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), codePattern); it != std::sregex_iterator(); ++it) {
            const std::string written = it->str();
            const auto value = engine::parseErrorCode(written);
            if (value && seen.insert(*value).second) codes.push_back({written, *value});
        }
    }
    return codes;
}

SchemaTables readSchemaTables() {
    SchemaTables tables;
    std::stringstream in(readText(sharedPath("tickets/SCHEMA.md")));
    std::string section;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("## ", 0) == 0) section = line.substr(3);
        if (line.rfind("| `", 0) != 0) continue;
        const std::vector<std::string> row = cells(line);
        if (row.size() < 2) continue;
        const std::vector<std::string> names = backticked(row[0]);
        if (names.empty()) continue;
        if (section == "Facts") {
            SchemaFact fact{names.front(), {}, backticked(row[1])};
            std::stringstream type(row[1]);
            type >> fact.type;
            tables.facts.push_back(fact);
        } else if (section == "Causes") {
            tables.causes.push_back(names.front());
            for (auto it = std::sregex_iterator(row[1].begin(), row[1].end(), codePattern);
                 it != std::sregex_iterator(); ++it)
                if (const auto value = engine::parseErrorCode(it->str())) tables.causesByCode[*value].insert(names.front());
        }
    }
    return tables;
}

}  // namespace triage::rules::testing
