/**
 * The eight goals map to the eight indicators, and the derivations read a person's contacts up
 * to the derivation's moment.
 */
import { describe, expect, it } from "@effect/vitest"
import { Registry } from "@pomoc/core"
import { DateTime } from "effect"
import * as fc from "fast-check"
import { lowThresholdClub, Outcomes } from "../src/index.js"
import { contact, NOW, now } from "./fixtures.js"

const registry = Registry.makeUnsafe([lowThresholdClub])
const history = (contacts: ReadonlyArray<ReturnType<typeof contact>>) => ({
  asOf: now,
  contacts,
  plans: [],
  measurements: []
})
const derived = (contacts: ReadonlyArray<ReturnType<typeof contact>>) =>
  Object.fromEntries(registry.derive("low-threshold-club", history(contacts)).map((d) => [d.indicator, d.value]))
const daysBefore = (days: number) => DateTime.formatIso(DateTime.subtract(now, { days }))

describe("goals and indicators", () => {
  it("the seed's eight goals each map to their own indicator, and every indicator is used", () => {
    expect(Outcomes.goals).toHaveLength(8)
    expect(Outcomes.indicators).toHaveLength(8)
    const mapped = Outcomes.goals.flatMap((g) => g.indicators)
    expect(new Set(mapped)).toEqual(new Set(Outcomes.indicators.map((i) => i.code)))
  })

  it("every category of a category indicator has labels", () => {
    for (const indicator of Outcomes.indicators) {
      if (indicator.scale._tag !== "Category") continue
      const labels = Outcomes.categoryLabels[indicator.code] ?? {}
      expect(Object.keys(labels).sort()).toEqual([...indicator.scale.categories].sort())
    }
  })
})

describe("derivations", () => {
  it("an empty history derives nothing", () => {
    expect(derived([])).toEqual({})
  })

  it("contact-maintained: one contact is first, a few occasional, four in 90 days regular", () => {
    expect(derived([contact(daysBefore(1))])["contact-maintained"]).toEqual({ _tag: "Category", value: "first" })
    expect(derived([contact(daysBefore(200)), contact(daysBefore(2))])["contact-maintained"]).toEqual({
      _tag: "Category",
      value: "occasional"
    })
    const four = [10, 20, 30, 89].map((d) => contact(daysBefore(d)))
    expect(derived(four)["contact-maintained"]).toEqual({ _tag: "Category", value: "regular" })
    const stale = [100, 120, 130, 140].map((d) => contact(daysBefore(d)))
    expect(derived(stale)["contact-maintained"]).toEqual({ _tag: "Category", value: "occasional" })
  })

  it("received-help, social-connection and meaningful-leisure follow the interventions given", () => {
    expect(derived([contact(daysBefore(1), ["conversation"])])).not.toHaveProperty("received-help")
    expect(derived([contact(daysBefore(1), ["crisis-intervention"])])["received-help"]).toEqual({
      _tag: "YesNo",
      value: true
    })
    expect(derived([contact(daysBefore(1), ["mediation-of-contact"])])["social-connection"]).toEqual({
      _tag: "YesNo",
      value: true
    })
    const twice = [1, 2].map((d) => contact(daysBefore(d), ["leisure-activity"]))
    expect(derived(twice)).not.toHaveProperty("meaningful-leisure")
    expect(derived([...twice, contact(daysBefore(3), ["group-work"])])["meaningful-leisure"]).toEqual({
      _tag: "YesNo",
      value: true
    })
  })

  it("property: contacts after the derivation's moment change nothing", () => {
    const interventions = Object.keys(lowThresholdClub.taxonomies.interventions)
    const arbContacts = (sign: 1 | -1) =>
      fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.subarray(interventions)), { maxLength: 6 }).map((list) =>
        list.map(([days, codes]) => contact(DateTime.formatIso(DateTime.add(now, { days: sign * days })), codes))
      )
    fc.assert(
      fc.property(arbContacts(-1), arbContacts(1), (past, future) => {
        expect(derived([...past, ...future])).toEqual(derived(past))
      }),
      { numRuns: 50 }
    )
  })

  it("the moment itself counts", () => {
    expect(derived([contact(NOW, ["information"])])["received-help"]).toEqual({ _tag: "YesNo", value: true })
  })
})
