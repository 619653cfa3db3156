// Lowering: a small two-file program becomes the expected KnowledgeBase.
#include <gtest/gtest.h>

#include "check_fixture.hpp"

namespace triage::dsl {
namespace {

using engine::Atom;
using engine::Conclusion;
using engine::ConditionNode;
using engine::Value;

const char* const baseRules = R"(fact error_code: code
  question
    nl "Welke foutcode?"
    en "Which error code?"
  cost 2
codes hardware_codes = { 0xC004F213, 0xc004f211L }
)";

const char* const mainRules = R"(import "base.rules"
fact windows_version: enum { win7, win10, win11 }
  question
    nl "Welke Windows?"
    en "Which Windows?"
fact hardware_changed: bool
  question
    nl "Nieuwe hardware?"
    en "New hardware?"
cause hardware
  prior 0.08
  title
    nl "Hardware gewijzigd"
    en "Hardware changed"
  fix
    step old_key when hardware_changed
      nl "Voer de oude code in."
      en "Enter the old key."
    step buy
      nl "Koop een licentie."
      en "Buy a license."
cause other
  title
    nl "Iets anders"
    en "Something else"
rule hardware_code
  when error_code in hardware_codes and (hardware_changed or not windows_version in { win11, win7 })
  then supports hardware 0.7 and excludes other 0.4
  priority 3
rule newer
  when windows_version = win10 and known error_code
  then supports other 0.5 and set hardware_changed = no
test "hardware"
  given error_code = 0xC004F211, hardware_changed = ja
  expect cause hardware
  expect question windows_version
)";

class Lowering : public ::testing::Test {
protected:
    void SetUp() override {
        compiled_ =
            testing::compileFiles({{"base.rules", baseRules}, {"main.rules", mainRules}}, {"main.rules"});
        ASSERT_EQ(compiled_.text(), "");
        ASSERT_NE(compiled_.result.knowledgeBase, nullptr);
    }
    const engine::KnowledgeBase& kb() const { return *compiled_.result.knowledgeBase; }

    testing::Compiled compiled_;
};

TEST_F(Lowering, FactsGetDenseIdsInLoadOrder) {
    ASSERT_EQ(kb().facts.size(), 3u);
    EXPECT_EQ(kb().factId("error_code"), 0u);  // base.rules is imported, so it loads first
    EXPECT_EQ(kb().factId("windows_version"), 1u);
    EXPECT_EQ(kb().factId("hardware_changed"), 2u);

    const engine::Fact& code = kb().fact(0);
    EXPECT_EQ(code.type, engine::FactType::Code);
    EXPECT_TRUE(code.askable);
    EXPECT_EQ(code.question.in("nl"), "Welke foutcode?");
    EXPECT_EQ(code.question.in("en"), "Which error code?");
    EXPECT_EQ(code.cost, 2.0);
    EXPECT_EQ(code.origin.file, "base.rules");
    EXPECT_EQ(code.origin.line, 1);
    EXPECT_EQ(code.origin.column, 6);

    EXPECT_EQ(kb().fact(1).enumValues, (std::vector<std::string>{"win7", "win10", "win11"}));
    EXPECT_EQ(kb().fact(2).cost, 1.0);
}

TEST_F(Lowering, CodeGroupsAreSortedCodes) {
    EXPECT_EQ(kb().codeGroups.at("hardware_codes"), (std::vector<std::uint32_t>{0xC004F211u, 0xC004F213u}));
}

TEST_F(Lowering, CausesKeepPriorTitleAndConditionalSteps) {
    ASSERT_EQ(kb().causes.size(), 2u);
    const engine::Cause& hardware = kb().cause(*kb().causeId("hardware"));
    EXPECT_EQ(kb().causeId("hardware"), 0u);
    EXPECT_DOUBLE_EQ(hardware.prior, 0.08);
    EXPECT_EQ(hardware.title.in("en"), "Hardware changed");
    ASSERT_EQ(hardware.steps.size(), 2u);
    EXPECT_EQ(hardware.steps[0].id, "old_key");
    ASSERT_EQ(hardware.steps[0].when.atoms.size(), 1u);
    EXPECT_EQ(hardware.steps[0].when.atoms[0].fact, 2u);
    EXPECT_EQ(hardware.steps[0].when.atoms[0].op, Atom::Op::Eq);
    EXPECT_EQ(hardware.steps[0].when.atoms[0].value, Value::boolean(true));
    EXPECT_TRUE(hardware.steps[1].when.empty());
    EXPECT_DOUBLE_EQ(kb().cause(1).prior, 0.1);  // the default
    EXPECT_EQ(hardware.origin.file, "main.rules");
    EXPECT_EQ(hardware.origin.line, 10);
}

