// The fixed words of `triage ask` and `triage explain` in every language the
// CLI speaks (nl, en). Texts from the rules come from the knowledge base instead.
#pragma once

#include <string>

namespace triage::cli {

/// One phrase book. Entries with {} are fmt format strings.
struct UiText {
    const char* yes;
    const char* no;
    const char* unknownHint;        // how to say "I don't know"
    const char* codeHint;           // what an error-code answer looks like
    const char* numberHint;
    const char* badBool;            // {} = fact
    const char* badEnum;            // {} = fact, {} = values
    const char* badCode;            // {} = fact
    const char* badNumber;          // {} = fact
    const char* noQuestionOpen;
    const char* nothingToUndo;
    const char* undone;             // {} = answers left
    const char* restarted;
    const char* unknownCommand;     // {} = word
    const char* unknownCause;       // {} = name
    const char* didYouMean;         // {} = list
    const char* whyNotNeedsCause;
    const char* goodbye;
    const char* welcome;
    const char* startsFrom;         // {} = number of facts given
    const char* mostLikely;         // {} = title, {} = percent
    const char* notConfident;
    const char* otherCandidates;
    const char* fixHeading;
    const char* noCause;
    const char* noEvidenceYet;
    const char* afterConclusion;
    const char* whyHeading;         // {} = question text
    const char* whyNothing;
    const char* whyRule;            // {} = rule, {} = causes
    const char* howHeading;         // {} = title, {} = percent, {} = prior percent
    const char* howNoRules;
    const char* howSupports;        // {} = rule, {} = certainty percent
    const char* howExcludes;        // {} = rule, {} = certainty percent
    const char* howUses;            // {} = atoms
    const char* howDerivedFrom;     // {} = rules
    const char* whyNotHeading;      // {} = title, {} = percent
    const char* whyNotTop;          // {} = title, {} = percent
    const char* whyNotIsTop;
    const char* whyNotNoRules;
    const char* whyNotRule;         // {} = rule
    const char* atomFalse;          // {} = atom text
    const char* atomUnknown;        // {} = atom text
    const char* factsHeading;
    const char* factsNone;
    const char* factUnknown;
    const char* sourceGiven;
    const char* sourceAnswered;
    const char* sourceDerived;
    const char* help;               // the command list
    const char* questionHelp;       // {} = help text of the fact
    const char* answerTooLong;      // {} = limit in bytes
    const char* lineTooLong;        // {} = limit in bytes
};

/// The phrase book for "nl" or "en" (anything else: English).
const UiText& uiText(const std::string& language);

}  // namespace triage::cli
