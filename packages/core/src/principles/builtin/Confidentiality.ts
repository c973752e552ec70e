/**
 * Confidentiality: nothing about a person is shared "bez vědomí a souhlasu klienta" (without the
 * client's knowledge and consent), "výjimkou je ze zákona uložená oznamovací povinnost" (except a
 * duty to report imposed by law). Binds every service.
 *
 * @since 0.1.0
 */
import { DateTime } from "effect"
import { covers } from "../../model/Consent.js"
import * as Principle from "../Principle.js"
import { coreRule, type Messages } from "./shared.js"

/**
 * The confidentiality principle.
 *
 * @since 0.1.0
 * @category models
 */
export const Confidentiality = Principle.make({
  id: "confidentiality",
  core: true,
  source: "seeds/002_425581a8f25132f0.txt, \"mlčenlivost\"",
  labels: {
    en: "Confidentiality",
    cs: "Mlčenlivost",
    lt: "Konfidencialumas",
    bg: "Поверителност"
  }
})

/**
 * The message keys of the confidentiality rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const confidentialityMessages = {
  "principles.confidentiality.noValidConsent": {
    en: "Nothing can be disclosed without the person's valid consent for this purpose and recipient.",
    cs: "Bez platného souhlasu člověka pro tento účel a tohoto příjemce nelze nic sdělit.",
    lt: "Be galiojančio žmogaus sutikimo šiam tikslui ir šiam gavėjui nieko negalima atskleisti.",
    bg: "Нищо не може да бъде разкрито без валидното съгласие на човека за тази цел и този получател."
  },
  "principles.confidentiality.legalDutyIncomplete": {
    en: "A disclosure under a legal duty to report must name its legal ground and the worker who decided.",
    cs: "Sdělení na základě zákonné oznamovací povinnosti musí uvést právní důvod a pracovníka, který rozhodl.",
    lt: "Atskleidžiant informaciją pagal įstatymo nustatytą pareigą pranešti, būtina nurodyti teisinį pagrindą ir sprendimą priėmusį darbuotoją.",
    bg: "Разкриването поради законово задължение за уведомяване трябва да посочва правното основание и служителя, който е взел решението."
  },
  "principles.confidentiality.legalDutyException": {
    en: "Disclosed without consent under a legal duty to report: this exception is recorded in the audit log.",
    cs: "Sděleno bez souhlasu na základě zákonné oznamovací povinnosti: tato výjimka se zaznamená do auditního záznamu.",
    lt: "Atskleista be sutikimo pagal įstatymo nustatytą pareigą pranešti: ši išimtis įrašoma į audito žurnalą.",
    bg: "Разкрито без съгласие поради законово задължение за уведомяване: това изключение се записва в одитния дневник."
  },
  "principles.confidentiality.referralConsent": {
    en: "A referral needs the person's consent to be referred to this recipient.",
    cs: "Doporučení do jiné služby vyžaduje souhlas člověka s doporučením k tomuto příjemci.",
    lt: "Nukreipimui reikia žmogaus sutikimo būti nukreiptam pas šį gavėją.",
    bg: "Насочването изисква съгласието на човека да бъде насочен към този получател."
  }
} as const satisfies Messages

/**
 * The message key of the legal-duty exception: a `Warn` with this key marks a disclosure made
 * without consent under a legal duty to report, which the case-work API records in the audit log.
 *
 * @since 0.1.0
 * @category models
 */
export const legalDutyExceptionKey = "principles.confidentiality.legalDutyException"

/**
 * A disclosure on the basis of consent needs that consent (by id, among `facts.consents`) to be
 * the person's and to cover the disclosure's purpose and recipient when it happens (not
 * withdrawn, within its period), and not to have been withdrawn by the time it is recorded (so a
 * disclosure cannot be backdated past a withdrawal); otherwise it is denied. A disclosure under a legal duty must
 * name a legal ground and the deciding worker, and is allowed with a `Warn` that marks the
 * exception for the audit log ({@link legalDutyExceptionKey}).
 *
 * @since 0.1.0
 * @category models
 */
export const disclosureBasis = coreRule({
  id: "confidentiality/disclosure-basis",
  principle: Confidentiality,
  appliesTo: ["Disclose"],
  reads: ["consents", "now"],
  verdicts: ["Deny", "Warn"],
  description: "Disclosure needs the person's valid consent, or a recorded legal duty to report.",
  check: (command, facts, v) => {
    const disclosure = command.disclosure
    const basis = disclosure.basis
    if (basis._tag === "LegalDuty") {
      return basis.legalGround.trim().length === 0 || basis.decidedBy.trim().length === 0
        ? v.deny("a legal duty needs its legal ground and the deciding worker", "principles.confidentiality.legalDutyIncomplete")
        : v.warn("legal-duty exception: disclosed without consent", legalDutyExceptionKey)
    }
    const recordedAt = facts.now
    const consent = facts.consents.find((c) => c.id === basis.consentId)
    return consent !== undefined && consent.personId === disclosure.personId &&
        covers(consent, disclosure.purpose, disclosure.recipient, disclosure.at) &&
        (consent.withdrawnAt === undefined || DateTime.isLessThan(recordedAt, consent.withdrawnAt))
      ? v.allow
      : v.deny("no valid consent for this purpose and recipient", "principles.confidentiality.noValidConsent")
  }
})

/**
 * A referral needs a consent of the person for the purpose `referral` that covers the
 * recipient and is in force now (the one the referral names, or any other).
 *
 * @since 0.1.0
 * @category models
 */
export const referralConsent = coreRule({
  id: "confidentiality/referral-consent",
  principle: Confidentiality,
  appliesTo: ["Refer"],
  reads: ["consents", "now"],
  verdicts: ["Require"],
  description: "A referral needs the person's consent for the recipient.",
  check: (command, facts, v) => {
    const referral = command.referral
    const now = facts.now
    return facts.consents.some((c) =>
        c.personId === referral.personId && covers(c, "referral", referral.to, now)
      )
      ? v.allow
      : v.require(
        { kind: "consent", purpose: "referral", detail: "the person's consent to be referred to this recipient" },
        "principles.confidentiality.referralConsent"
      )
  }
})

/**
 * The rules of the confidentiality principle.
 *
 * @since 0.1.0
 * @category models
 */
export const confidentialityRules = [disclosureBasis, referralConsent] as const
