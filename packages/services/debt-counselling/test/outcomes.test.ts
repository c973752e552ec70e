/**
 * The five outcomes are the five goals' indicators, the situation facts round-trip, and the
 * derivations read a client's history up to the derivation's moment.
 */
import { describe, expect, it } from "@effect/vitest"
import { type IndividualPlan, Registry } from "@pomoc/core"
import { DateTime } from "effect"
import * as fc from "fast-check"
import { debtCounselling, Outcomes, Situation } from "../src/index.js"
import { contact, now, plan } from "./fixtures.js"

const registry = Registry.makeUnsafe([debtCounselling])
const at = (days: number) => DateTime.formatIso(DateTime.add(now, { days }))
const derived = (contacts: ReadonlyArray<ReturnType<typeof contact>>, plans: ReadonlyArray<IndividualPlan> = []) =>
  Object.fromEntries(
    registry.derive("debt-counselling", { asOf: now, contacts, plans, measurements: [] }).map((
      d
    ) => [d.indicator, d.value])
  )

describe("goals and indicators", () => {
  it("the seed's five outcomes are five goals, each with its own indicator (and the area of an improvement)", () => {
    expect(Outcomes.goals).toHaveLength(5)
    expect(Outcomes.indicators.map((i) => i.code)).toEqual([
      "informed-about-options",
      "situation-improved",
      "situation-improved-in-area",
      "competent-and-active",
      "oriented-for-future",
      "uses-further-help"
    ])
    expect(Outcomes.goals.map((g) => g.indicators[0])).toEqual(
      Outcomes.indicators.map((i) => i.code).filter((c) => c !== "situation-improved-in-area")
    )
    expect(Outcomes.goals.find((g) => g.code === "improved-situation")?.indicators).toEqual([
      "situation-improved",
      "situation-improved-in-area"
    ])
  })
})

describe("situation facts", () => {
  it("toFacts and exclusionOf round-trip every subset of the kinds of exclusion", () => {
    fc.assert(fc.property(fc.boolean(), fc.subarray([...Situation.exclusionKinds]), (debts, exclusion) => {
      const facts = Situation.toFacts({ debts, exclusion })
      expect(facts["debts"]).toBe(debts)
      expect(Situation.exclusionOf(facts)).toEqual(exclusion)
    }))
  })

  it("the eight kinds of social exclusion of the seed are labelled, and none is a protected attribute", () => {
    expect(Situation.exclusionKinds).toHaveLength(8)
    for (const key of ["debts", ...Situation.exclusionKinds]) {
      expect(Situation.situationLabels[key as "debts"].cs.length).toBeGreaterThan(0)
    }
  })
})

describe("derivations", () => {
  it("an empty history derives nothing", () => {
    expect(derived([])).toEqual({})
  })

  it("informed-about-options and uses-further-help follow the interventions given", () => {
    expect(derived([contact(at(-3), ["budget-planning"])])).toEqual({})
    expect(derived([contact(at(-3), ["information"])])["informed-about-options"]).toEqual({
      _tag: "YesNo",
      value: true
    })
    expect(derived([contact(at(-3), ["mediation-of-contact"])])["uses-further-help"]).toEqual({
      _tag: "YesNo",
      value: true
    })
    expect(derived([contact(at(3), ["information"])])).toEqual({})
  })

  it("situation-improved once a goal was achieved by the derivation's moment", () => {
    expect(derived([], [plan([], at(-1))])["situation-improved"]).toEqual({ _tag: "YesNo", value: true })
    expect(derived([], [plan([], at(1))])).not.toHaveProperty("situation-improved")
    expect(derived([], [plan([])])).not.toHaveProperty("situation-improved")
  })

  it("competent-and-active grows with the share of steps the client took alone", () => {
    const done = at(-1)
    expect(derived([], [plan([{ takenBy: "worker", doneAt: done }])])["competent-and-active"]).toEqual({
      _tag: "Ladder",
      value: 1
    })
    expect(
      derived([], [
        plan([{ takenBy: "person", doneAt: done }, { takenBy: "together", doneAt: done }])
      ])["competent-and-active"]
    )
      .toEqual({ _tag: "Ladder", value: 3 })
    expect(derived([], [plan([{ takenBy: "person", doneAt: done }, { takenBy: "worker" }])])["competent-and-active"])
      .toEqual({ _tag: "Ladder", value: 5 })
    expect(derived([], [plan([{ takenBy: "person", doneAt: at(2) }])])).not.toHaveProperty("competent-and-active")
  })

  it("property: the ladder stays on 1–5 and never falls when the client takes one more step alone", () => {
    const arbSteps = fc.array(fc.constantFrom("person", "worker", "together", "other" as const), {
      minLength: 1,
      maxLength: 10
    })
    fc.assert(fc.property(arbSteps, (actors) => {
      const steps = actors.map((takenBy) => ({ takenBy, doneAt: at(-1) }))
      const before = derived([], [plan(steps)])["competent-and-active"]
      const after = derived([], [plan([...steps, { takenBy: "person", doneAt: at(-1) }])])["competent-and-active"]
      expect(before?._tag).toBe("Ladder")
      if (before?._tag !== "Ladder" || after?._tag !== "Ladder") return
      expect(before.value).toBeGreaterThanOrEqual(1)
      expect(before.value).toBeLessThanOrEqual(5)
      expect(after.value).toBeGreaterThanOrEqual(before.value)
    }))
  })
})
