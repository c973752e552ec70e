import { describe, expect, it } from "@effect/vitest"
import type { Command } from "../../src/Command.js"
import type { Facts } from "../../src/Facts.js"
import { defineRule } from "../../src/principles/index.js"
import {
  aggregateRecords,
  checkDeclaredReads,
  checkDerivations,
  checkEligibilityReads,
  checkLabels,
  checkMessages,
  checkPluginEquality,
  checkRegistration,
  checkReports,
  checkRulesPure,
  deepFreeze,
  pluginChecks,
  testPlugin
} from "../../src/testing/plugin.js"
import { broken, debts, shelter } from "./fixtures.js"

const rule = defineRule<Command, Facts>()
const principle = shelter.extraPrinciples[0]
const options = { numRuns: 30, seed: 42 }

describe("plugin test kit on sound plugins", () => {
  it("passes every check", () => {
    for (const plugin of [shelter, debts]) {
      const report = testPlugin(plugin, options)
      expect(report.results.filter((r) => !r.ok)).toEqual([])
      expect(report.ok).toBe(true)
      expect(report.results.map((r) => r.check)).toEqual(pluginChecks.map((c) => c.name))
    }
  })
})

describe("plugin test kit catches broken plugins", () => {
  it("registration: a missing dependency", () => {
    const needy = broken(shelter, { dependencies: { "test-debts": "^0.3.0" } })
    const alone = checkRegistration(needy)
    expect(alone.ok).toBe(false)
    expect(alone.problems[0]).toMatch(/^PluginDependencyMissing: /)
    expect(checkRegistration(needy, { dependencies: [debts] }).ok).toBe(true)
  })

  it("labels: a blank translation", () => {
    const result = checkLabels(
      broken(shelter, { labels: { ...shelter.labels, name: { ...shelter.labels.name, lt: "" } } })
    )
    expect(result).toMatchObject({ check: "labels", ok: false })
    expect(result.problems[0]).toContain(`"labels.name": missing or blank in lt`)
  })

  it("messages: a message key a rule gives without a label, in any language the plugin writes", () => {
    const unlabelled = rule({
      id: "test-shelter/unlabelled",
      principle,
      appliesTo: ["RecordContact"],
      reads: [],
      verdicts: ["Warn"],
      check: (_command, _facts, v) => v.warn("no text for this", "shelter.unlabelled")
    })
    const plugin = broken(shelter, { rules: [...shelter.rules, unlabelled] })
    const result = checkMessages(plugin, options)
    expect(result).toMatchObject({ check: "messages", ok: false })
    expect(result.problems).toEqual([
      `rule "test-shelter/unlabelled" gives the message key "shelter.unlabelled", which has no label in en, cs, lt, bg: add it to the plugin's messages`
    ])
    const labelled = { en: "Note", cs: "Pozn.", lt: "Pastaba", bg: "Бележка" }
    expect(
      checkMessages(broken(plugin, { messages: { ...shelter.messages, "shelter.unlabelled": labelled } }), options).ok
    ).toBe(true)
    // A language the plugin declares is required too.
    const inUkrainian = broken(plugin, {
      messages: { ...shelter.messages, "shelter.unlabelled": labelled },
      languages: ["uk"]
    })
    expect(checkMessages(inUkrainian, options).problems[0]).toContain("has no label in uk")
  })

  it("purity: a rule with hidden state", () => {
    let calls = 0
    const flaky = rule({
      id: "test-shelter/flaky",
      principle,
      appliesTo: ["RecordContact"],
      reads: [],
      verdicts: ["Warn"],
      check: (_c, _f, v) => (++calls % 2 === 0 ? v.warn("even", "even") : v.allow)
    })
    const result = checkRulesPure(broken(shelter, { rules: [flaky] }), options)
    expect(result.ok).toBe(false)
    expect(result.problems[0]).toContain(`rule "test-shelter/flaky" is not deterministic on RecordContact`)
  })

  it("purity: a rule that writes to the facts", () => {
    const writer = rule({
      id: "test-shelter/writer",
      principle,
      appliesTo: ["RecordContact"],
      reads: ["service"],
      verdicts: [],
      check: (_c, f, v) => {
        ;(f.service as { freeOfCharge: boolean }).freeOfCharge = false
        return v.allow
      }
    })
    const result = checkRulesPure(broken(shelter, { rules: [writer] }), options)
    expect(result.problems[0]).toContain(`rule "test-shelter/writer" threw on RecordContact`)
  })

  it("declaredReads: a rule that reads what it did not declare", () => {
    const sneaky = rule({
      id: "test-shelter/sneaky",
      principle,
      appliesTo: ["RecordContact"],
      reads: ["service.config"],
      verdicts: ["Warn"],
      check: (_c, f, v) => ((f as Facts).service.freeOfCharge ? v.allow : v.warn("fee", "fee"))
    })
    const result = checkDeclaredReads(broken(shelter, { rules: [sneaky] }), options)
    expect(result.problems).toEqual([
      `rule "test-shelter/sneaky" reads "service.freeOfCharge" without declaring it in reads`
    ])
  })

  it("eligibilityReads and equality: an eligibility rule that secretly reads faith", () => {
    const biased = rule({
      id: "test-shelter/biased",
      principle,
      appliesTo: ["AssessEligibility"],
      reads: ["person.ageBand"],
      verdicts: ["Deny"],
      check: (_c, f, v) => ((f as Facts).person?.protected.faith === undefined ? v.allow : v.deny("faith", "faith"))
    })
    const plugin = broken(shelter, { eligibility: [biased] })
    const reads = checkEligibilityReads(plugin, options)
    expect(reads.ok).toBe(false)
    expect(reads.problems[0]).toContain(
      `eligibility rule "test-shelter/biased" reads the protected "person.protected.faith"`
    )
    const equality = checkPluginEquality(plugin, options)
    expect(equality.ok).toBe(false)
    expect(equality.problems[0]).toContain("test-shelter/biased")
  })

  it("eligibilityReads: a declared protected read (the registry refuses it too)", () => {
    const declared = rule({
      id: "test-shelter/declared",
      principle,
      appliesTo: ["AssessEligibility"],
      reads: ["person.gender"],
      verdicts: ["Deny"],
      check: (_c, _f, v) => v.allow
    })
    const result = checkEligibilityReads(broken(shelter, { eligibility: [declared] }), options)
    expect(result.problems[0]).toContain(`declares that it reads "person.gender"`)
  })

  it("derivations: off the scale, throwing, not deterministic", () => {
    let n = 0
    const plugin = broken(shelter, {
      derivations: [
        { id: "off-scale", indicator: "stability", derive: () => ({ _tag: "Ladder", value: 6 }) },
        {
          id: "throws",
          indicator: "housed",
          derive: (
            h: { contacts: ReadonlyArray<{ id: string }> }
          ) => (h.contacts[99]!.id.length > 0 ? undefined : undefined)
        },
        { id: "counter", indicator: "housed", derive: () => ({ _tag: "YesNo", value: ++n % 2 === 0 }) }
      ]
    })
    const result = checkDerivations(plugin, options)
    expect(result.problems.some((p) => p.startsWith(`derivation "off-scale" returned {"_tag":"Ladder","value":6}`)))
      .toBe(true)
    expect(result.problems.some((p) => p.startsWith(`derivation "throws" threw`))).toBe(true)
    expect(result.problems.some((p) => p.startsWith(`derivation "counter" is not deterministic`))).toBe(true)
  })

  it("reports: a report that cannot be computed, and an unknown question", () => {
    const base = { labels: shelter.reports[0].labels, question: "how-much" }
    const reports = [
      { ...base, id: "counted", compute: (generated: { records: ReadonlyArray<unknown> }) => generated.records.length },
      {
        ...base,
        id: "broken",
        compute: () => {
          throw new Error("no query")
        }
      },
      { ...base, id: "odd", question: "how-often" }
    ]
    const result = checkReports(broken(shelter, { reports }), options)
    expect(result.problems).toEqual([
      `report "odd": question must be one of how-much, how-well, better-off`,
      `report "broken" cannot be computed on generated records: Error: no query`
    ])
    const viaOption = checkReports(shelter, {
      ...options,
      computeReport: (report, generated) => (report.id === "nights" ? undefined : generated.records.length)
    })
    expect(viaOption.problems).toEqual([`report "nights" computed nothing on generated records`])
  })

  it("reports: core report definitions run against an in-memory aggregate of generated records", () => {
    const base = { labels: shelter.reports[0].labels, question: "how-much" }
    const reports = [
      { ...base, id: "by-channel", query: { kind: "contact", dimensions: [{ by: "channel" }] } },
      { ...base, id: "misspelt", query: { kind: "contact", dimensions: [{ by: "chanel" }] } },
      { ...base, id: "no-dimensions", query: { kind: "contact", dimensions: [] } },
      {
        ...base,
        id: "sum-text",
        query: { kind: "contact", dimensions: [{ by: "mode" }], measure: { sum: "channel" } }
      },
      { ...base, id: "raw", query: { kind: "measurement", groupBy: ["indicator", "valeu"], distinctPeople: true } }
    ]
    const result = checkReports(broken(shelter, { reports }), options)
    expect(result.problems).toHaveLength(4)
    expect(result.problems[0]).toMatch(
      /^report "misspelt": "chanel" is not a facet of contact records \(known: tag, month, channel, /
    )
    expect(result.problems[1]).toBe(
      `report "no-dimensions" cannot be computed: InvalidReport: Report "no-dimensions": query.dimensions must be one to four dimensions`
    )
    expect(result.problems[2]).toBe(
      `report "sum-text": "channel" is not a numeric facet of contact records, so it cannot be summed`
    )
    expect(result.problems[3]).toMatch(/^report "raw": "valeu" is not a facet of measurement records/)
  })

  it("aggregateRecords groups by facet, tag and month, sums and counts distinct people", () => {
    const record = (
      id: string,
      tags: ReadonlyArray<string>,
      facets: Record<string, string | number>,
      personIds: ReadonlyArray<string>
    ) => ({
      kind: "contact" as const,
      id,
      version: 1,
      serviceId: "s",
      personIds,
      at: "2025-03-04T00:00:00.000Z",
      facets,
      tags,
      data: null
    })
    const records = [
      record("1", ["a", "b"], { channel: "phone", participants: 2 }, ["p1", "p2"]),
      record("2", ["a"], { channel: "phone", participants: 3 }, ["p1"]),
      record("3", [], { channel: "street", participants: 1 }, [])
    ]
    expect(
      aggregateRecords(records, { kind: "contact", groupBy: ["tag"], sum: ["participants"], distinctPeople: true })
    ).toEqual([
      { group: { tag: "a" }, count: 2, sums: { participants: 5 }, distinctPeople: 2 },
      { group: { tag: "b" }, count: 1, sums: { participants: 2 }, distinctPeople: 2 }
    ])
    expect(aggregateRecords(records, { kind: "contact", groupBy: ["month", "channel"] }).map((r) => [r.group, r.count]))
      .toEqual([
        [{ month: "2025-03", channel: "phone" }, 2],
        [{ month: "2025-03", channel: "street" }, 1]
      ])
    expect(aggregateRecords(records, { kind: "person", groupBy: [] })).toEqual([])
  })

  it("never throws: a plugin too broken to generate data for is reported by every check", () => {
    const plugin = broken(shelter, {
      taxonomies: {
        ...shelter.taxonomies,
        interventions: { "Not A Code": shelter.taxonomies.interventions["bed-night"] }
      }
    })
    const report = testPlugin(plugin, options)
    expect(report.ok).toBe(false)
    expect(report.results.find((r) => r.check === "registration")?.problems[0]).toMatch(/^InvalidCode: /)
    expect(report.results.find((r) => r.check === "purity")?.problems[0]).toMatch(
      /^the purity check could not run on this plugin/
    )
  })

  it("deepFreeze freezes plain data all the way down and leaves class instances alone", () => {
    class Box {
      value = 1
    }
    const value = deepFreeze({ a: [{ b: 1 }], box: new Box() })
    expect(Object.isFrozen(value.a[0])).toBe(true)
    expect(Object.isFrozen(value.box)).toBe(false)
  })
})
