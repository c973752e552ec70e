/**
 * Unit tests of debt counselling's own rules, directly and through the registry's engine (core
 * rules plus the plugin's), with properties over age bands and situations.
 */
import { describe, expect, it } from "@effect/vitest"
import { type Command, CooperationId, type Facts, Registry } from "@pomoc/core"
import * as fc from "fast-check"
import { debtCounselling, Rules, Situation } from "../src/index.js"
import {
  addStep,
  ageBands,
  assessEligibility,
  chargeFee,
  debtPrinciples,
  debtService,
  decode,
  facts,
  otherService,
  personFacts,
  recordContact,
  recordOutcome,
  registerPerson,
  registerService,
  startCooperation
} from "./fixtures.js"

const verdictOf = (rule: Rules.DebtRule<string>, command: Command.Command, f: Facts.Facts) =>
  Registry.scopedRule(debtCounselling.id, rule).check(command, f, rule.verdict)._tag
const registry = Registry.makeUnsafe([debtCounselling])
const arbBand = fc.constantFrom(...ageBands)
const minors = new Set(["0-5", "6-10", "11-14", "15-17"])
const inDebt = Situation.toFacts({ debts: true, exclusion: ["unstable-housing"] })

describe("debt-counselling/adults-only (eligibility)", () => {
  it("denies every band under 18, warns on an unstated age, allows adults", () => {
    for (const band of ageBands) {
      const expected = minors.has(band) ? "Deny" : band === "not-stated" ? "Warn" : "Allow"
      expect([band, verdictOf(Rules.adultsOnly, assessEligibility, facts({ person: personFacts(band) }))]).toEqual([
        band,
        expected
      ])
    }
  })

  it("leaves other service types alone", () => {
    fc.assert(fc.property(arbBand, (band) => {
      expect(
        verdictOf(Rules.adultsOnly, assessEligibility, facts({ service: otherService, person: personFacts(band) }))
      ).toBe("Allow")
    }))
  })

  it("through the registry, a minor is denied with the rule named; an adult in debt is allowed", () => {
    const denied = registry.engine.check(assessEligibility, facts({ person: personFacts("15-17", inDebt) }))
    expect(denied._tag).toBe("Denied")
    if (denied._tag === "Denied") expect(denied.violations.map((v) => v.rule)).toContain("debt-counselling/adults-only")
    expect(registry.engine.check(assessEligibility, facts({ person: personFacts("18-20", inDebt) }))).toEqual({
      _tag: "Allowed",
      warnings: []
    })
  })
})

describe("debt-counselling/adults-only-on-registration", () => {
  it("denies registering or starting cooperation with a minor", () => {
    expect(verdictOf(Rules.adultsOnlyOnRegistration, registerPerson("15-17"), facts())).toBe("Deny")
    expect(verdictOf(Rules.adultsOnlyOnRegistration, startCooperation, facts({ person: personFacts("11-14") }))).toBe(
      "Deny"
    )
    expect(registry.engine.check(registerPerson("15-17"), facts())._tag).toBe("Denied")
  })

  it("allows adults and flags an unstated age", () => {
    expect(verdictOf(Rules.adultsOnlyOnRegistration, registerPerson("18-20"), facts())).toBe("Allow")
    expect(verdictOf(Rules.adultsOnlyOnRegistration, startCooperation, facts({ person: personFacts("65+") }))).toBe(
      "Allow"
    )
    expect(verdictOf(Rules.adultsOnlyOnRegistration, registerPerson("not-stated", "anonymous"), facts())).toBe("Warn")
  })

  it("property: denies exactly the minor bands, and only in debt counselling", () => {
    fc.assert(fc.property(arbBand, fc.boolean(), (band, debt) => {
      const f = facts({ service: debt ? debtService : otherService, person: personFacts(band) })
      expect(verdictOf(Rules.adultsOnlyOnRegistration, registerPerson(band), f) === "Deny").toBe(
        debt && minors.has(band)
      )
      expect(verdictOf(Rules.adultsOnlyOnRegistration, startCooperation, f) === "Deny").toBe(debt && minors.has(band))
    }))
  })
})

describe("debt-counselling/debt-situation (eligibility)", () => {
  it("denies a person assessed as not in debt", () => {
    const f = facts({
      person: personFacts("27-64", Situation.toFacts({ debts: false, exclusion: ["unstable-housing"] }))
    })
    expect(verdictOf(Rules.debtSituation, assessEligibility, f)).toBe("Deny")
  })

  it("warns when no other kind of social exclusion is recorded, allows when one is", () => {
    const noExclusion = facts({ person: personFacts("27-64", Situation.toFacts({ debts: true, exclusion: [] })) })
    expect(verdictOf(Rules.debtSituation, assessEligibility, noExclusion)).toBe("Warn")
    for (const kind of Situation.exclusionKinds) {
      const f = facts({ person: personFacts("27-64", Situation.toFacts({ debts: true, exclusion: [kind] })) })
      expect([kind, verdictOf(Rules.debtSituation, assessEligibility, f)]).toEqual([kind, "Allow"])
    }
  })

  it("allows a situation not yet assessed", () => {
    expect(verdictOf(Rules.debtSituation, assessEligibility, facts({ person: personFacts("27-64", {}) }))).toBe("Allow")
  })

  it("property: the verdict depends only on the debt situation, never on protected attributes", () => {
    const arbSituation = fc.record({ debts: fc.boolean(), exclusion: fc.subarray([...Situation.exclusionKinds]) })
    fc.assert(
      fc.property(
        arbSituation,
        fc.string(),
        fc.constantFrom("female", "male", "other", "not-stated" as const),
        (situation, faith, gender) => {
          const base = personFacts("27-64", Situation.toFacts(situation))
          const varied = { ...base, gender, protected: { faith, ethnicity: faith } }
          const verdict = verdictOf(Rules.debtSituation, assessEligibility, facts({ person: base }))
          expect(verdictOf(Rules.debtSituation, assessEligibility, facts({ person: varied }))).toBe(verdict)
          expect(verdict).toBe(!situation.debts ? "Deny" : situation.exclusion.length === 0 ? "Warn" : "Allow")
        }
      )
    )
  })
})

