import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { ProtectedAttributes, Rule } from "../../src/principles/index.js"
import {
  adultsOnly,
  baseFacts,
  type Command,
  consentToDisclose,
  deepFreeze,
  type Facts,
  PluginPrinciple,
  rule,
  sampleCommand
} from "./fixtures.js"

describe("traceReads", () => {
  it("reports nothing for a rule that reads only what it declares", () => {
    const trace = Rule.traceReads(adultsOnly, sampleCommand.RegisterPerson, baseFacts)
    expect(trace.undeclared).toEqual([])
    expect(trace.reads).toEqual(["service.minimumAge", "person.ageBand"])
    expect(trace.verdict._tag).toBe("Warn")
    expect(Rule.traceReads(consentToDisclose, sampleCommand.Disclose, baseFacts).undeclared).toEqual([])
  })

  it("catches an undeclared read, and flags protected attributes", () => {
    const sneaky = rule({
      id: "plugin/sneaky",
      principle: PluginPrinciple,
      appliesTo: ["RegisterPerson"],
      reads: ["person.ageBand"],
      verdicts: ["Deny"],
      // The type lets it see `person` (declared at the top level); the trace sees the rest.
      check: (
        _c,
        facts,
        v
      ) => (facts.person.ageBand === "child" && facts.person.gender === "f" ? v.deny("no", "plugin.no") : v.allow)
    })
    const facts = deepFreeze({ ...baseFacts, person: { ...baseFacts.person, ageBand: "child" as const, gender: "f" } })
    const trace = Rule.traceReads(sneaky, sampleCommand.RegisterPerson, facts)
    expect(trace.undeclared).toEqual(["person.gender"])
    expect(trace.protectedReads).toEqual(["person.gender"])
    expect(trace.verdict._tag).toBe("Deny")
  })

  it("catches undeclared reads for any generated facts (property)", () => {
    const reader = rule({
      id: "plugin/reader",
      principle: PluginPrinciple,
      appliesTo: "*",
      reads: ["service"],
      verdicts: [],
      check: (_c, facts, v) => {
        void facts.service.type
        return (facts as unknown as Facts).actor.role === "" ? v.allow : v.allow
      }
    })
    fc.assert(
      fc.property(fc.string(), fc.string(), (type, role) => {
        const facts = deepFreeze({ ...baseFacts, service: { ...baseFacts.service, type }, actor: { role } })
        expect(Rule.traceReads(reader, sampleCommand.ChargeFee, facts).undeclared).toEqual(["actor.role"])
      })
    )
  })

  it("throws FactsMutated when a rule writes to its facts", () => {
    const writer = rule({
      id: "plugin/writer",
      principle: PluginPrinciple,
      appliesTo: ["ChargeFee"],
      reads: ["service"],
      verdicts: [],
      check: (_c, facts, v) => {
        ;(facts.service as { freeOfCharge: boolean }).freeOfCharge = false
        return v.allow
      }
    })
    expect(() => Rule.traceReads(writer, sampleCommand.ChargeFee, baseFacts)).toThrow(Rule.FactsMutated)
    expect(() => Rule.traceReads(writer, sampleCommand.ChargeFee, baseFacts)).toThrow(/service\.freeOfCharge/)
  })

  it("declared prefixes cover deeper reads", () => {
    expect(Rule.isDeclared(["person"], "person.ageBand")).toBe(true)
    expect(Rule.isDeclared(["person.ageBand"], "person")).toBe(true)
    expect(Rule.isDeclared(["person.ageBand"], "person.gender")).toBe(false)
    expect(Rule.isDeclared(["person.age"], "person.ageBand")).toBe(false)
  })
})

describe("ProtectedAttributes", () => {
  it("matches any segment, ignoring case and separators", () => {
    const attributes = ProtectedAttributes.standard
    expect(attributes.protectedSegment("person.gender")).toBe("gender")
    expect(attributes.protectedSegment("person.political_opinion")).toBe("political_opinion")
    expect(attributes.protectedSegment("Religion")).toBe("Religion")
    expect(attributes.protectedSegment("person.ageBand")).toBeUndefined()
    expect(attributes.protectedSegment("person.languageOfService")).toBeUndefined()
    // Marital status, named by the debt-counselling seed's equal access ("rodinného stavu").
    expect(attributes.protectedSegment("person.protected.maritalStatus")).toBe("maritalStatus")
    expect(attributes.protectedSegment("person.marital_status")).toBe("marital_status")
  })
})

describe("defineRule types", () => {
  it("narrows the command and the facts (checked by tsc)", () => {
    const typed = rule({
      id: "plugin/typed",
      principle: PluginPrinciple,
      appliesTo: ["ChargeFee"],
      reads: ["service.freeOfCharge"],
      verdicts: ["Deny"],
      check: (command, facts, v) => {
        const amount: number = command.amount
        // @ts-expect-error: `person` is not among the declared reads
        void facts.person
        // @ts-expect-error: a ChargeFee command has no recipient
        void command.recipient
        return amount > 0 && facts.service.freeOfCharge ? v.deny("free", "k") : v.allow
      }
    })
    rule({
      id: "plugin/bad-path",
      principle: PluginPrinciple,
      appliesTo: ["ChargeFee"],
      // @ts-expect-error: not a fact path
      reads: ["service.price"],
      check: (_c, _f, v) => v.allow
    })
    rule({
      id: "plugin/bad-tag",
      principle: PluginPrinciple,
      // @ts-expect-error: not a command tag
      appliesTo: ["ChargeFees"],
      reads: [],
      check: (_c, _f, v) => v.allow
    })
    const asGeneric: Rule.Rule<Command, Facts> = typed
    expect(asGeneric.id).toBe("plugin/typed")
    expect(typed.reads).toEqual(["service.freeOfCharge"])
  })
})
