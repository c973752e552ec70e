import { describe, expect, it } from "@effect/vitest"
import { IndividualPlan, type Plugin } from "@pomoc/core"
import { DateTime, Schema } from "effect"
import { Outcomes } from "../src/index.js"
import { contact } from "./support.js"

const derive = (indicator: Outcomes.Indicator, history: Plugin.History) =>
  Outcomes.derivations.find((d) => d.indicator === indicator)?.derive(history)

const asOf = DateTime.makeUnsafe("2026-06-01T00:00:00Z")
const history = (contacts: Plugin.History["contacts"], plans: Plugin.History["plans"] = []): Plugin.History => ({
  asOf,
  contacts,
  plans,
  measurements: []
})
const day = (d: number) => `2026-05-${String(d).padStart(2, "0")}T10:00:00.000Z`

describe("derivations", () => {
  it("contact-established: first, repeated, ongoing; nothing without contacts", () => {
    expect(derive("contact-established", history([]))).toBeUndefined()
    expect(derive("contact-established", history([contact({ at: day(1), firstContact: true })]))).toEqual({
      _tag: "Category",
      value: "first"
    })
    expect(
      derive("contact-established", history([contact({ at: "2025-01-01T10:00:00.000Z" }), contact({ at: day(2) })]))
    )
      .toEqual({ _tag: "Category", value: "repeated" })
    expect(derive("contact-established", history([1, 8, 15].map((d) => contact({ id: `c-${d}`, at: day(d) })))))
      .toEqual({ _tag: "Category", value: "ongoing" })
  })

  it("contact-established ignores contacts after the derivation's moment", () => {
    expect(derive("contact-established", history([contact({ at: "2026-07-01T10:00:00.000Z" })]))).toBeUndefined()
  })

  it("came-back: yes only when a later contact follows the first contact", () => {
    const first = contact({
      id: "c-1",
      at: day(1),
      firstContact: true,
      firstContactChannel: "school-streetwork",
      locationKind: "school"
    })
    const followUp = contact({ id: "c-2", at: day(5), channel: "school-message-box" })
    expect(derive("came-back", history([first]))).toBeUndefined()
    expect(derive("came-back", history([first, followUp]))).toEqual({ _tag: "YesNo", value: true })
    expect(derive("came-back", history([followUp]))).toBeUndefined()
  })

  it("received-support: yes after crisis intervention, not after mere contact work", () => {
    expect(derive("received-support", history([contact({ interventions: ["contact", "conversation"] })])))
      .toBeUndefined()
    expect(derive("received-support", history([contact({ interventions: ["crisis-intervention"] })]))).toEqual({
      _tag: "YesNo",
      value: true
    })
  })

  it("individual-plan: yes once a plan exists by the derivation's moment", () => {
    const plan = (createdAt: string) =>
      Schema.decodeUnknownSync(IndividualPlan)({
        id: "pl-1",
        personId: "p-1",
        serviceId: "sw",
        createdAt,
        goals: [],
        reviews: []
      })
    expect(derive("individual-plan", history([], [plan(day(3))]))).toEqual({ _tag: "YesNo", value: true })
    expect(derive("individual-plan", history([], [plan("2026-08-01T00:00:00.000Z")]))).toBeUndefined()
  })
})
