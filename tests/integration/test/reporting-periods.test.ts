/**
 * An organisation's own reporting periods (issue 14): declared at registration, refused when two
 * share a month, run consistently with the calendar periods they are made of, so that a school
 * year minus its quarters gives no small cell away; and no all-time runs for those who do not
 * publish.
 */
import { type Casework, Registry, Report, Store } from "@pomoc/core"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { Effect } from "effect"
import * as Clock from "effect/Clock"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { movedClock } from "./clock.js"
import { admin, club, eachTest, eva as worker, harness, marta as coordinator, ola as auditor } from "./daily-fixture.js"

const schoolYear = { id: "school-2025", from: "2025-09", to: "2026-06" }
const definition = lowThresholdClub.reports.find((r) => r.id === "contacts-by-intervention")!

// The club's plugin alone; no pseudonym key; the organisation declares a school year.
const { fail, run, store } = eachTest(
  () => harness(Store.layerMemory, { pseudonymKey: false, registry: Registry.makeUnsafe([lowThresholdClub]) }),
  async (h) => {
    // (`run` is this test's harness already: docs/reports.md shows this line.)
    await run((api) => api.registerOrganisation(admin, { id: "org", name: "Org", reportingPeriods: [schoolYear] }))
    await club(h, { registeredAt: "2025-01-01T00:00:00.000Z" })
  }
)

const contact = (at: string, interventions: Array<"contact" | "crisis-intervention">) =>
  run((api) =>
    api.recordContact(worker, {
      serviceId: "club",
      at,
      durationMinutes: 30,
      locationKind: "club-premises",
      channel: "in-person",
      workers: ["eva"],
      participants: [],
      anonymousCount: 2,
      interventions,
      firstContact: false,
      mode: "group"
    })
  )
const day = (month: string, d: number) => `${month}-${String(d).padStart(2, "0")}T10:00:00.000Z`
const months = ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]

const crisisOf = (result: Report.ReportResult) => {
  if (result.table._tag !== "OneWay") throw new Error("expected a one-way table")
  return result.table.cells[result.table.dimension.values.indexOf("crisis-intervention")]
}

