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
const with_ = (interventions: Array<string>, at = "2026-05-02T12:00:00.000Z") =>
  contact({ interventions, at, locationKind: "care-institution" })

describe("derivations", () => {
  it("needs-analysed: yes after a needs analysis, nothing before it", () => {
    expect(derive("needs-analysed", history([with_(["needs-analysis"])]))).toEqual({ _tag: "YesNo", value: true })
    expect(derive("needs-analysed", history([with_(["mentoring"])]))).toBeUndefined()
    expect(derive("needs-analysed", history([with_(["needs-analysis"], "2026-07-01T12:00:00.000Z")]))).toBeUndefined()
  })

  it("career-guidance-received: yes after guidance, job-search or career-change support", () => {
    for (const code of ["career-guidance", "job-search-support", "career-change-support"]) {
      expect(derive("career-guidance-received", history([with_([code])]))).toEqual({ _tag: "YesNo", value: true })
    }
    expect(derive("career-guidance-received", history([with_(["psychological-support"])]))).toBeUndefined()
  })

  it("education-or-work: in-training after training; entry into education or work is measured, not derived", () => {
    expect(derive("education-or-work", history([with_(["group-training"])]))).toEqual({
      _tag: "Category",
      value: "in-training"
    })
    expect(derive("education-or-work", history([with_(["career-guidance"])]))).toBeUndefined()
  })

  it("training-completed is never derived: only a recorded measurement says a programme was completed", () => {
    expect(Outcomes.derivations.map((d) => d.indicator)).not.toContain("training-completed")
  })
})
