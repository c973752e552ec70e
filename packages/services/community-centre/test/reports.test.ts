import { describe, expect, it } from "@effect/vitest"
import type { Store, Suppression } from "@pomoc/core"
import { communityCentre, Reports } from "../src/index.js"
import { activity, hours, indexed, runReport, volunteer } from "./support.js"

const cellOf = (table: Suppression.SuppressedTable, row: Store.FacetValue, column?: Store.FacetValue) => {
  if (table._tag === "OneWay") return table.cells[table.dimension.values.indexOf(row)]
  return table.cells[table.rows.values.indexOf(row)]?.[table.columns.values.indexOf(column ?? null)]
}

describe("reports over activities and volunteers", () => {
  const records = [
    indexed.activity(
      activity({ id: "a-1", topic: "amateur-art-group", kind: "club", audience: "seniors", anonymousAttendance: 12 })
    ),
    indexed.activity(
      activity({ id: "a-2", topic: "amateur-art-group", kind: "club", audience: "seniors", anonymousAttendance: 9 })
    ),
    indexed.activity(
      activity({ id: "a-3", topic: "camp", kind: "camp", audience: "children", anonymousAttendance: 25 })
    ),
    indexed.activity(
      activity({ id: "a-4", topic: "ngo-premises-use", kind: "other", audience: "adults", anonymousAttendance: 0 })
    ),
    ...["v-1", "v-2", "v-3", "v-4", "v-5"].map((id) => indexed.volunteer(volunteer({ id, ageGroup: "senior" }))),
    ...["v-6", "v-7", "v-8", "v-9", "v-10", "v-11"].map((id) =>
      indexed.volunteer(volunteer({ id, ageGroup: "youth" }))
    ),
    ...["h-1", "h-2", "h-3", "h-4", "h-5"].map((id) => indexed.hours(hours({ id, hours: 1.5 })))
  ]

  it("adds up attendance by topic and audience", () => {
    const { table } = runReport(Reports.attendanceByTopic, records)
    expect(cellOf(table, "amateur-art-group", "seniors")).toEqual({ _tag: "Value", count: 21 })
    expect(cellOf(table, "camp", "children")).toEqual({ _tag: "Value", count: 25 })
    expect(cellOf(table, "course", "youth")).toEqual({ _tag: "Value", count: 0 })
  })

  it("counts volunteers of every age group", () => {
    const { table } = runReport(Reports.volunteersByAgeGroup, records)
    expect(cellOf(table, "senior", "volunteer")).toEqual({ _tag: "Value", count: 5 })
    expect(cellOf(table, "youth", "volunteer")).toEqual({ _tag: "Value", count: 6 })
  })

  it("every report runs on these records, also fractional volunteer hours", () => {
    for (const report of Reports.reports) {
      expect(() => runReport(report, records), report.id).not.toThrow()
    }
  })

  it("answers all three questions", () => {
    expect(new Set(communityCentre.reports.map((r) => r.question))).toEqual(
      new Set(["how-much", "how-well", "better-off"])
    )
  })
})