describe("declared reporting periods", () => {
  it("refuses periods that share a month or an id, and stores nothing", async () => {
    const attempts = [
      [schoolYear, { id: "calendar-2026", from: "2026-01", to: "2026-12" }],
      [schoolYear, { id: "spring", from: "2026-03", to: "2026-05" }],
      [schoolYear, { id: "school-2025", from: "2026-09", to: "2027-06" }],
      [{ id: "backwards", from: "2026-06", to: "2025-09" }],
      [{ id: "2026-05", from: "2026-05", to: "2026-05" }]
    ]
    for (const reportingPeriods of attempts) {
      const e = await fail((api) => api.registerOrganisation(admin, { id: "other", name: "Other", reportingPeriods }))
      expect(e._tag).toBe("InvalidInput")
      if (e._tag === "InvalidInput") {
        expect(e.problems.every((p) => p.path.startsWith("reportingPeriods"))).toBe(true)
        // The rule, never the value.
        expect(JSON.stringify(e.problems)).not.toContain("2026-0")
      }
    }
    const organisations = await store((s) => s.list({ kind: "organisation" }))
    expect(organisations.map((o) => o.id)).toEqual(["org"])
    // Periods that follow one another are fine.
    await run((api) =>
      api.registerOrganisation(admin, {
        id: "other",
        name: "Other",
        reportingPeriods: [schoolYear, { id: "school-2026", from: "2026-09", to: "2027-06" }]
      })
    )
  })

  it("are declared later by correcting the organisation: audited, with the same no-shared-month rule", async () => {
    await run((api) => api.registerOrganisation(admin, { id: "late", name: "Late" }))
    const before = (await run((api) => api.auditLog(auditor, { limit: 10_000 }))).length
    // Overlapping, backwards or duplicated: refused naming the field, never the value; nothing stored.
    for (
      const reportingPeriods of [
        [schoolYear, { id: "spring", from: "2026-03", to: "2026-05" }],
        [{ id: "backwards", from: "2026-06", to: "2025-09" }],
        [schoolYear, { id: "school-2025", from: "2026-09", to: "2027-06" }]
      ]
    ) {
      const e = await fail((api) => api.correctOrganisation(admin, { id: "late", changes: { reportingPeriods } }))
      expect(e._tag).toBe("InvalidInput")
      if (e._tag === "InvalidInput") {
        expect(e.problems.every((p) => p.path.startsWith("reportingPeriods"))).toBe(true)
        expect(JSON.stringify(e.problems)).not.toContain("2026-0")
      }
    }
    expect((await run((api) => api.auditLog(auditor, { limit: 10_000 }))).length).toBe(before)
    // Only the organisation's administrators may: not the service's coordinator.
    expect(
      (await fail((api) =>
        api.correctOrganisation(coordinator, { id: "org", changes: { reportingPeriods: [schoolYear] } })
      ))._tag
    ).toBe("AccessDenied")
    // Declared after registration: the school year of the organisation "org" is replaced by two.
    const next = { id: "school-2026", from: "2026-09", to: "2027-06" }
    const { value } = await run((api) =>
      api.correctOrganisation(admin, { id: "org", changes: { reportingPeriods: [schoolYear, next] } })
    )
    expect(value.reportingPeriods).toEqual([schoolYear, next])
    const audit = (await run((api) => api.auditLog(auditor, { limit: 10_000 }))).slice(before)
    expect(audit.map((a) => a.operation)).toContain("CorrectOrganisation")
    // The change is kept as the organisation's history.
    const changes = await run((api) => api.recordChanges(coordinator, { kind: "organisation", id: "org" }))
    expect(changes.items.map((r) => r.operation)).toEqual(["CorrectOrganisation"])
    // And the new period runs (consistently with its calendar parts).
    await contact(day("2026-10", 3), ["contact"])
    // Once it has ended: an open period is refused (two runs of it could be subtracted).
    const at = movedClock()
    const runAt = (iso: string) => {
      at.set(Date.parse(iso) - Date.now())
      return (api: Casework.Api) =>
        api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", period: "school-2026" })
          .pipe(
            Effect.provideService(Clock.Clock, at.clock)
          )
    }
    expect(await fail(runAt("2027-06-30T23:00:00.000Z"))).toMatchObject({ _tag: "InvalidCommand", field: "period" })
    const run2026 = await run(runAt("2027-07-01T00:00:01.000Z"))
    expect(run2026.scope).toMatchObject({ from: "2026-09-01T00:00:00.000Z", to: "2027-07-01T00:00:00.000Z" })
  })

  it("runs a declared period over its months, audited under its id", async () => {
    await contact(day("2025-08", 31), ["contact"])
    for (const month of months) await contact(day(month, 10), ["contact"])
    await contact(day("2026-07", 1), ["contact"])
    const year = await run((api) =>
      api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", period: "school-2025" })
    )
    expect(year.scope).toMatchObject({ from: "2025-09-01T00:00:00.000Z", to: "2026-07-01T00:00:00.000Z" })
    if (year.table._tag !== "OneWay") throw new Error("expected a one-way table")
    expect(year.table.total).toEqual({ _tag: "Value", count: months.length })
    const e = await fail((api) =>
      api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", period: "school-1999" })
    )
    expect(e).toMatchObject({ _tag: "InvalidCommand", field: "period" })
    // docs/reports.md shows these lines; each is in this file.
    const page = readFileSync(new URL("../../../docs/reports.md", import.meta.url), "utf8")
    const block = /declares its own periods[\s\S]*?```ts\n([\s\S]*?)```/.exec(page)?.[1] ?? ""
    const source = readFileSync(new URL(import.meta.url), "utf8").split("\n").map((l) => l.trim())
    const lines = block.split("\n").map((l) => l.trim()).filter((l) => l !== "")
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) expect(source, line).toContain(line)
    const entries = await run((api) => api.auditLog(auditor, { limit: 1000 }))
    expect(entries.filter((x) => x.operation === "ReadReport").map((x) => x.subjects)).toEqual([[
      { kind: "report", id: "low-threshold-club/contacts-by-intervention" },
      { kind: "period", id: "school-2025" },
      { kind: "service", id: "club" }
    ]])
  })

  it("keeps a school year consistent with its quarters: the year minus the quarters gives no May away", async () => {
    for (const month of months) {
      for (let d = 1; d <= 6; d++) await contact(day(month, d), ["contact"])
    }
    for (let d = 1; d <= 5; d++) await contact(day("2026-03", 10 + d), ["contact", "crisis-intervention"])
    await contact(day("2026-05", 20), ["contact", "crisis-intervention"])
    const report = (period: string) =>
      run((api) => api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", period }))
    // May's one crisis intervention is hidden; the first quarter's five are shown.
    expect(crisisOf(await report("2026-05"))).toEqual({ _tag: "Suppressed" })
    expect(crisisOf(await report("2026-Q2"))).toEqual({ _tag: "Suppressed" })
    expect(crisisOf(await report("2026-Q1"))).toEqual({ _tag: "Value", count: 5 })
    // The attack: a plain run of the school year shows 6, and 6 minus the first quarter's 5 is
    // May's crisis intervention.
    const plain = await store((s) =>
      Report.run(definition, s, {
        serviceId: "club",
        from: "2025-09-01T00:00:00.000Z",
        to: "2026-07-01T00:00:00.000Z"
      })
    )
    expect(crisisOf(plain)).toEqual({ _tag: "Value", count: 6 })
    // The case-work run hides it, consistently with its parts.
    expect(crisisOf(await report("school-2025"))).toEqual({ _tag: "Suppressed" })
  })
})

describe("all-time runs", () => {
  it("are refused for those who do not publish; publishing keeps free windows", async () => {
    for (let d = 1; d <= 6; d++) await contact(day("2026-05", d), ["contact"])
    const e = await fail((api) => api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club" }))
    expect(e).toMatchObject({ _tag: "InvalidCommand", field: "period" })
    const published = await run((api) =>
      api.publishReport(coordinator, {
        reportId: "contacts-by-intervention",
        serviceId: "club",
        recipient: { kind: "authority", name: "Praha 4" }
      })
    )
    const table = published.value.table
    if (table._tag !== "OneWay") throw new Error("expected a one-way table")
    expect(table.total).toEqual({ _tag: "Value", count: 6 })
  })
})
