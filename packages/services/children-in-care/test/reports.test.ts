import { describe, expect, it } from "@effect/vitest"
import type { Store, Suppression } from "@pomoc/core"
import { childrenInCare, Reports } from "../src/index.js"
import { activity, indexedActivity, runReport } from "./support.js"

const cellOf = (table: Suppression.SuppressedTable, row: Store.FacetValue, column: Store.FacetValue) =>
  table._tag === "TwoWay"
    ? table.cells[table.rows.values.indexOf(row)]?.[table.columns.values.indexOf(column)]
    : undefined

describe("training for children and for care staff", () => {
  it("counts attendance separately for the staff of care institutions", () => {
    const records = [
      activity({ id: "a-1", topic: "group-training", anonymousAttendance: 12 }),
      activity({ id: "a-2", topic: "group-training", anonymousAttendance: 8 }),
      activity({
        id: "a-3",
        topic: "care-staff-training",
        forExternalStaff: true,
        audience: "staff",
        anonymousAttendance: 15
      })
    ].map(indexedActivity)
    const { table } = runReport(Reports.trainingAttendance, records)
    expect(cellOf(table, "group-training", false)).toEqual({ _tag: "Value", count: 20 })
    expect(cellOf(table, "care-staff-training", true)).toEqual({ _tag: "Value", count: 15 })
    expect(cellOf(table, "career-guidance-workshop", false)).toEqual({ _tag: "Value", count: 0 })
  })

  it("answers all three questions", () => {
    expect(new Set(childrenInCare.reports.map((r) => r.question))).toEqual(
      new Set(["how-much", "how-well", "better-off"])
    )
  })
})
