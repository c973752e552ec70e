/**
 * The Czech ministry's yearly statistics (the first statutory export): counts from the store's
 * aggregates for one service and year, small ones hidden, as a named CSV file.
 */
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { Statutory } from "../../src/reports/index.js"
import * as StoreModule from "../../src/Store.js"
import { storedRecord } from "./records.js"

const record = storedRecord

describe("Statutory.czechYearlyStatistics", () => {
  const ministry = Statutory.czechYearlyStatistics({ interventions: ["contact", "crisis-intervention"] })
  const people = Array.from({ length: 8 }, (_, i) => `p${i}`)
  const store = StoreModule.memoryOf([
    ...people.map((p, i) =>
      record(`c${i}`, { personIds: [p, people[(i + 1) % 8]!], facets: { anonymousCount: 2 }, tags: ["contact"] })
    ),
    record("crisis", { personIds: ["p0"], facets: { anonymousCount: 0 }, tags: ["contact", "crisis-intervention"] }),
    record("last-year", { at: "2025-12-31T23:00:00.000Z", personIds: ["p9"], tags: ["contact"] }),
    record("elsewhere", { serviceId: "other", personIds: ["p9"], tags: ["contact"] }),
    ...people.map((p, i) =>
      record(p, {
        kind: "person",
        personIds: [p],
        at: "2026-02-01T10:00:00.000Z",
        facets: { ageBand: i < 6 ? "15-17" : "18-20", gender: "female" }
      })
    )
  ])

  it("writes users, contacts, interventions and people by age band and gender for one service and year", () => {
    const file = Effect.runSync(ministry.build(store, { serviceId: "club", year: 2026 }))
    expect(file.name).toBe("mpsv-rocni-vykaz-club-2026.csv")
    expect(file.mediaType).toBe("text/csv; charset=utf-8")
    expect(file.content.startsWith("\uFEFF")).toBe(true)
    expect(file.content.slice(1).split("\r\n")).toEqual([
      "oddíl,řádek,sloupec,hodnota",
      "uživatelé,známí,\"\",8",
      "uživatelé,anonymní,\"\",16",
      "kontakty,celkem,\"\",9",
      // One crisis intervention: hidden, and a complement with it (the sum alone would give it away).
      "intervence,contact,\"\",x",
      "intervence,crisis-intervention,\"\",x",
      "intervence,součet,\"\",10",
      // Two people of 18-20: hidden, and the 15-17 cell as their complement.
      "věk a pohlaví,15-17,female,x",
      "věk a pohlaví,18-20,female,x",
      "věk a pohlaví,celkem,\"\",8",
      ""
    ])
  })
})
