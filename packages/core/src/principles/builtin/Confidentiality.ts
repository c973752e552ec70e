/**
 * Confidentiality: nothing about a person is shared "bez vědomí a souhlasu klienta" (without the
 * client's knowledge and consent), "výjimkou je ze zákona uložená oznamovací povinnost" (except a
 * duty to report imposed by law). Binds every service.
 *
 * @since 0.1.0
 */
import { authorisesService, covers } from "../../model/Consent.js"
import * as Principle from "../Principle.js"
import { coreRule, isInTheFuture, type Messages } from "./shared.js"

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
    bg: "Поверителност",
    uk: "Конфіденційність"
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
    bg: "Нищо не може да бъде разкрито без валидното съгласие на човека за тази цел и този получател.",
    uk: "Нічого не можна розголошувати без чинної згоди людини для цієї мети та цього одержувача."
  },
  "principles.confidentiality.legalDutyIncomplete": {
    en: "A disclosure under a legal duty to report must name its legal ground and the worker who decided.",
    cs: "Sdělení na základě zákonné oznamovací povinnosti musí uvést právní důvod a pracovníka, který rozhodl.",
    lt:
      "Atskleidžiant informaciją pagal įstatymo nustatytą pareigą pranešti, būtina nurodyti teisinį pagrindą ir sprendimą priėmusį darbuotoją.",
    bg:
      "Разкриването поради законово задължение за уведомяване трябва да посочва правното основание и служителя, който е взел решението.",
    uk:
      "Розголошення через передбачений законом обов'язок повідомити має зазначати правову підставу та працівника, який ухвалив рішення."
  },
  "principles.confidentiality.legalDutyException": {
    en: "Disclosed without consent under a legal duty to report: this exception is recorded in the audit log.",
    cs:
      "Sděleno bez souhlasu na základě zákonné oznamovací povinnosti: tato výjimka se zaznamená do auditního záznamu.",
    lt: "Atskleista be sutikimo pagal įstatymo nustatytą pareigą pranešti: ši išimtis įrašoma į audito žurnalą.",
    bg:
      "Разкрито без съгласие поради законово задължение за уведомяване: това изключение се записва в одитния дневник.",
    uk:
      "Розголошено без згоди через передбачений законом обов'язок повідомити: цей виняток записується до журналу аудиту."
  },
  "principles.confidentiality.futureTime": {
    en: "A consent or disclosure cannot be dated in the future: it is recorded when it happens.",
    cs: "Souhlas ani sdělení nelze datovat do budoucnosti: zaznamenává se, když nastane.",
    lt: "Sutikimo ar atskleidimo negalima datuoti ateitimi: jis įrašomas tada, kai įvyksta.",
    bg: "Съгласие или разкриване не може да бъде датирано в бъдещето: записва се, когато се случи.",
    uk: "Згоду або розголошення не можна датувати майбутнім: їх записують тоді, коли вони відбуваються."
  },
  "principles.confidentiality.referralConsent": {
    en: "A referral needs the person's consent to be referred to this recipient.",
    cs: "Doporučení do jiné služby vyžaduje souhlas člověka s doporučením k tomuto příjemci.",
    lt: "Nukreipimui reikia žmogaus sutikimo būti nukreiptam pas šį gavėją.",
    bg: "Насочването изисква съгласието на човека да бъде насочен към този получател.",
    uk: "Для направлення потрібна згода людини на направлення до цього одержувача."
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
 * the person's, to authorise the disclosing service (recorded there, or naming it), and to cover
 * the disclosure's purpose and recipient both when it happens and now, when it is recorded (not
 * withdrawn, within its period): a disclosure cannot be backdated into an expired consent's old
 * window or past a withdrawal; otherwise it is denied. A disclosure under a legal duty must
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
        ? v.deny(
          "a legal duty needs its legal ground and the deciding worker",
          "principles.confidentiality.legalDutyIncomplete"
        )
        : v.warn("legal-duty exception: disclosed without consent", legalDutyExceptionKey)
    }
    const now = facts.now
    const consent = facts.consents.find((c) => c.id === basis.consentId)
    return consent !== undefined && consent.personId === disclosure.personId &&
        authorisesService(consent, disclosure.serviceId) &&
        // in force when the disclosure happened and when it is recorded, whatever date the
        // caller gives it (an expired or not-yet-valid consent never covers a disclosure now)
        covers(consent, disclosure.purpose, disclosure.recipient, disclosure.at) &&
        covers(consent, disclosure.purpose, disclosure.recipient, now)
      ? v.allow
      : v.deny("no valid consent for this purpose and recipient", "principles.confidentiality.noValidConsent")
  }
})

/**
 * A referral needs the consent it names to be the referred person's, for the purpose `referral`,
 * authorising the referring service, covering the recipient and in force now. A referral under a
 * legal duty must name the legal ground and the deciding worker, and is allowed with a `Warn`
 * that marks the exception for the audit log ({@link legalDutyExceptionKey}).
 *
 * @since 0.1.0
 * @category models
 */
export const referralConsent = coreRule({
  id: "confidentiality/referral-consent",
  principle: Confidentiality,
  appliesTo: ["Refer"],
  reads: ["consents", "now"],
  verdicts: ["Require", "Deny", "Warn"],
  description: "A referral needs the person's consent for the recipient, or a recorded legal duty.",
  check: (command, facts, v) => {
    const referral = command.referral
    const duty = referral.legalDuty
    if (duty !== undefined) {
      return duty.legalGround.trim().length === 0 || duty.decidedBy.trim().length === 0
        ? v.deny(
          "a legal duty needs its legal ground and the deciding worker",
          "principles.confidentiality.legalDutyIncomplete"
        )
        : v.warn("legal-duty exception: referred without consent", legalDutyExceptionKey)
    }
    const now = facts.now
    const consent = facts.consents.find((c) => c.id === referral.consentId)
    return consent !== undefined && consent.personId === referral.personId &&
        authorisesService(consent, referral.fromServiceId) && covers(consent, "referral", referral.to, now)
      ? v.allow
      : v.require(
        { kind: "consent", purpose: "referral", detail: "the person's consent to be referred to this recipient" },
        "principles.confidentiality.referralConsent"
      )
  }
})

/**
 * Consent and disclosure are recorded when they happen: a consent's `givenAt` and `validFrom`,
 * and a disclosure's `at`, may not lie in the future beyond the allowed clock skew (five
 * minutes). Otherwise a consent "given" next year could be withdrawn only next year, and a
 * disclosure could be dated into a window the caller picks.
 *
 * @since 0.2.0
 * @category models
 */
export const recordedWhenItHappens = coreRule({
  id: "confidentiality/recorded-when-it-happens",
  principle: Confidentiality,
  appliesTo: ["GiveConsent", "Disclose"],
  reads: ["now"],
  verdicts: ["Deny"],
  description: "Consent and disclosure cannot be dated in the future.",
  check: (command, facts, v) => {
    const times = command._tag === "GiveConsent"
      ? [command.consent.givenAt, command.consent.validFrom]
      : command._tag === "Disclose"
      ? [command.disclosure.at]
      : []
    return times.some((t) => isInTheFuture(t, facts.now))
      ? v.deny("a consent or disclosure cannot be dated in the future", "principles.confidentiality.futureTime")
      : v.allow
  }
})

/**
 * The rules of the confidentiality principle.
 *
 * @since 0.1.0
 * @category models
 */
export const confidentialityRules = [disclosureBasis, referralConsent, recordedWhenItHappens] as const
