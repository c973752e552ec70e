/**
 * The club's reports computed on records as the case-work API stores them, through `Report.run`
 * (aggregate, tabulate, suppress), with an in-memory aggregate of the store contract.
 */
import { describe, expect, it } from "@effect/vitest"
import { Records, Report, Store } from "@pomoc/core"
import { Effect } from "effect"
import { lowThresholdClub, Reports } from "../src/index.js"
import { contact } from "./fixtures.js"

const stored = (contacts: ReadonlyArray<ReturnType<typeof contact>>): ReadonlyArray<Store.StoredRecord> =>
  contacts.map((c) => ({ ...Records.toWrite(Records.mappings.contact, c, 0), version: 1 }))

/** Runs a report without suppression (threshold 1), to check the counts themselves. */
const run = (definition: Report.ReportDefinition, records: ReadonlyArray<Store.StoredRecord>) =>
  Effect.runSync(
    Report.run({ ...definition, suppression: { threshold: 1 } }, Store.memoryOf(records))
  )

describe("reports", () => {
  it("every report answers one of the three questions, and all three are answered", () => {
    expect(new Set(lowThresholdClub.reports.map((r) => r.question))).toEqual(
      new Set(["how-much", "how-well", "better-off"])
    )
  })

  it("contacts by intervention counts each contact under each of its interventions, in the taxonomy's order", () => {
    const records = stored([
      contact("2026-05-01T16:00:00.000Z", ["contact", "leisure-activity"]),
      contact("2026-05-02T16:00:00.000Z", ["contact", "crisis-intervention"]),
      contact("2026-05-03T16:00:00.000Z", ["contact"])
    ])
    const result = run(Reports.contactsByIntervention, records)
    expect(result.table._tag).toBe("OneWay")
    if (result.table._tag !== "OneWay") return
    const values = result.table.dimension.values
    expect(values).toEqual(Object.keys(lowThresholdClub.taxonomies.interventions))
    const count = (code: string) =>
      result.table._tag === "OneWay" ? result.table.cells[values.indexOf(code)] : undefined
    expect(count("contact")).toEqual({ _tag: "Value", count: 3 })
    expect(count("crisis-intervention")).toEqual({ _tag: "Value", count: 1 })
    expect(count("accompaniment")).toEqual({ _tag: "Value", count: 0 })
  })

  it("small counts are suppressed at the default threshold", () => {
    const records = stored([contact("2026-05-01T16:00:00.000Z", ["contact", "information"])])
    const result = Effect.runSync(
      Report.run(Reports.contactsByIntervention, Store.memoryOf(records))
    )
    expect(result.threshold).toBe(5)
    expect(result.table._tag).toBe("OneWay")
    if (result.table._tag === "OneWay") {
      const values = result.table.dimension.values
      expect(result.table.cells[values.indexOf("contact")]).toEqual({ _tag: "Suppressed" })
    }
  })

  it("participants by month sums known and anonymous participants", () => {
    const result = run(
      Reports.participantsByMonth,
      stored([
        contact("2026-05-01T16:00:00.000Z"),
        contact("2026-05-20T16:00:00.000Z"),
        contact("2026-06-01T16:00:00.000Z")
      ])
    )
    expect(result.table._tag === "OneWay" ? result.table.dimension.values : []).toEqual(["2026-05", "2026-06"])
    expect(result.table._tag === "OneWay" ? result.table.cells : []).toEqual([{ _tag: "Value", count: 2 }, {
      _tag: "Value",
      count: 1
    }])
  })
})
