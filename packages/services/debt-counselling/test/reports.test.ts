/**
 * Debt counselling's reports computed on records as the case-work API stores them, through
 * `Report.run` (aggregate, tabulate, suppress), with an in-memory aggregate of the store contract.
 */
import { describe, expect, it } from "@effect/vitest"
import { OutcomeMeasurement, Records, Report, Store } from "@pomoc/core"
import { Effect } from "effect"
import { debtCounselling, Reports } from "../src/index.js"
import { decode, NOW } from "./fixtures.js"

let next = 0
const measurement = (personId: string, indicator: string, value: unknown, personParticipated = true) =>
  decode(OutcomeMeasurement, {
    id: `m-${++next}`,
    personId,
    serviceId: "service-1",
    indicator,
    at: NOW,
    value,
    recordedBy: "worker-1",
    personParticipated
  })

const stored = (measurements: ReadonlyArray<OutcomeMeasurement>): ReadonlyArray<Store.StoredRecord> =>
  measurements.map((m) => ({ ...Records.toWrite(Records.mappings.measurement, m, 0), version: 1 }))

/** Runs a report without suppression (threshold 1), to check the counts themselves. */
const run = (definition: Report.ReportDefinition, records: ReadonlyArray<Store.StoredRecord>) =>
  Effect.runSync(
    Report.run({ ...definition, suppression: { threshold: 1 } }, Store.memoryOf(records))
  )

describe("reports", () => {
  it("every report answers one of the three questions, and all three are answered", () => {
    expect(new Set(debtCounselling.reports.map((r) => r.question))).toEqual(
      new Set(["how-much", "how-well", "better-off"])
    )
  })

  it("outcomes by indicator counts distinct clients per indicator and value", () => {
    const yes = { _tag: "YesNo", value: true }
    const records = stored([
      measurement("client-1", "informed-about-options", yes),
      measurement("client-1", "informed-about-options", yes),
      measurement("client-2", "informed-about-options", yes),
      measurement("client-2", "competent-and-active", { _tag: "Ladder", value: 4 })
    ])
    const result = run(Reports.outcomesByIndicator, records)
    expect(result.table._tag).toBe("TwoWay")
    if (result.table._tag !== "TwoWay") return
    const rows = result.table.rows.values
    const columns = result.table.columns.values
    expect(rows).toEqual(debtCounselling.indicators.map((i) => i.code))
    const cell = (indicator: string, value: Store.FacetValue) =>
      result.table._tag === "TwoWay" ? result.table.cells[rows.indexOf(indicator)]?.[columns.indexOf(value)] : undefined
    expect(cell("informed-about-options", true)).toEqual({ _tag: "Value", count: 2 })
    expect(cell("competent-and-active", 4)).toEqual({ _tag: "Value", count: 1 })
  })

  it("assessments made with the client and without are counted apart", () => {
    const yes = { _tag: "YesNo", value: true }
    const result = run(
      Reports.assessedWithClient,
      stored([
        measurement("client-1", "uses-further-help", yes, true),
        measurement("client-2", "uses-further-help", yes, false),
        measurement("client-3", "uses-further-help", yes, true)
      ])
    )
    expect(result.table._tag).toBe("TwoWay")
    if (result.table._tag !== "TwoWay") return
    const row = result.table.cells[result.table.rows.values.indexOf("uses-further-help")]
    expect(result.table.columns.values).toEqual([true, false])
    expect(row).toEqual([{ _tag: "Value", count: 2 }, { _tag: "Value", count: 1 }])
  })
})
