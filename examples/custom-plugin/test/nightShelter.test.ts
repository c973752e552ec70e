import { describe, expect, it } from "@effect/vitest"
import { Access, type Command, Registry } from "@pomoc/core"
import { arbCommandOf, pluginSuite } from "@pomoc/core/testing"
import { Effect } from "effect"
import * as fc from "fast-check"
import { readFileSync } from "node:fs"
import { beds } from "../src/beds.js"
import { run } from "../src/main.js"
import { nightShelter } from "../src/nightShelter.js"

describe("a sixth service type, defined outside packages/", () => {
  it.effect("is registered and used through the public API alone", () =>
    Effect.gen(function*() {
      const summary = yield* run
      expect(summary.name.cs).toBe("Noclehárna")
      expect(summary.interventions["bg"]).toContain("Нощувка")
      expect(summary.interventions["lt"]).toHaveLength(6)
      // The shelter's own rule runs next to the core rules.
      expect(summary.contact.warnings).toContain("night-shelter-safety/over-capacity")
      // Voluntariness is core: whatever the plugin adds, ending cooperation is allowed.
      expect(summary.endCooperation).toBe("Allowed")
      expect(summary.eligibilityWhenHoused).toEqual({
        decision: "Allowed",
        warnings: ["night-shelter-safety/already-housed"]
      })
      expect(summary.derived).toEqual([
        {
          plugin: "night-shelter",
          derivation: "slept-indoors-from-bed-nights",
          indicator: "slept-indoors",
          value: { _tag: "YesNo", value: true }
        }
      ])
    }))

  it("registers next to the core's registry refusals like any other plugin", () => {
    const twice = Registry.validate([nightShelter, nightShelter])
    expect(twice.map((p) => p.reason._tag)).toEqual(["DuplicatePlugin"])
  })
})

describe("the shelter's own operation, custom fields and place type, with no core change", () => {
  it.effect("allocates beds through the case-work API and refuses what the pipeline refuses", () =>
    Effect.gen(function*() {
      const summary = yield* beds
      // Two nights on bed 3, each recorded with the bed as a report facet.
      expect(summary.allocated).toEqual([{ bed: 3, facet: 3 }, { bed: 3, facet: 3 }])
      // The operation's domain check: the bed is taken that night.
      expect(summary.takenTwice).toBe("InvalidCommand:bed")
      // The shelter's rule over its own command: no bed 99 in a shelter of 24.
      expect(summary.noSuchBed).toEqual(["night-shelter-safety/real-bed"])
      // The operation's own access row: volunteers may not allocate beds.
      expect(summary.volunteer).toBe("AccessDenied")
      // The shelter's place types are checked: a misspelt one is refused naming the field.
      expect(summary.misspeltPlace).toBe("InvalidCommand:locationKind")
      // The guest's personal custom field is encrypted at rest.
      expect(summary.remarkInTheClear).toBe(false)
    }))

  it("declares a personal field that registration would refuse as a facet", () => {
    const remark = nightShelter.fields.person.arrivalRemark
    const leaky = {
      ...nightShelter,
      fields: {
        ...nightShelter.fields,
        person: { ...nightShelter.fields.person, arrivalRemark: { ...remark, facet: true } }
      }
    }
    expect(Registry.validate([leaky]).map((p) => p.reason._tag)).toEqual(["PersonalFieldAsFacet"])
  })

  it("refuses its operation without an access row, saying what to fix", () => {
    const { access: _access, ...withoutAccess } = nightShelter.operations.allocateBed
    const problems = Registry.validate([{ ...nightShelter, operations: { allocateBed: withoutAccess } }])
    expect(problems.map((p) => p.reason._tag)).toEqual(["OperationWithoutAccess"])
    expect(problems[0]!.message).toContain("PluginOperation.access")
  })
})

// The shelter's rules run on core's generated commands and on generated bed allocations.
const allocations = fc.record({ _tag: fc.constant("AllocateBed" as const), bed: fc.integer({ min: 1, max: 300 }) })
pluginSuite(nightShelter, {
  numRuns: 50,
  commands: (tags) =>
    fc.oneof(...tags.map((tag) => tag === "AllocateBed" ? allocations : arbCommandOf(tag as Command.CommandTag)))
})

describe("the night shelter's access row", () => {
  it("is what docs/access.md shows, and what the access functions grant when given the plugin", () => {
    const doc = readFileSync(new URL("../../../docs/access.md", import.meta.url), "utf8")
    for (const row of Access.toMarkdown([nightShelter]).split("\n").slice(2)) expect(doc).toContain(row)
    const worker = { id: "w" as never, grants: [{ role: "worker", services: ["shelter"] }] as never }
    expect(Access.isAllowed(worker, "AllocateBed", "shelter" as never, [nightShelter])).toBe(true)
    expect(Access.isAllowed(worker, "AllocateBed", "other" as never, [nightShelter])).toBe(false)
  })
})
