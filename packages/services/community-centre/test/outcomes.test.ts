import { describe, expect, it } from "@effect/vitest"
import type { Plugin } from "@pomoc/core"
import { DateTime } from "effect"
import { Outcomes } from "../src/index.js"
import { contact } from "./support.js"

const derive = (indicator: Outcomes.Indicator, history: Plugin.History) =>
  Outcomes.derivations.find((d) => d.indicator === indicator)?.derive(history)
const history = (contacts: Plugin.History["contacts"]): Plugin.History => ({
  asOf: DateTime.makeUnsafe("2026-06-01T00:00:00Z"),
  contacts,
  plans: [],
  measurements: []
})
const day = (d: number) => `2026-05-${String(d).padStart(2, "0")}T16:00:00.000Z`
const group = (d: number, interventions: Array<string> = ["leisure-activity"]) =>
  contact({ id: `c-${d}`, at: day(d), mode: "group", anonymousCount: 8, interventions })

describe("derivations", () => {
  it("participation: first, occasional, regular", () => {
    expect(derive("participation", history([]))).toBeUndefined()
    expect(derive("participation", history([group(1)]))).toEqual({ _tag: "Category", value: "first" })
    expect(derive("participation", history([group(1), group(2)]))).toEqual({ _tag: "Category", value: "occasional" })
    expect(derive("participation", history([1, 8, 15, 22].map((d) => group(d))))).toEqual({
      _tag: "Category",
      value: "regular"
    })
  })

  it("social-ties: yes after three group contacts, not after individual ones", () => {
    expect(derive("social-ties", history([group(1), group(2)]))).toBeUndefined()
    expect(derive("social-ties", history([group(1), group(2), group(3)]))).toEqual({ _tag: "YesNo", value: true })
    expect(derive("social-ties", history([1, 2, 3].map((d) => contact({ id: `i-${d}`, at: day(d) }))))).toBeUndefined()
  })

  it("youth-education-or-work: in-activities after open youth work; a return to school or work is never derived", () => {
    expect(derive("youth-education-or-work", history([group(1, ["open-youth-work"])]))).toEqual({
      _tag: "Category",
      value: "in-activities"
    })
    expect(derive("youth-education-or-work", history([group(1, ["counselling"])]))).toBeUndefined()
  })
})
