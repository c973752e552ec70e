import { KeyMaterial, Store } from "@pomoc/core"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Effect, type Layer } from "effect"
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { format, pomocLayer, quickstart } from "../src/quickstart.js"
import { formatSecondEvening, secondEvening } from "../src/secondEvening.js"

const run = (store: Layer.Layer<never, unknown> | Parameters<typeof pomocLayer>[0]) =>
  Effect.runPromise(quickstart.pipe(Effect.provide(pomocLayer(store as never, KeyMaterial.generate()))))

describe("the second evening", () => {
  for (
    const [name, store] of [["memory", () => Store.layerMemory], [
      "SQLite",
      () => SqliteStore.layer({ filename: ":memory:" })
    ]] as const
  ) {
    it(`finds the regulars again, corrects a contact and marks a step done on ${name}`, async () => {
      const [, e] = await Effect.runPromise(
        Effect.all([quickstart, secondEvening]).pipe(
          Effect.provide(pomocLayer(store() as never, KeyMaterial.generate()))
        )
      )
      expect(e.found).toEqual([
        { typed: "typed lower-case, with a stray space", ids: ["youth-1"] },
        { typed: "typed in capitals", ids: ["youth-3"] },
        { typed: "typed as given", ids: ["youth-4"] },
        { typed: "a nickname nobody here gave", ids: [] }
      ])
      expect(e.corrected).toMatchObject({ before: 180, after: 120, changes: 1 })
      expect(e.stepDone).toEqual({ id: "step-1", doneBy: "person", doneAt: "2025-03-06T16:00:00.000Z" })
      expect(e.plan).toEqual({ done: 1, steps: 2 })
      expect(formatSecondEvening(e)).not.toMatch(/Kuba|kuba|Žaneta|ŽANETA|Dan\b/)
    })
  }
})

describe("quickstart", () => {
  for (
    const [name, store] of [["memory", () => Store.layerMemory], [
      "SQLite",
      () => SqliteStore.layer({ filename: ":memory:" })
    ]] as const
  ) {
    it(`records the week and the client on ${name}`, async () => {
      const s = await run(store())
      expect(s.people.map((p) => p.level)).toEqual(["pseudonymous", "pseudonymous", "pseudonymous", "pseudonymous"])
      expect(s.contacts).toBe(7)
      expect(s.anonymousParticipants).toBeGreaterThan(s.knownParticipants)
      expect(s.refusals.map((r) => r.error)).toEqual(expect.arrayContaining(["CommandRefused", "NotFound"]))
      // Another service's person looks exactly like one that does not exist (issue 9).
      expect(s.refusals.find((r) => r.operation.startsWith("getPerson"))?.error).toBe("NotFound")
      expect(s.refusals.find((r) => r.operation === "chargeFee")?.error).toBe("CommandRefused")
      expect(s.refusals.find((r) => r.operation.startsWith("startCooperation"))?.error).toBe("CommandRefused")
      expect(s.refusals.find((r) => r.operation.startsWith("setGoalStatus"))?.error).toBe("CommandRefused")
      expect(s.plan).toEqual({ goals: 1, stepsByClient: 2, achieved: 1 })
      expect(s.outcomes).toEqual([{ indicator: "informed-about-options", value: "true" }, {
        indicator: "competent-and-active",
        value: "3"
      }])
      expect(s.auditIntact).toBe(true)
      expect(s.report.table._tag).toBe("OneWay")
      // Every visible count in the report is at or above the threshold (or zero).
      const cells = s.report.table._tag === "OneWay" ? s.report.table.cells : []
      for (const cell of cells) {
        if (cell._tag === "Value" && cell.count > 0) expect(cell.count).toBeGreaterThanOrEqual(s.report.threshold)
      }
      // Every refusal says which principle and rule refused, and why, in plain words.
      expect(s.refusals.find((r) => r.operation === "chargeFee")?.why).toContainEqual(
        { principle: "Free of charge", rule: "free-of-charge/no-fee", reason: "the service is free of charge" }
      )
      for (const r of s.refusals) expect(r.why.length, r.operation).toBeGreaterThan(0)
      // Each organisation has its own lines and its own reports.
      expect(s.organisations.map((o) => o.name)).toEqual(["Ostrov, z. s.", "Rovnováha, o. p. s."])
      expect(new Set(s.refusals.map((r) => r.organisation))).toEqual(new Set(["ngo-ostrov", "ngo-rovnovaha"]))
      for (const o of s.organisations) expect(o.reports.every((r) => r.scope.serviceId === o.serviceId)).toBe(true)
      const text = format(s)
      expect(text).not.toMatch(/Kuba|Lenka|Marie|Dvořáková|trouble at home/)
      expect(text).toContain("Free of charge · rule free-of-charge/no-fee: the service is free of charge")
      expect(text.indexOf("== Rovnováha")).toBeGreaterThan(text.indexOf("== Ostrov"))
      expect(text).toMatch(/Why the total is larger than the 7 contacts/)
      expect(text).toMatch(/"0" means nothing was recorded there\. "suppressed" means a count from 1 to 4/)
    })
  }

  it("`npm run demo` runs on a SQLite file, which holds no plain personal data", () => {
    const dir = mkdtempSync(join(tmpdir(), "pomoc-demo-test-"))
    const db = join(dir, "demo.db")
    const out = execFileSync("npm", ["run", "--silent", "start"], {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, POMOC_DB: db, POMOC_DEMO_DIR: dir, INIT_CWD: dir },
      encoding: "utf8"
    })
    expect(out).toContain("audit log:")
    expect(out).toContain("chain intact")
    // The summary figures, explained.
    expect(out).toContain("contacts recorded: 7, with 14 known and 26 anonymous participations")
    expect(out).toMatch(/Contact work +6\n/)
    expect(out).toMatch(/total +16\n/)
    expect(out).toContain("plan: 1 goal(s), 2 step(s) taken by the client, 1 achieved")
    // The second evening: found again, however typed; one contact corrected; a step marked done.
    expect(out).toContain("findPeople (typed lower-case, with a stray space): youth-1")
    expect(out).toContain("findPeople (typed in capitals): youth-3")
    expect(out).toContain("findPeople (a nickname nobody here gave): nobody")
    expect(out).toMatch(/correctContact \S+: 180 → 120 minutes \(history: 1 change/)
    expect(out).toContain("completeStep step-1: done by the person on 2025-03-06 (plan: 1 of 2 steps done)")
    for (const secret of ["Kuba", "kuba", "ŽANETA", "Žaneta"]) expect(out).not.toContain(secret)
    // Each organisation's annual report, in Czech, with every report of its plugin, no personal data.
    for (const [organisation, charts] of [["ngo-ostrov", 8], ["ngo-rovnovaha", 10]] as const) {
      const html = readFileSync(join(dir, `annual-report-2025-${organisation}.html`), "utf8")
      expect(out).toContain(`annual-report-2025-${organisation}.html`)
      expect(html).toContain(`<html lang="cs">`)
      expect(html.match(/<figure /g)).toHaveLength(charts)
      for (const secret of ["Kuba", "Žaneta", "Dvořáková", "+420 600 000 000", "trouble at home", "přestat se bát"]) {
        expect(html).not.toContain(secret)
      }
    }
    const bytes = readFileSync(db).toString("utf8") + (() => {
      try {
        return readFileSync(db + "-wal").toString("utf8")
      } catch {
        return ""
      }
    })()
    for (const secret of ["Kuba", "Žaneta", "Dvořáková", "+420 600 000 000", "trouble at home", "přestat se bát"]) {
      expect(bytes).not.toContain(secret)
    }
  }, 120_000)
})
