import { describe, expect, it } from "@effect/vitest"
import { type AgeBand, type Command, type Facts, Registry, Service } from "@pomoc/core"
import { Person } from "@pomoc/core"
import {
  arbAgeBand,
  arbIdentifiedPerson,
  arbPersonFacts,
  arbPluginFacts,
  arbPseudonymousPerson,
  arbService,
  decoded
} from "@pomoc/core/testing"
import { Schema } from "effect"
import * as fc from "fast-check"
import { communityCentre, Rules } from "../src/index.js"
import { activity, inProgramme } from "./support.js"

const facts = arbPluginFacts(communityCentre)
const verdict = (rule: Rules.CommunityCentreRule<string>, command: Command.Command, f: Facts.Facts) =>
  Registry.scopedRule(communityCentre.id, rule).check(command, f, rule.verdict)._tag
const withBand = (f: Facts.Facts, person: Facts.PersonFacts, ageBand: AgeBand): Facts.Facts => ({
  ...f,
  person: { ...person, ageBand }
})
const noRange = (f: Facts.Facts): Facts.Facts => {
  const { ageRange: _, ...service } = f.service
  return { ...f, service }
}
const assess: Command.Command = { _tag: "AssessEligibility", serviceId: "cc" as never }

describe("community-centre/day-centre-age (eligibility)", () => {
  it("the children's day centre denies adults and toddlers, admits children; other programmes admit every age", () => {
    fc.assert(
      fc.property(facts, arbPersonFacts, arbAgeBand, (f, person, band) => {
        const dayCentre = noRange(inProgramme(f, "childrens-day-centre"))
        expect(verdict(Rules.dayCentreAge, assess, withBand(dayCentre, person, "27-64"))).toBe("Deny")
        expect(verdict(Rules.dayCentreAge, assess, withBand(dayCentre, person, "0-5"))).toBe("Deny")
        expect(verdict(Rules.dayCentreAge, assess, withBand(dayCentre, person, "11-14"))).toBe("Allow")
        expect(verdict(Rules.dayCentreAge, assess, withBand(dayCentre, person, "not-stated"))).toBe("Allow")
        expect(verdict(Rules.dayCentreAge, assess, withBand(noRange(inProgramme(f, "seniors")), person, band))).toBe(
          "Allow"
        )
        expect(
          verdict(
            Rules.dayCentreAge,
            assess,
            withBand(noRange(inProgramme(f, "childrens-day-centre", "street-work")), person, band)
          )
        ).toBe("Allow")
      }),
      { numRuns: 50 }
    )
  })
})

describe("community-centre/day-centre-free", () => {
  it("denies a fee in the children's day centre, allows a course fee elsewhere", () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 1, max: 100_000 }), (f, amount) => {
        const fee: Command.Command = {
          _tag: "ChargeFee",
          serviceId: "cc" as never,
          amountMinor: amount,
          currency: "EUR"
        }
        expect(verdict(Rules.dayCentreFree, fee, inProgramme(f, "childrens-day-centre"))).toBe("Deny")
        expect(verdict(Rules.dayCentreFree, fee, inProgramme(f, "general"))).toBe("Allow")
      }),
      { numRuns: 30 }
    )
  })
})

describe("community-centre/no-name-needed", () => {
  it("warns when open youth work registers a young person by name, not by nickname", () => {
    const identified = decoded(arbIdentifiedPerson, Person)
    const nicknamed = decoded(arbPseudonymousPerson, Person)
    fc.assert(
      fc.property(facts, identified, nicknamed, (f, named, nick) => {
        const register = (person: Person): Command.Command => ({ _tag: "RegisterPerson", person })
        expect(verdict(Rules.noNameNeeded, register(named), inProgramme(f, "open-youth-work"))).toBe("Warn")
        expect(verdict(Rules.noNameNeeded, register(named), inProgramme(f, "street-youth-work"))).toBe("Warn")
        expect(verdict(Rules.noNameNeeded, register(nick), inProgramme(f, "open-youth-work"))).toBe("Allow")
        expect(verdict(Rules.noNameNeeded, register(named), inProgramme(f, "seniors"))).toBe("Allow")
      }),
      { numRuns: 30 }
    )
  })
})

describe("community-centre/activity-topic-known", () => {
  it("warns on a topic the centre does not know (even one named like an object property)", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const record = (topic: string): Command.Command => ({ _tag: "RecordActivity", activity: activity({ topic }) })
        expect(verdict(Rules.activityTopicKnown, record("amateur-art-group"), inProgramme(f, "general"))).toBe("Allow")
        expect(verdict(Rules.activityTopicKnown, record("knitting-circle"), inProgramme(f, "general"))).toBe("Warn")
        expect(verdict(Rules.activityTopicKnown, record("constructor"), inProgramme(f, "general"))).toBe("Warn")
        expect(
          verdict(Rules.activityTopicKnown, record("knitting-circle"), inProgramme(f, "general", "debt-counselling"))
        ).toBe("Allow")
      }),
      { numRuns: 20 }
    )
  })
})

describe("community-centre/known-settings", () => {
  const service = decoded(arbService, Service)
  const register = (s: Service, config: Record<string, string>): Command.Command => ({
    _tag: "RegisterService",
    service: Schema.decodeUnknownSync(Service)({ ...Schema.encodeSync(Service)(s), type: "community-centre", config })
  })
  it("denies an unknown programme or funding source, allows known ones and none", () => {
    fc.assert(
      fc.property(facts, service, (f, s) => {
        expect(
          verdict(Rules.knownSettings, register(s, { programme: "childrens-day-centre", fundingSource: "eu-funds" }), f)
        ).toBe("Allow")
        expect(verdict(Rules.knownSettings, register(s, {}), f)).toBe("Allow")
        expect(verdict(Rules.knownSettings, register(s, { programme: "casino" }), f)).toBe("Deny")
        expect(verdict(Rules.knownSettings, register(s, { fundingSource: "toString" }), f)).toBe("Deny")
      }),
      { numRuns: 20 }
    )
  })
})
