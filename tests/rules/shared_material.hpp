// What the shared material says, read at test time so the tests follow the
// sources rather than a copy: the error codes of the activation article
// (seeds/000_*.txt) and the fact and cause tables of tickets/SCHEMA.md.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace triage::rules::testing {

struct ArticleCode {
    std::string written;  // as in the article, e.g. "0x803FA067L"
    std::uint32_t value = 0;
};

/// Every distinct code (by value) in seeds/000_*.txt, in order of first appearance.
std::vector<ArticleCode> activationArticleCodes();

struct SchemaFact {
    std::string name;
    std::string type;                     // "bool", "code", "enum", "number"
    std::vector<std::string> enumValues;  // type "enum" only
};

struct SchemaTables {
    std::vector<SchemaFact> facts;
    std::vector<std::string> causes;
    /// Code -> the causes whose row in the cause table names that code.
    std::map<std::uint32_t, std::set<std::string>> causesByCode;
};

/// The fact and cause tables of tickets/SCHEMA.md.
SchemaTables readSchemaTables();

}  // namespace triage::rules::testing