TEST_F(Lowering, ConditionsBecomeAtomsWithChildrenBeforeParents) {
    const engine::Rule& rule = kb().rule(0);
    EXPECT_EQ(rule.name, "hardware_code");
    EXPECT_EQ(rule.priority, 3);
    const engine::Condition& condition = rule.condition;
    ASSERT_EQ(condition.atoms.size(), 3u);

    EXPECT_EQ(condition.atoms[0].fact, 0u);
    EXPECT_EQ(condition.atoms[0].op, Atom::Op::In);
    EXPECT_EQ(condition.atoms[0].set,
              (std::vector<Value>{Value::code(0xC004F211u), Value::code(0xC004F213u)}));
    EXPECT_EQ(condition.atoms[0].setName, "hardware_codes");

    EXPECT_EQ(condition.atoms[1].fact, 2u);
    EXPECT_EQ(condition.atoms[1].op, Atom::Op::Eq);
    EXPECT_EQ(condition.atoms[1].value, Value::boolean(true));

    EXPECT_EQ(condition.atoms[2].fact, 1u);
    EXPECT_EQ(condition.atoms[2].op, Atom::Op::In);
    EXPECT_EQ(condition.atoms[2].set,
              (std::vector<Value>{Value::symbol(0), Value::symbol(2)}));  // win7, win11
    EXPECT_EQ(condition.atoms[2].setName, "");

    // And(atom0, Or(atom1, Not(atom2))); the parentheses leave no node.
    ASSERT_EQ(condition.nodes.size(), 6u);
    EXPECT_EQ(condition.nodes[0].kind, ConditionNode::Kind::Atom);
    EXPECT_EQ(condition.nodes[0].atom, 0u);
    EXPECT_EQ(condition.nodes[1].atom, 1u);
    EXPECT_EQ(condition.nodes[2].atom, 2u);
    EXPECT_EQ(condition.nodes[3].kind, ConditionNode::Kind::Not);
    EXPECT_EQ(condition.nodes[3].children, (std::vector<std::uint32_t>{2}));
    EXPECT_EQ(condition.nodes[4].kind, ConditionNode::Kind::Or);
    EXPECT_EQ(condition.nodes[4].children, (std::vector<std::uint32_t>{1, 3}));
    EXPECT_EQ(condition.nodes[5].kind, ConditionNode::Kind::And);
    EXPECT_EQ(condition.nodes[5].children, (std::vector<std::uint32_t>{0, 4}));
    EXPECT_EQ(condition.root(), 5u);
}

TEST_F(Lowering, ConclusionsResolveCausesFactsAndValues) {
    const engine::Rule& hardwareCode = kb().rule(0);
    ASSERT_EQ(hardwareCode.conclusions.size(), 2u);
    EXPECT_EQ(hardwareCode.conclusions[0].kind, Conclusion::Kind::Supports);
    EXPECT_EQ(hardwareCode.conclusions[0].cause, 0u);
    EXPECT_DOUBLE_EQ(hardwareCode.conclusions[0].certainty, 0.7);
    EXPECT_EQ(hardwareCode.conclusions[1].kind, Conclusion::Kind::Excludes);
    EXPECT_EQ(hardwareCode.conclusions[1].cause, 1u);
    EXPECT_DOUBLE_EQ(hardwareCode.conclusions[1].certainty, 0.4);

    const engine::Rule& newer = kb().rule(1);
    EXPECT_EQ(newer.priority, 0);
    ASSERT_EQ(newer.condition.atoms.size(), 2u);
    EXPECT_EQ(newer.condition.atoms[0].value, Value::symbol(1));  // win10
    EXPECT_EQ(newer.condition.atoms[1].op, Atom::Op::Known);
    ASSERT_EQ(newer.conclusions.size(), 2u);
    EXPECT_EQ(newer.conclusions[1].kind, Conclusion::Kind::Sets);
    EXPECT_EQ(newer.conclusions[1].fact, 2u);
    EXPECT_EQ(newer.conclusions[1].value, Value::boolean(false));
}

TEST_F(Lowering, TestsKeepGivensExpectationsAndOrigins) {
    ASSERT_EQ(kb().tests.size(), 1u);
    const engine::RuleTest& test = kb().tests[0];
    EXPECT_EQ(test.name, "hardware");
    ASSERT_EQ(test.given.size(), 2u);
    EXPECT_EQ(test.given[0], std::make_pair(engine::FactId{0}, Value::code(0xC004F211u)));
    EXPECT_EQ(test.given[1], std::make_pair(engine::FactId{2}, Value::boolean(true)));
    ASSERT_EQ(test.expectations.size(), 2u);
    EXPECT_EQ(test.expectations[0].kind, engine::RuleTest::Expectation::Kind::TopCause);
    EXPECT_EQ(test.expectations[0].target, 0u);
    EXPECT_EQ(test.expectations[1].kind, engine::RuleTest::Expectation::Kind::NextQuestion);
    EXPECT_EQ(test.expectations[1].target, 1u);
    EXPECT_EQ(test.origin.file, "main.rules");
    EXPECT_EQ(test.origin.line, 33);
    EXPECT_EQ(test.expectations[1].origin.line, 36);
}

}  // namespace
}  // namespace triage::dsl