describe("debt-counselling/client-takes-steps (active cooperation)", () => {
  const withPlan = (stepsByPerson: number) =>
    facts({ plan: { goals: 1, achievedGoals: 0, stepsByPerson, stepsDone: 0 } })

  it("denies a counsellor's step while the client takes none", () => {
    expect(verdictOf(Rules.clientTakesSteps, addStep("worker"), withPlan(0))).toBe("Deny")
    expect(verdictOf(Rules.clientTakesSteps, addStep("other"), withPlan(0))).toBe("Deny")
    expect(verdictOf(Rules.clientTakesSteps, addStep("worker"), facts())).toBe("Deny")
    const decision = registry.engine.check(addStep("worker"), withPlan(0))
    expect(decision._tag).toBe("Denied")
  })

  it("allows the client's own steps, and the counsellor's once the client takes steps", () => {
    expect(verdictOf(Rules.clientTakesSteps, addStep("person"), withPlan(0))).toBe("Allow")
    expect(verdictOf(Rules.clientTakesSteps, addStep("together"), withPlan(0))).toBe("Allow")
    expect(verdictOf(Rules.clientTakesSteps, addStep("worker"), withPlan(2))).toBe("Allow")
    expect(verdictOf(Rules.clientTakesSteps, addStep("worker"), { ...withPlan(0), service: otherService })).toBe(
      "Allow"
    )
  })
})

describe("debt-counselling/no-fee and principles-declared", () => {
  it("denies any fee, even for a service not marked free", () => {
    const notFree = facts({ service: { ...debtService, freeOfCharge: false, principles: [] } })
    expect(verdictOf(Rules.noFee, chargeFee(10_000), notFree)).toBe("Deny")
    expect(registry.engine.check(chargeFee(1), notFree)._tag).toBe("Denied")
    expect(verdictOf(Rules.noFee, chargeFee(0), facts())).toBe("Allow")
    expect(verdictOf(Rules.noFee, chargeFee(100), facts({ service: otherService }))).toBe("Allow")
  })

  it("denies registering a service that is not free or leaves out one of the seven principles", () => {
    expect(verdictOf(Rules.principlesDeclared, registerService(debtPrinciples), facts())).toBe("Allow")
    expect(verdictOf(Rules.principlesDeclared, registerService(debtPrinciples, false), facts())).toBe("Deny")
    for (const left of debtPrinciples) {
      expect([
        left,
        verdictOf(Rules.principlesDeclared, registerService(debtPrinciples.filter((p) => p !== left)), facts())
      ]).toEqual([left, "Deny"])
    }
    const centre = facts({ service: { ...otherService, type: "community-centre" } })
    expect(verdictOf(Rules.principlesDeclared, registerService([], false, "community-centre"), centre)).toBe("Allow")
  })
})

describe("debt-counselling/assessed-with-client (empowerment)", () => {
  it("denies a competence or orientation measurement without the client", () => {
    expect(verdictOf(Rules.assessedWithClient, recordOutcome("competent-and-active", false), facts())).toBe("Deny")
    expect(verdictOf(Rules.assessedWithClient, recordOutcome("oriented-for-future", false), facts())).toBe("Deny")
  })

  it("allows them with the client, and other indicators either way", () => {
    expect(verdictOf(Rules.assessedWithClient, recordOutcome("competent-and-active", true), facts())).toBe("Allow")
    expect(verdictOf(Rules.assessedWithClient, recordOutcome("uses-further-help", false), facts())).toBe("Allow")
  })
})

describe("debt-counselling/individual-recipient (individual approach)", () => {
  it("warns when individual counselling is recorded as a group contact", () => {
    expect(verdictOf(Rules.individualRecipient, recordContact(["debt-analysis"], "group"), facts())).toBe("Warn")
    expect(verdictOf(Rules.individualRecipient, recordContact(["debt-analysis"], "individual"), facts())).toBe("Allow")
    expect(verdictOf(Rules.individualRecipient, recordContact(["financial-literacy"], "group"), facts())).toBe("Allow")
  })
})

describe("voluntariness stays with the core", () => {
  it("ending cooperation is allowed whatever the plugin's rules", () => {
    const end: Command.Command = {
      _tag: "EndCooperation",
      cooperationId: decode(CooperationId, "coop-1"),
      endedBy: "person"
    }
    fc.assert(fc.property(arbBand, (band) => {
      expect(registry.engine.check(end, facts({ person: personFacts(band) }))._tag).toBe("Allowed")
    }))
  })
})

describe("messages", () => {
  it("every message key a rule can use has a label in en, cs, lt and bg", () => {
    for (const [key, text] of Object.entries(Rules.messages)) {
      for (const language of ["en", "cs", "lt", "bg"] as const) {
        expect([key, language, text[language].trim().length > 0]).toEqual([key, language, true])
      }
    }
  })
})
