import { describe, expect, it } from "@effect/vitest"
import { type AgeBand, type Command, type Facts, Registry, Service } from "@pomoc/core"
import { arbAgeBand, arbPersonFacts, arbPluginFacts, arbService, decoded } from "@pomoc/core/testing"
import { Schema } from "effect"
import * as fc from "fast-check"
import { Rules, streetWork } from "../src/index.js"
import { contact, withService } from "./support.js"

const facts = arbPluginFacts(streetWork)
const withBand = (f: Facts.Facts, person: Facts.PersonFacts, ageBand: AgeBand): Facts.Facts => ({
  ...f,
  person: { ...person, ageBand }
})
const check = <C extends Command.Command>(rule: Rules.StreetWorkRule<string>, command: C, f: Facts.Facts) =>
  Registry.scopedRule(streetWork.id, rule).check(command, f, rule.verdict)._tag
const record = (fields: Parameters<typeof contact>[0]): Command.Command => ({
  _tag: "RecordContact",
  contact: contact(fields)
})

describe("street-work/target-age (eligibility)", () => {
  const { targetAge } = Rules.rules
  const assess: Command.Command = { _tag: "AssessEligibility", serviceId: "sw" as never }
  const noRange = (f: Facts.Facts): Facts.Facts => {
    const { ageRange: _, ...service } = f.service
    return { ...f, service }
  }

  it("denies a band wholly outside 11–26, allows one inside", () => {
    fc.assert(
      fc.property(facts, arbPersonFacts, (f, person) => {
        const base = noRange(f)
        expect(check(targetAge, assess, withBand(base, person, "0-5"))).toBe("Deny")
        expect(check(targetAge, assess, withBand(base, person, "65+"))).toBe("Deny")
        expect(check(targetAge, assess, withBand(base, person, "6-10"))).toBe("Deny")
        expect(check(targetAge, assess, withBand(base, person, "15-17"))).toBe("Allow")
        expect(check(targetAge, assess, withBand(base, person, "not-stated"))).toBe("Allow")
      }),
      { numRuns: 50 }
    )
  })

  it("leaves services with their own age range, and other service types, alone", () => {
    fc.assert(
      fc.property(facts, arbPersonFacts, arbAgeBand, (f, person, band) => {
        const own = { ...f, service: { ...f.service, ageRange: { min: 0, max: 150 } } }
        expect(check(targetAge, assess, withBand(own, person, band))).toBe("Allow")
        expect(check(targetAge, assess, withBand(withService(noRange(f), "debt-counselling"), person, band))).toBe(
          "Allow"
        )
      }),
      { numRuns: 50 }
    )
  })

  it("a plugin made for 15–26 denies 11–14; one for 13–26 warns on it (partly outside)", () => {
    const rules = Rules.makeRules({ min: 15, max: 26 })
    const from13 = Rules.makeRules({ min: 13, max: 26 })
    fc.assert(
      fc.property(facts, arbPersonFacts, (f, person) => {
        expect(check(rules.targetAge, assess, withBand(noRange(f), person, "11-14"))).toBe("Deny")
        expect(check(from13.targetAge, assess, withBand(noRange(f), person, "11-14"))).toBe("Warn")
      }),
      { numRuns: 20 }
    )
  })
})

describe("first-contact rules", () => {
  const { firstContactChannel, firstContactPlace, firstHeardOnFirstContact, lanPartyAge } = Rules.rules

  it("denies \"had not known the service\" on a contact that is not a first contact, allows it on a first contact", () => {
    fc.assert(
      fc.property(facts, (f) => {
        expect(check(firstHeardOnFirstContact, record({ interventions: ["first-heard-of-service"] }), f)).toBe("Deny")
        expect(
          check(
            firstHeardOnFirstContact,
            record({ interventions: ["first-heard-of-service"], firstContact: true, firstContactChannel: "lan-party" }),
            f
          )
        ).toBe("Allow")
        expect(check(firstHeardOnFirstContact, record({ interventions: ["conversation"] }), f)).toBe("Allow")
        expect(
          check(
            firstHeardOnFirstContact,
            record({ interventions: ["first-heard-of-service"] }),
            withService(f, "low-threshold-club")
          )
        ).toBe("Allow")
      }),
      { numRuns: 30 }
    )
  })

  it("warns on a first contact without its way of first contact", () => {
    fc.assert(
      fc.property(facts, (f) => {
        expect(check(firstContactChannel, record({ firstContact: true }), f)).toBe("Warn")
        expect(check(firstContactChannel, record({ firstContact: true, firstContactChannel: "street-work" }), f)).toBe(
          "Allow"
        )
        expect(check(firstContactChannel, record({}), f)).toBe("Allow")
      }),
      { numRuns: 30 }
    )
  })

  it("warns when the place does not match the way of first contact", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const school = { firstContact: true, firstContactChannel: "school-streetwork" } as const
        expect(check(firstContactPlace, record({ ...school, locationKind: "school" }), f)).toBe("Allow")
        expect(check(firstContactPlace, record({ ...school, locationKind: "shopping-centre" }), f)).toBe("Warn")
        expect(
          check(
            firstContactPlace,
            record({
              firstContact: true,
              firstContactChannel: "social-media-profile",
              locationKind: "online-platform"
            }),
            f
          )
        ).toBe("Allow")
        expect(
          check(
            firstContactPlace,
            record({ firstContact: true, firstContactChannel: "other", locationKind: "office" }),
            f
          )
        ).toBe("Allow")
      }),
      { numRuns: 30 }
    )
  })

  it("warns on a LAN party first contact with someone wholly outside 11–16", () => {
    const lan = record({ firstContact: true, firstContactChannel: "lan-party", locationKind: "event-venue" })
    fc.assert(
      fc.property(facts, arbPersonFacts, (f, person) => {
        expect(check(lanPartyAge, lan, withBand(f, person, "21-26"))).toBe("Warn")
        expect(check(lanPartyAge, lan, withBand(f, person, "11-14"))).toBe("Allow")
        expect(check(lanPartyAge, lan, withBand(f, person, "15-17"))).toBe("Allow")
        expect(
          check(
            lanPartyAge,
            record({ firstContact: true, firstContactChannel: "street-work" }),
            withBand(f, person, "21-26")
          )
        ).toBe("Allow")
      }),
      { numRuns: 30 }
    )
  })
})

