/**
 * A small command union and facts for the engine's tests: the engine is generic, so it is
 * tested on its own miniature of the domain.
 */
import { defineRule, Principle } from "../../src/principles/index.js"

export type Command =
  | { readonly _tag: "RegisterPerson"; readonly nickname: string }
  | { readonly _tag: "EndCooperation"; readonly reason?: string }
  | { readonly _tag: "ChargeFee"; readonly amount: number }
  | { readonly _tag: "Disclose"; readonly purpose: string; readonly recipient: string }

export type Tag = Command["_tag"]

export const tags: ReadonlyArray<Tag> = ["RegisterPerson", "EndCooperation", "ChargeFee", "Disclose"]

export const sampleCommand: { readonly [K in Tag]: Extract<Command, { readonly _tag: K }> } = {
  RegisterPerson: { _tag: "RegisterPerson", nickname: "Fox" },
  EndCooperation: { _tag: "EndCooperation" },
  ChargeFee: { _tag: "ChargeFee", amount: 10 },
  Disclose: { _tag: "Disclose", purpose: "referral", recipient: "org-1" }
}

export interface Facts {
  readonly person: {
    readonly ageBand: "child" | "youth" | "adult"
    readonly gender?: string
    readonly consents: ReadonlyArray<{ readonly purpose: string; readonly recipient: string }>
  }
  readonly service: { readonly type: string; readonly freeOfCharge: boolean; readonly minimumAge: number }
  readonly actor: { readonly role: string }
  readonly switches: ReadonlyArray<number>
}

export const labels = (en: string) => ({ en, cs: en, lt: en, bg: en })

export const Voluntariness = Principle.make({ id: "voluntariness", core: true, labels: labels("Voluntariness") })
export const FreeOfCharge = Principle.make({ id: "free-of-charge", core: true, labels: labels("Free of charge") })
export const Confidentiality = Principle.make({ id: "confidentiality", core: true, labels: labels("Confidentiality") })
export const PluginPrinciple = Principle.make({ id: "plugin-house-rules", labels: labels("House rules") })

export const rule = defineRule<Command, Facts>()

export const noFee = rule({
  id: "free-of-charge/no-fee",
  principle: FreeOfCharge,
  appliesTo: ["ChargeFee"],
  reads: ["service.freeOfCharge"],
  verdicts: ["Deny"],
  check: (command, facts, v) =>
    facts.service.freeOfCharge && command.amount > 0
      ? v.deny("the service is free of charge", "principles.freeOfCharge.fee")
      : v.allow
})

export const consentToDisclose = rule({
  id: "confidentiality/consent",
  principle: Confidentiality,
  appliesTo: ["Disclose"],
  reads: ["person.consents"],
  verdicts: ["Require"],
  check: (command, facts, v) =>
    facts.person.consents.some((c) => c.purpose === command.purpose && c.recipient === command.recipient)
      ? v.allow
      : v.require(
        { kind: "consent", purpose: command.purpose, detail: "consent of the person for this recipient" },
        "principles.confidentiality.consent"
      )
})

export const adultsOnly = rule({
  id: "plugin/adults-only",
  principle: PluginPrinciple,
  appliesTo: ["RegisterPerson"],
  reads: ["person.ageBand", "service.minimumAge"],
  verdicts: ["Deny", "Warn"],
  check: (_command, facts, v) =>
    facts.service.minimumAge >= 18 && facts.person.ageBand !== "adult"
      ? v.deny("the service is for adults", "plugin.adultsOnly")
      : facts.person.ageBand === "youth"
      ? v.warn("young adult: check the age", "plugin.youth")
      : v.allow
})

export const farewell = rule({
  id: "voluntariness/farewell-advice",
  principle: Voluntariness,
  appliesTo: ["EndCooperation"],
  reads: [],
  verdicts: ["Warn"],
  check: (
    command,
    _facts,
    v
  ) => (command.reason === undefined
    ? v.allow
    : v.warn("a reason is never needed", "principles.voluntariness.noReason"))
})

export const builtIn = [noFee, consentToDisclose, adultsOnly, farewell]

export const endCooperationIsFree = {
  commandTag: "EndCooperation",
  forbid: ["Deny", "Require"],
  principle: "voluntariness"
} as const

/** Deep-freezes a value, so a rule that writes to its facts throws. */
export const deepFreeze = <A>(value: A): A => {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  }
  return value
}

export const baseFacts: Facts = deepFreeze({
  person: { ageBand: "youth", consents: [{ purpose: "referral", recipient: "org-1" }] },
  service: { type: "low-threshold-club", freeOfCharge: true, minimumAge: 6 },
  actor: { role: "worker" },
  switches: []
})
