/**
 * Legal grounds for a disclosure without consent (a legal duty to report), as codes from a list
 * per jurisdiction. Core ships a few; plugins (`Plugin.legalGrounds`) and applications
 * (`Pomoc.Config.legalGrounds`) add their own. A disclosure names the code; any free-text
 * explanation is personal (encrypted in the disclosure record, never in the audit log, which
 * keeps only the code).
 *
 * @example
 * ```ts
 * import { LegalGround } from "@pomoc/core"
 *
 * const grounds = LegalGround.index([...LegalGround.builtin, {
 *   code: "cz-local-court-order", jurisdiction: "CZ",
 *   labels: { en: "Court order", cs: "Soudní příkaz", lt: "Teismo nutartis", bg: "Съдебно разпореждане" }
 * }])
 * grounds.has("cz-359-1999-s10") // true
 * ```
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { Code, Labels } from "./Common.js"

/**
 * One legal ground: its code, the jurisdiction it belongs to (an ISO 3166-1 alpha-2 country, or
 * `EU` for Union law), and its labels.
 * @since 0.2.0
 * @category models
 */
export const LegalGroundDefinition = Schema.Struct({
  code: Code,
  jurisdiction: Schema.String.check(
    Schema.isPattern(/^[A-Z]{2}$/, { expected: "an ISO 3166-1 alpha-2 country code or EU" })
  ),
  labels: Labels
})
/**
 * @since 0.2.0
 * @category models
 */
export type LegalGroundDefinition = typeof LegalGroundDefinition.Type

/**
 * The legal grounds core knows.
 * @since 0.2.0
 * @category models
 */
export const builtin: ReadonlyArray<LegalGroundDefinition> = [
  {
    code: "cz-359-1999-s10",
    jurisdiction: "CZ",
    labels: {
      en: "Act 359/1999 Coll. on the social and legal protection of children, § 10 (duty to notify)",
      cs: "Zákon č. 359/1999 Sb., o sociálně-právní ochraně dětí, § 10 (oznamovací povinnost)",
      lt: "Įstatymas Nr. 359/1999 dėl vaikų socialinės ir teisinės apsaugos, § 10 (pareiga pranešti)",
      bg: "Закон № 359/1999 за социално-правната закрила на децата, § 10 (задължение за уведомяване)"
    }
  },
  {
    code: "cz-40-2009-s368",
    jurisdiction: "CZ",
    labels: {
      en: "Criminal Code (Act 40/2009 Coll.), § 368 (duty to report a crime)",
      cs: "Trestní zákoník (zákon č. 40/2009 Sb.), § 368 (oznamovací povinnost)",
      lt: "Baudžiamasis kodeksas (įstatymas Nr. 40/2009), § 368 (pareiga pranešti apie nusikaltimą)",
      bg: "Наказателен кодекс (Закон № 40/2009), § 368 (задължение за съобщаване)"
    }
  },
  {
    code: "lt-child-rights-protection",
    jurisdiction: "LT",
    labels: {
      en: "Law on the Fundamentals of Protection of the Rights of the Child (duty to report)",
      cs: "Zákon o základech ochrany práv dítěte (oznamovací povinnost)",
      lt: "Vaiko teisių apsaugos pagrindų įstatymas (pareiga pranešti)",
      bg: "Закон за основите на защитата на правата на детето (задължение за уведомяване)"
    }
  },
  {
    code: "bg-child-protection-act-art7",
    jurisdiction: "BG",
    labels: {
      en: "Child Protection Act, Art. 7 (duty to notify)",
      cs: "Zákon o ochraně dítěte, čl. 7 (oznamovací povinnost)",
      lt: "Vaiko apsaugos įstatymas, 7 str. (pareiga pranešti)",
      bg: "Закон за закрила на детето, чл. 7 (задължение за уведомяване)"
    }
  },
  {
    code: "eu-gdpr-vital-interests",
    jurisdiction: "EU",
    labels: {
      en: "GDPR Art. 6(1)(d): to protect the vital interests of the person or another",
      cs: "GDPR čl. 6 odst. 1 písm. d): ochrana životně důležitých zájmů",
      lt: "BDAR 6 str. 1 d. d p.: gyvybinių interesų apsauga",
      bg: "ОРЗД, чл. 6, пар. 1, буква г): защита на жизненоважни интереси"
    }
  },
  {
    code: "eu-court-order",
    jurisdiction: "EU",
    labels: {
      en: "An order of a court or a public authority",
      cs: "Rozhodnutí soudu nebo orgánu veřejné moci",
      lt: "Teismo ar valdžios institucijos sprendimas",
      bg: "Решение на съд или публичен орган"
    }
  }
]

/**
 * The known codes of a list of legal grounds; a code defined twice with different
 * jurisdictions is kept once (the first).
 * @since 0.2.0
 * @category constructors
 */
export const index = (grounds: ReadonlyArray<LegalGroundDefinition>): ReadonlyMap<string, LegalGroundDefinition> => {
  const known = new Map<string, LegalGroundDefinition>()
  for (const ground of grounds) if (!known.has(ground.code)) known.set(ground.code, ground)
  return known
}
