/**
 * Unit tests of the club's own rules, directly and through the registry's engine (core rules
 * plus the plugin's), with properties over every age band.
 */
import { describe, expect, it } from "@effect/vitest"
import { AgeBand, type Command, type Facts, Registry } from "@pomoc/core"
import * as fc from "fast-check"
import { LowThresholdClub, lowThresholdClub, Rules } from "../src/index.js"
import {
  ageBands,
  assessEligibility,
  chargeFee,
  clubPrinciples,
  clubService,
  facts,
  personFacts,
  registerPerson,
  registerService,
  startCooperation
} from "./fixtures.js"

const { rules } = Rules
const verdictOf = (rule: Rules.ClubRule<string>, command: Command.Command, f: Facts.Facts) =>
  Registry.scopedRule(lowThresholdClub.id, rule).check(command, f, rule.verdict)._tag
const registry = Registry.makeUnsafe([lowThresholdClub])
const otherType = { ...clubService, type: "debt-counselling" }
const arbBand = fc.constantFrom(...ageBands)

describe("low-threshold-club/target-age (eligibility)", () => {
  it("denies a band outside 6–26 and allows one inside or unstated (no band straddles 6–26)", () => {
    const expected = {
      "0-5": "Deny",
      "6-10": "Allow",
      "11-14": "Allow",
      "15-17": "Allow",
      "18-20": "Allow",
      "21-26": "Allow",
      "27-64": "Deny",
      "65+": "Deny",
      "not-stated": "Allow"
    } as const
    for (const band of ageBands) {
      expect([band, verdictOf(rules.targetAge, assessEligibility, facts({ person: personFacts(band) }))]).toEqual([
        band,
        expected[band]
      ])
    }
  })

  it("a service's own age range is left to the core rule, which decides through the registry", () => {
    const f = facts({ service: { ...clubService, ageRange: { min: 6, max: 15 } }, person: personFacts("21-26") })
    expect(verdictOf(rules.targetAge, assessEligibility, f)).toBe("Allow")
    const decision = registry.engine.check(assessEligibility, f)
    expect(decision._tag).toBe("Denied")
  })

  it("a club made with another default range uses it", () => {
    const club = LowThresholdClub.make({ ageRange: { min: 6, max: 15 } })
    const targetAge = club.eligibility[0]
    expect(verdictOf(targetAge, assessEligibility, facts({ person: personFacts("15-17") }))).toBe("Warn")
    expect(verdictOf(targetAge, assessEligibility, facts({ person: personFacts("18-20") }))).toBe("Deny")
    expect(verdictOf(targetAge, assessEligibility, facts({ person: personFacts("11-14") }))).toBe("Allow")
  })

  it("property: denies exactly the bands wholly outside the default range, and only for clubs", () => {
    fc.assert(fc.property(arbBand, fc.boolean(), (band, club) => {
      const years = AgeBand.years[band]
      const outside = years !== undefined && (years[1] < 6 || years[0] > 26)
      const verdict = verdictOf(
        rules.targetAge,
        assessEligibility,
        facts({ service: club ? clubService : otherType, person: personFacts(band) })
      )
      expect(verdict === "Deny").toBe(club && outside)
    }))
  })

  it("through the registry, an out-of-range band is denied with the rule named", () => {
    const decision = registry.engine.check(assessEligibility, facts({ person: personFacts("27-64") }))
    expect(decision._tag).toBe("Denied")
    if (decision._tag === "Denied") {
      expect(decision.violations.map((v) => v.rule)).toContain("low-threshold-club/target-age")
    }
    expect(registry.engine.check(assessEligibility, facts({ person: personFacts("11-14") }))._tag).toBe("Allowed")
  })
})

describe("low-threshold-club/age-on-registration", () => {
  it("warns when a person registered or starting cooperation is outside the target age, never denies", () => {
    expect(verdictOf(rules.ageOnRegistration, registerPerson("pseudonymous", "27-64"), facts())).toBe("Warn")
    expect(verdictOf(rules.ageOnRegistration, registerPerson("pseudonymous", "15-17"), facts())).toBe("Allow")
    expect(verdictOf(rules.ageOnRegistration, startCooperation, facts({ person: personFacts("65+") }))).toBe("Warn")
    expect(verdictOf(rules.ageOnRegistration, startCooperation, facts({ person: personFacts("6-10") }))).toBe("Allow")
    expect(verdictOf(rules.ageOnRegistration, registerPerson("anonymous", "27-64"), facts({ service: otherType })))
      .toBe("Allow")
  })

  it("property: never denies registration (a low-threshold club turns nobody away)", () => {
    fc.assert(
      fc.property(arbBand, fc.constantFrom("anonymous", "pseudonymous", "identified" as const), (band, level) => {
        expect(verdictOf(rules.ageOnRegistration, registerPerson(level, band), facts())).not.toBe("Deny")
        expect(
          registry.engine.check(registerPerson(level === "identified" ? "pseudonymous" : level, band), facts())._tag
        ).toBe("Allowed")
      })
    )
  })
})

describe("low-threshold-club/no-financial-barrier", () => {
  it("denies any fee in a club, even one not marked free of charge", () => {
    const notFree = facts({ service: { ...clubService, freeOfCharge: false, principles: [] } })
    expect(verdictOf(rules.noFinancialBarrier, chargeFee(5000), notFree)).toBe("Deny")
    const decision = registry.engine.check(chargeFee(1), notFree)
    expect(decision._tag).toBe("Denied")
    if (decision._tag === "Denied") expect(decision.violations[0].principle).toBe("low-threshold")
  })

  it("allows a zero amount and other service types", () => {
    expect(verdictOf(rules.noFinancialBarrier, chargeFee(0), facts())).toBe("Allow")
    expect(verdictOf(rules.noFinancialBarrier, chargeFee(5000), facts({ service: otherType }))).toBe("Allow")
  })
})

describe("low-threshold-club/nickname-suffices", () => {
  it("warns when a young person is registered identified, not when anonymous or nicknamed", () => {
    expect(verdictOf(rules.nicknameSuffices, registerPerson("identified"), facts())).toBe("Warn")
    expect(verdictOf(rules.nicknameSuffices, registerPerson("pseudonymous"), facts())).toBe("Allow")
    expect(verdictOf(rules.nicknameSuffices, registerPerson("anonymous"), facts())).toBe("Allow")
    expect(verdictOf(rules.nicknameSuffices, registerPerson("identified"), facts({ service: otherType }))).toBe("Allow")
  })
})

describe("low-threshold-club/principles-declared", () => {
  it("allows a club declaring all its principles, denies one that leaves any out", () => {
    expect(verdictOf(rules.principlesDeclared, registerService("low-threshold-club", clubPrinciples), facts())).toBe(
      "Allow"
    )
    for (const left of clubPrinciples) {
      const command = registerService("low-threshold-club", clubPrinciples.filter((p) => p !== left))
      expect([left, verdictOf(rules.principlesDeclared, command, facts())]).toEqual([left, "Deny"])
    }
    // The pipeline judges a service being registered with facts of that service, so of its type.
    const streetWorkFacts = { ...facts(), service: { ...facts().service, type: "street-work" } }
    expect(verdictOf(rules.principlesDeclared, registerService("street-work", []), streetWorkFacts)).toBe("Allow")
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
