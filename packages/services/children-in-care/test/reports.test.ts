import { describe, expect, it } from "@effect/vitest"
import type { IndicatorOf, InterventionOf, Store, Suppression } from "@pomoc/core"
import { childrenInCare, type ChildrenInCarePlugin, Reports } from "../src/index.js"
import { activity, indexedActivity, runReport } from "./support.js"

const cellOf = (table: Suppression.SuppressedTable, row: Store.FacetValue, column: Store.FacetValue) =>
  table._tag === "TwoWay" ? table.cells[table.rows.values.indexOf(row)]?.[table.columns.values.indexOf(column)] : undefined

describe("training for children and for care staff", () => {
  it("counts attendance separately for the staff of care institutions", () => {
    const records = [
      activity({ id: "a-1", topic: "group-training", anonymousAttendance: 12 }),
      activity({ id: "a-2", topic: "group-training", anonymousAttendance: 8 }),
      activity({ id: "a-3", topic: "care-staff-training", forExternalStaff: true, audience: "staff", anonymousAttendance: 15 })
    ].map(indexedActivity)
    const { table } = runReport(Reports.trainingAttendance, records)
    expect(cellOf(table, "group-training", false)).toEqual({ _tag: "Value", count: 20 })
    expect(cellOf(table, "care-staff-training", true)).toEqual({ _tag: "Value", count: 15 })
    expect(cellOf(table, "career-guidance-workshop", false)).toEqual({ _tag: "Value", count: 0 })
  })

  it("answers all three questions", () => {
    expect(new Set(childrenInCare.reports.map((r) => r.question))).toEqual(new Set(["how-much", "how-well", "better-off"]))
  })
})

describe("codes are typed", () => {
  it("a misspelt intervention or indicator is a compile error", () => {
    type Plugins = readonly [ChildrenInCarePlugin]
    const ok: InterventionOf<Plugins> = "career-guidance"
    const indicator: IndicatorOf<Plugins> = "training-completed"
    // @ts-expect-error: "carrer-guidance" is not an intervention
    const misspelt: InterventionOf<Plugins> = "carrer-guidance"
    // @ts-expect-error: "training-complete" is not an indicator
    const badIndicator: IndicatorOf<Plugins> = "training-complete"
    expect([ok, indicator, misspelt, badIndicator].map((code) =>
      code in childrenInCare.taxonomies.interventions || childrenInCare.indicators.some((i) => i.code === code)
    )).toEqual([true, true, false, false])
  })
})
