/**
 * Independence: the service is provided "aby uživatel nebyl na službě závislý" (so that the user
 * does not become dependent on it). A warning, never a refusal: long use of a service without
 * plan progress is a reason to talk with the person, not to turn them away. Binds a service that
 * declares it.
 *
 * @since 0.1.0
 */
import { DateTime } from "effect"
import * as Principle from "../Principle.js"
import { binds, coreRule, type Messages } from "./shared.js"

/**
 * The independence principle.
 *
 * @since 0.1.0
 * @category models
 */
export const Independence = Principle.make({
  id: "independence",
  core: true,
  source: "seeds/000_ba94c08edc387484.txt, \"Dobrovolnost a nezávislost\"",
  labels: {
    en: "Independence",
    cs: "Nezávislost",
    lt: "Nepriklausomumas",
    bg: "Независимост",
    uk: "Незалежність"
  }
})

/**
 * The message keys of the independence rules with their labels.
 *
 * @since 0.1.0
 * @category models
 */
export const independenceMessages = {
  "principles.independence.longUseWithoutProgress": {
    en:
      "The person has used the service for a long time without progress in their plan: talk together about independence.",
    cs: "Člověk využívá službu dlouho bez pokroku v individuálním plánu: proberte spolu, jak posílit jeho nezávislost.",
    lt: "Žmogus ilgai naudojasi paslauga be pažangos savo plane: kartu aptarkite, kaip stiprinti jo savarankiškumą.",
    bg:
      "Човекът ползва услугата дълго време без напредък в плана си: обсъдете заедно как да се укрепи неговата независимост.",
    uk: "Людина довго користується послугою без поступу у своєму плані: обговоріть разом, як зміцнити її незалежність."
  }
} as const satisfies Messages

/**
 * The default number of months of cooperation after which the warning may appear
 * (service configuration `independenceWarningMonths`).
 *
 * @since 0.1.0
 * @category models
 */
export const defaultWarningMonths = 12

/**
 * The default number of months without plan progress that counts as no progress
 * (service configuration `independenceProgressMonths`).
 *
 * @since 0.1.0
 * @category models
 */
export const defaultProgressMonths = 6

const positiveNumber = (value: string | number | boolean | undefined, fallback: number): number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : fallback

/**
 * Warns on contacts, plan reviews and outcome measurements when an active cooperation has lasted
 * more than `independenceWarningMonths` (default 12) and the person's plan shows no progress
 * for `independenceProgressMonths` (default 6), or there is no plan at all.
 *
 * @since 0.1.0
 * @category models
 */
export const longUseWithoutProgress = coreRule({
  id: "independence/long-use-without-progress",
  principle: Independence,
  appliesTo: ["RecordContact", "ReviewPlan", "RecordOutcome"],
  reads: [
    "service.principles",
    "service.config.independenceWarningMonths",
    "service.config.independenceProgressMonths",
    "cooperation.active",
    "cooperation.months",
    "plan.lastProgressAt",
    "now"
  ],
  verdicts: ["Warn"],
  description: "Long use of the service without plan progress gets a warning.",
  check: (_command, facts, v) => {
    if (!binds(facts.service.principles, Independence.id)) return v.allow
    const cooperation = facts.cooperation
    if (cooperation === undefined || !cooperation.active) return v.allow
    const config = facts.service.config
    if (cooperation.months <= positiveNumber(config["independenceWarningMonths"], defaultWarningMonths)) return v.allow
    const lastProgressAt = facts.plan?.lastProgressAt
    if (lastProgressAt !== undefined) {
      const since = DateTime.subtract(facts.now, {
        months: positiveNumber(config["independenceProgressMonths"], defaultProgressMonths)
      })
      if (DateTime.isGreaterThanOrEqualTo(lastProgressAt, since)) return v.allow
    }
    return v.warn(
      "long cooperation without plan progress",
      "principles.independence.longUseWithoutProgress"
    )
  }
})

/**
 * The rules of the independence principle.
 *
 * @since 0.1.0
 * @category models
 */
export const independenceRules = [longUseWithoutProgress] as const
