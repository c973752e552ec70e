/**
 * Respect for uniqueness: "naše pomoc vychází z individuálně určených potřeb" (our help starts
 * from individually determined needs). Needs are recorded per person, never inferred from a
 * group the person belongs to. Binds every service: the individual approach of
 * seeds/002 says the same ("kritériem poskytnutí služby je individuální potřeba (nikoliv tzv.
 * skupinová příslušnost)": need, not group membership, decides).
 *
 * @since 0.1.0
 */
import * as Principle from "../Principle.js"
import { coreRule, type Messages } from "./shared.js"

/**
 * The respect-for-uniqueness principle.
 *
 * @since 0.1.0
 * @category models
 */
export const RespectForUniqueness = Principle.make({
  id: "respect-for-uniqueness",
  core: true,
  source: "seeds/000_ba94c08edc387484.txt, \"Respektování jedinečnosti člověka\"",
  labels: {
    en: "Respect for uniqueness",
    cs: "Respektování jedinečnosti člověka",
    lt: "Pagarba žmogaus unikalumui",
    bg: "Зачитане на уникалността на човека",
    uk: "Повага до унікальності"
  }
})

/**
 * The message keys of the respect-for-uniqueness rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const respectForUniquenessMessages = {
  "principles.respectForUniqueness.inferredFromGroup": {
    en: "Needs are determined with each person, never inferred from a group they belong to.",
    cs: "Potřeby se určují individuálně s každým člověkem, nikdy se neodvozují od skupiny, do které patří.",
    lt:
      "Poreikiai nustatomi su kiekvienu žmogumi individualiai, niekada nesprendžiami pagal grupę, kuriai jis priklauso.",
    bg: "Потребностите се определят с всеки човек поотделно и никога не се извеждат от групата, към която принадлежи.",
    uk: "Потреби визначають із кожною людиною, ніколи не виводять їх із групи, до якої вона належить."
  }
} as const satisfies Messages

/**
 * Recording a need inferred from group membership is denied.
 *
 * @since 0.1.0
 * @category models
 */
export const needsPerPerson = coreRule({
  id: "respect-for-uniqueness/needs-per-person",
  principle: RespectForUniqueness,
  appliesTo: ["RecordNeed"],
  reads: [],
  verdicts: ["Deny"],
  description: "Needs are recorded per person, never inferred from a group.",
  check: (command, _facts, v) =>
    command.source === "group-membership"
      ? v.deny("a need cannot be inferred from group membership", "principles.respectForUniqueness.inferredFromGroup")
      : v.allow
})

/**
 * The rules of the respect-for-uniqueness principle.
 *
 * @since 0.1.0
 * @category models
 */
export const respectForUniquenessRules = [needsPerPerson] as const
