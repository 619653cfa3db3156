#include "answer_values.hpp"

#include <algorithm>

namespace triage::engine {

namespace {

void collect(const Condition& condition, std::vector<std::vector<double>>& tested) {
    for (const Atom& atom : condition.atoms) {
        if (atom.op == Atom::Op::Known || atom.op == Atom::Op::Unknown) continue;
        if (atom.op == Atom::Op::In)
            for (Value value : atom.set) tested[atom.fact].push_back(value.raw());
        else
            tested[atom.fact].push_back(atom.value.raw());
    }
}

std::vector<Value> numberAnswers(std::vector<double> thresholds) {
    if (thresholds.empty()) return {Value::number(0)};
    std::vector<Value> values{Value::number(thresholds.front() - 1)};
    for (std::size_t i = 0; i < thresholds.size(); ++i) {
        values.push_back(Value::number(thresholds[i]));
        if (i + 1 < thresholds.size()) values.push_back(Value::number((thresholds[i] + thresholds[i + 1]) / 2));
    }
    values.push_back(Value::number(thresholds.back() + 1));
    return values;
}

std::vector<Value> codeAnswers(const std::vector<double>& codes) {
    std::vector<Value> values;
    for (double code : codes) values.push_back(Value::code(static_cast<std::uint32_t>(code)));
    // "Some other code": the smallest code no condition tests.
    std::uint32_t other = 0;
    for (double code : codes) {
        if (static_cast<std::uint32_t>(code) != other) break;
        ++other;
    }
    values.push_back(Value::code(other));
    return values;
}

}  // namespace

std::vector<std::vector<Value>> answerValuesByFact(const KnowledgeBase& kb) {
    std::vector<std::vector<double>> tested(kb.facts.size());
    for (const Rule& rule : kb.rules) collect(rule.condition, tested);
    std::vector<std::vector<Value>> answers(kb.facts.size());
    for (FactId fact = 0; fact < kb.facts.size(); ++fact) {
        auto& values = tested[fact];
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end()), values.end());
        const Fact& definition = kb.facts[fact];
        switch (definition.type) {
            case FactType::Bool: answers[fact] = {Value::boolean(false), Value::boolean(true)}; break;
            case FactType::Enum:
                for (std::uint32_t i = 0; i < definition.enumValues.size(); ++i) answers[fact].push_back(Value::symbol(i));
                break;
            case FactType::Code: answers[fact] = codeAnswers(values); break;
            case FactType::Number: answers[fact] = numberAnswers(values); break;
        }
    }
    return answers;
}

}  // namespace triage::engine
