#include "ui_text.hpp"

namespace triage::cli {
namespace {

const UiText english{
    .yes = "yes",
    .no = "no",
    .unknownHint = "? = don't know",
    .codeHint = "an error code such as 0xC004F211",
    .numberHint = "a number",
    .badBool = "'{}' takes yes or no (or ? if you don't know)",
    .badEnum = "'{}' takes one of: {} (or ? if you don't know)",
    .badCode = "'{}' takes an error code of 8 hex digits, like 0xC004F211 (or ? if you don't know)",
    .badNumber = "'{}' takes a number (or ? if you don't know)",
    .noQuestionOpen = "There is no open question; type how, why-not CAUSE, back, restart or quit.",
    .nothingToUndo = "Nothing to undo: no question has been answered yet.",
    .undone = "Took back the last answer ({} left).",
    .restarted = "Starting again.",
    .unknownCommand = "Unknown command '{}'; type help for the list.",
    .unknownCause = "Unknown cause '{}'.",
    .didYouMean = " Did you mean: {}?",
    .whyNotNeedsCause = "why-not needs a cause, e.g. why-not {}.",
    .goodbye = "Goodbye.",
    .welcome = "Triage: answer the questions; type help for the commands.",
    .startsFrom = "Starting from {} known fact(s).",
    .mostLikely = "Most likely cause: {} ({})",
    .notConfident = "Not certain: no question is left that could tell the causes apart.",
    .otherCandidates = "Other candidates:",
    .fixHeading = "Fix:",
    .noCause = "No cause found: the answers do not point to any known cause.",
    .noEvidenceYet = "No cause has any evidence yet.",
    .afterConclusion = "Type how, why-not CAUSE, back, restart or quit.",
    .whyHeading = "Why ask \"{}\"?",
    .whyNothing = "  No rule depends on it any more.",
    .whyRule = "  Rule {} needs it; it decides: {}",
    .howHeading = "How \"{}\" reached {} (before any evidence: {}):",
    .howNoRules = "  No rule has fired for it.",
    .howSupports = "  + rule {} supports it ({})",
    .howExcludes = "  - rule {} argues against it ({})",
    .howUses = "      because: {}",
    .howDerivedFrom = "      using what rules {} derived",
    .whyNotHeading = "Why not \"{}\" ({})?",
    .whyNotTop = "  The top cause is \"{}\" ({}).",
    .whyNotIsTop = "  It is the top cause.",
    .whyNotNoRules = "  No rule supports it.",
    .whyNotRule = "  Rule {} would support it, but:",
    .atomFalse = "      {} is false",
    .atomUnknown = "      {} is not known",
    .factsHeading = "Known facts:",
    .factsNone = "Nothing is known yet.",
    .factUnknown = "unknown",
    .sourceGiven = "given",
    .sourceAnswered = "answered",
    .sourceDerived = "derived",
    .help = "Answer the question, or ? if you don't know. Commands:\n"
            "  why             why this question is asked\n"
            "  how             how the (current) top cause got its score\n"
            "  why-not CAUSE   why CAUSE is not the top cause\n"
            "  back            take back the last answer\n"
            "  facts           what is known so far, including derived facts\n"
            "  restart         start again\n"
            "  quit            stop (Ctrl-D does the same)",
    .questionHelp = "About this question: {}",
    .answerTooLong = "That answer is longer than {} bytes; no answer is that long.",
    .lineTooLong = "That line is longer than {} bytes and was skipped.",
};

const UiText dutch{
    .yes = "ja",
    .no = "nee",
    .unknownHint = "? = weet niet",
    .codeHint = "een foutcode zoals 0xC004F211",
    .numberHint = "een getal",
    .badBool = "'{}' verwacht ja of nee (of ? als u het niet weet)",
    .badEnum = "'{}' verwacht een van: {} (of ? als u het niet weet)",
    .badCode = "'{}' verwacht een foutcode van 8 hexadecimale cijfers, zoals 0xC004F211 (of ? als u het niet weet)",
    .badNumber = "'{}' verwacht een getal (of ? als u het niet weet)",
    .noQuestionOpen = "Er staat geen vraag open; typ how, why-not OORZAAK, back, restart of quit.",
    .nothingToUndo = "Er valt niets terug te nemen: er is nog geen vraag beantwoord.",
    .undone = "Het laatste antwoord is teruggenomen (nog {} over).",
    .restarted = "Opnieuw beginnen.",
    .unknownCommand = "Onbekende opdracht '{}'; typ help voor de lijst.",
    .unknownCause = "Onbekende oorzaak '{}'.",
    .didYouMean = " Bedoelt u: {}?",
    .whyNotNeedsCause = "why-not verwacht een oorzaak, bijvoorbeeld why-not {}.",
    .goodbye = "Tot ziens.",
    .welcome = "Triage: beantwoord de vragen; typ help voor de opdrachten.",
    .startsFrom = "Al bekend: {} feit(en).",
    .mostLikely = "Meest waarschijnlijke oorzaak: {} ({})",
    .notConfident = "Niet zeker: er is geen vraag meer die de oorzaken uit elkaar kan houden.",
    .otherCandidates = "Andere mogelijkheden:",
    .fixHeading = "Oplossing:",
    .noCause = "Geen oorzaak gevonden: de antwoorden wijzen niet op een bekende oorzaak.",
    .noEvidenceYet = "Er is nog voor geen enkele oorzaak bewijs.",
    .afterConclusion = "Typ how, why-not OORZAAK, back, restart of quit.",
    .whyHeading = "Waarom de vraag \"{}\"?",
    .whyNothing = "  Geen regel hangt er nog van af.",
    .whyRule = "  Regel {} heeft het nodig; die beslist over: {}",
    .howHeading = "Hoe \"{}\" op {} kwam (zonder bewijs: {}):",
    .howNoRules = "  Er is nog geen regel voor afgegaan.",
    .howSupports = "  + regel {} ondersteunt het ({})",
    .howExcludes = "  - regel {} pleit ertegen ({})",
    .howUses = "      omdat: {}",
    .howDerivedFrom = "      met wat regel(s) {} afleidden",
    .whyNotHeading = "Waarom niet \"{}\" ({})?",
    .whyNotTop = "  De bovenste oorzaak is \"{}\" ({}).",
    .whyNotIsTop = "  Het is de bovenste oorzaak.",
    .whyNotNoRules = "  Geen regel ondersteunt het.",
    .whyNotRule = "  Regel {} zou het ondersteunen, maar:",
    .atomFalse = "      {} is onwaar",
    .atomUnknown = "      {} is niet bekend",
    .factsHeading = "Bekende feiten:",
    .factsNone = "Er is nog niets bekend.",
    .factUnknown = "onbekend",
    .sourceGiven = "gegeven",
    .sourceAnswered = "beantwoord",
    .sourceDerived = "afgeleid",
    .help = "Beantwoord de vraag, of typ ? als u het niet weet. Opdrachten:\n"
            "  why             waarom deze vraag gesteld wordt\n"
            "  how             hoe de (huidige) bovenste oorzaak aan haar score komt\n"
            "  why-not OORZAAK waarom OORZAAK niet bovenaan staat\n"
            "  back            het laatste antwoord terugnemen\n"
            "  facts           wat er tot nu toe bekend is, ook afgeleide feiten\n"
            "  restart         opnieuw beginnen\n"
            "  quit            stoppen (Ctrl-D doet hetzelfde)",
    .questionHelp = "Over deze vraag: {}",
    .answerTooLong = "Dat antwoord is langer dan {} bytes; zo lang is geen antwoord.",
    .lineTooLong = "Die regel is langer dan {} bytes en is overgeslagen.",
};

}  // namespace

const UiText& uiText(const std::string& language) {
    return language == "nl" ? dutch : english;
}

}  // namespace triage::cli