describe("street-work/no-fee", () => {
  it("denies any fee, whatever the service's configuration", () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 1, max: 1_000_000 }), (f, amount) => {
        const fee: Command.Command = {
          _tag: "ChargeFee",
          serviceId: "sw" as never,
          amountMinor: amount,
          currency: "CZK"
        }
        expect(check(Rules.rules.noFee, fee, f)).toBe("Deny")
        expect(check(Rules.rules.noFee, { ...fee, amountMinor: 0 }, f)).toBe("Allow")
        expect(check(Rules.rules.noFee, fee, withService(f, "debt-counselling"))).toBe("Allow")
      }),
      { numRuns: 30 }
    )
  })
})

describe("the registry's engine", () => {
  it("lists every rule of the plugin under the outreach principle or a core one", () => {
    const principles = new Set<string>(streetWork.principles)
    for (const rule of [...streetWork.rules, ...streetWork.eligibility]) {
      expect(principles.has(rule.principle.id)).toBe(true)
    }
  })
})

describe("street-work/chosen-first-contact-channels", () => {
  const service = decoded(arbService, Service)
  const register = (s: Service, firstContactChannels: Array<string>, type = "street-work"): Command.Command => ({
    _tag: "RegisterService",
    service: Schema.decodeUnknownSync(Service)({ ...Schema.encodeSync(Service)(s), type, firstContactChannels })
  })
  it("denies a way of first contact the plugin does not know, warns when none is chosen", () => {
    const rule = Rules.rules.chosenFirstContactChannels
    fc.assert(
      fc.property(facts, service, (f, s) => {
        expect(check(rule, register(s, ["school-streetwork", "lan-party"]), f)).toBe("Allow")
        expect(check(rule, register(s, ["lan-party", "carrier-pigeon"]), f)).toBe("Deny")
        expect(check(rule, register(s, ["constructor"]), f)).toBe("Deny")
        expect(check(rule, register(s, []), f)).toBe("Warn")
        expect(
          check(rule, register(s, ["carrier-pigeon"], "community-centre"), {
            ...f,
            service: { ...f.service, type: "community-centre" }
          })
        ).toBe("Allow")
      }),
      { numRuns: 20 }
    )
  })
})

describe("street-work/new-to-service (custom field newToService)", () => {
  const { newToService } = Rules.rules

  it("allows up to everyone in a first contact, denies more, and denies any on a later contact (model)", () => {
    fc.assert(
      fc.property(
        facts,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 50 }),
        fc.boolean(),
        (f, named, anonymous, count, firstContact) => {
          const participants = Array.from({ length: named }, (_, i) => `p-${i}`)
          const command = record({
            participants,
            anonymousCount: anonymous,
            mode: "group",
            firstContact,
            fields: { newToService: count }
          })
          const allowed = count === 0 || (firstContact && count <= named + anonymous)
          expect(check(newToService, command, f)).toBe(allowed ? "Allow" : "Deny")
        }
      ),
      { numRuns: 200 }
    )
  })

  it("leaves a contact without the field alone", () => {
    fc.assert(
      fc.property(facts, fc.boolean(), (f, firstContact) => {
        expect(check(newToService, record({ firstContact }), f)).toBe("Allow")
      }),
      { numRuns: 20 }
    )
  })
})
