// The README's example, as it is there (only the file's folder differs): it must keep running.
import { Registry, Report, Store } from "@pomoc/core"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { MemoryStore } from "@pomoc/store-memory"
import { Effect } from "effect"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect, it } from "vitest"
import { AnnualReport, ValueLabels } from "../src/index.js"

it("the README example writes a report with one figure per report of the plugin", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "pomoc-report-html-")), "annual-report-2026.html")
  const registry = Registry.makeUnsafe([lowThresholdClub])
  const period = { from: "2026-01-01", to: "2027-01-01" }

  const program = Effect.gen(function*() {
    const store = yield* Store.Store
    // Every report the plugin defines, for one service and one year, suppressed by core.
    const results = yield* Effect.forEach(
      lowThresholdClub.reports,
      (definition) => Report.run(definition, store, { serviceId: "club-ostrov", ...period })
    )
    const html = yield* AnnualReport.render({
      organisation: "Ostrov, z. s.",
      language: "cs",
      period,
      results,
      services: { "club-ostrov": "Nízkoprahový klub Ostrov" },
      valueLabel: ValueLabels.fromRegistry(registry)
    })
    writeFileSync(file, html)
  })

  await Effect.runPromise(program.pipe(Effect.provide(MemoryStore.layer)))
  const html = readFileSync(file, "utf8")
  expect(html.match(/<figure /g)).toHaveLength(lowThresholdClub.reports.length)
  expect(html).toContain("Nízkoprahový klub Ostrov")
  expect(html).toContain("Období: 1. ledna 2026 – 31. prosince 2026")
})
