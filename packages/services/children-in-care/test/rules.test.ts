import { describe, expect, it } from "@effect/vitest"
import { type AgeBand, type Command, type Facts, Registry } from "@pomoc/core"
import { arbPersonFacts, arbPluginFacts } from "@pomoc/core/testing"
import * as fc from "fast-check"
import { childrenInCare, Rules } from "../src/index.js"
import { activity, withService } from "./support.js"

const facts = arbPluginFacts(childrenInCare)
const verdict = (rule: Rules.ChildrenInCareRule<string>, command: Command.Command, f: Facts.Facts) =>
  Registry.scopedRule(childrenInCare.id, rule).check(command, f, rule.verdict)._tag
const assess: Command.Command = { _tag: "AssessEligibility", serviceId: "cic" as never }
const noRange = (f: Facts.Facts): Facts.Facts => {
  const { ageRange: _, ...service } = f.service
  return { ...f, service }
}
const withPerson = (f: Facts.Facts, person: Facts.PersonFacts, changes: Partial<Facts.PersonFacts>): Facts.Facts => ({
  ...f,
  person: { ...person, ...changes }
})

describe("children-in-care/target-age (eligibility)", () => {
  it("denies a band wholly outside 6–26 and allows one inside; a plugin for 15–26 denies 11–14, one for 12–26 warns on it", () => {
    const from15 = Rules.makeRules({ min: 15, max: 26 })
    const from12 = Rules.makeRules({ min: 12, max: 26 })
    fc.assert(
      fc.property(facts, arbPersonFacts, (f, person) => {
        const base = noRange(f)
        const band = (ageBand: AgeBand) => withPerson(base, person, { ageBand })
        expect(verdict(Rules.rules.targetAge, assess, band("0-5"))).toBe("Deny")
        expect(verdict(Rules.rules.targetAge, assess, band("27-64"))).toBe("Deny")
        expect(verdict(Rules.rules.targetAge, assess, band("15-17"))).toBe("Allow")
        expect(verdict(from15.targetAge, assess, band("11-14"))).toBe("Deny")
        expect(verdict(from12.targetAge, assess, band("11-14"))).toBe("Warn")
        expect(verdict(Rules.rules.targetAge, assess, withService(band("0-5"), "street-work"))).toBe("Allow")
      }),
      { numRuns: 50 }
    )
  })
})

describe("children-in-care/in-care (eligibility)", () => {
  it("denies a person not in care who has not left care; allows those in care, care leavers and an unknown situation", () => {
    fc.assert(
      fc.property(facts, arbPersonFacts, (f, person) => {
        const situation = (s: Facts.PersonFacts["situation"]) => withPerson(f, person, { situation: s })
        expect(verdict(Rules.rules.inCare, assess, situation({ inCare: false }))).toBe("Deny")
        expect(verdict(Rules.rules.inCare, assess, situation({ inCare: false, careSetting: "care-leaver" }))).toBe(
          "Allow"
        )
        expect(verdict(Rules.rules.inCare, assess, situation({ inCare: true, careSetting: "foster" }))).toBe("Allow")
        expect(verdict(Rules.rules.inCare, assess, situation({}))).toBe("Allow")
        expect(verdict(Rules.rules.inCare, assess, withService(situation({ inCare: false }), "community-centre"))).toBe(
          "Allow"
        )
      }),
      { numRuns: 50 }
    )
  })
})

describe("children-in-care/needs-analysis-first", () => {
  it("warns on a plan for a person without recorded needs", () => {
    const plan = { _tag: "CreatePlan" } as unknown as Command.Command
    fc.assert(
      fc.property(facts, arbPersonFacts, (f, person) => {
        expect(verdict(Rules.rules.needsAnalysisFirst, plan, withPerson(f, person, { needs: [] }))).toBe("Warn")
        expect(verdict(Rules.rules.needsAnalysisFirst, plan, withPerson(f, person, { needs: ["career-prospects"] })))
          .toBe("Allow")
      }),
      { numRuns: 30 }
    )
  })
})

describe("children-in-care/staff-training", () => {
  it("warns when a training for care staff is not marked for external staff or has another audience", () => {
    const record = (fields: Parameters<typeof activity>[0]): Command.Command => ({
      _tag: "RecordActivity",
      activity: activity(fields)
    })
    fc.assert(
      fc.property(facts, (f) => {
        expect(
          verdict(
            Rules.rules.staffTraining,
            record({ topic: "care-staff-training", forExternalStaff: true, audience: "staff" }),
            f
          )
        ).toBe("Allow")
        expect(
          verdict(
            Rules.rules.staffTraining,
            record({ topic: "care-staff-training", forExternalStaff: false, audience: "staff" }),
            f
          )
        ).toBe("Warn")
        expect(
          verdict(
            Rules.rules.staffTraining,
            record({ topic: "care-staff-training", forExternalStaff: true, audience: "youth" }),
            f
          )
        ).toBe("Warn")
        expect(verdict(Rules.rules.staffTraining, record({ topic: "group-training" }), f)).toBe("Allow")
      }),
      { numRuns: 30 }
    )
  })
})

describe("children-in-care/no-fee", () => {
  it("denies any fee", () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 1, max: 1_000_000 }), (f, amount) => {
        const fee: Command.Command = {
          _tag: "ChargeFee",
          serviceId: "cic" as never,
          amountMinor: amount,
          currency: "BGN"
        }
        expect(verdict(Rules.rules.noFee, fee, f)).toBe("Deny")
        expect(verdict(Rules.rules.noFee, { ...fee, amountMinor: 0 }, f)).toBe("Allow")
      }),
      { numRuns: 30 }
    )
  })
})
