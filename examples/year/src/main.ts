/**
 * `npm run demo`: a year of five organisations on an SQLite file in `pomoc-demo/` of the working
 * folder (where npm was started; git ignores it), started afresh on every run, with a progress bar;
 * prints the year (see docs/demo.md) and writes each organisation's annual report as HTML.
 * POMOC_DEMO_SEED chooses another year (default 2025), POMOC_DEMO_DIR another folder, POMOC_DB
 * another database file.
 */
import { KeyMaterial } from "@pomoc/core"
import { AnnualReport, ValueLabels } from "@pomoc/report-html"
import { SqliteStore } from "@pomoc/store-sqlite"
import { SingleBar } from "cli-progress"
import { Effect } from "effect"
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import { year } from "./calendar.js"
import { format } from "./print.js"
import { caseworkLayer, registry, simulate } from "./simulate.js"

// npm runs workspace scripts in the workspace's folder; INIT_CWD is where `npm run demo` was typed.
const workingFolder = process.env["INIT_CWD"] ?? process.cwd()
const folder = process.env["POMOC_DEMO_DIR"] ?? join(workingFolder, "pomoc-demo")
mkdirSync(folder, { recursive: true })
const filename = process.env["POMOC_DB"] ?? join(folder, "pomoc.db")
for (const suffix of ["", "-wal", "-shm"]) rmSync(filename + suffix, { force: true })
const seed = Number(process.env["POMOC_DEMO_SEED"] ?? "2025")
// A real application loads its key from a secret store; the demo makes a fresh one.
const key = KeyMaterial.generate()

const bar = new SingleBar({
  format: "simulating 2025 [{bar}] {percentage}% · {value}/{total} organisation-weeks · {duration}s",
  hideCursor: true,
  noTTYOutput: false
})
const started = Date.now()
bar.start(1, 0)
const result = await Effect.runPromise(
  simulate(seed, (done, total) => {
    bar.setTotal(total)
    bar.update(done)
  }).pipe(Effect.provide(caseworkLayer(SqliteStore.layer({ filename }), key)))
)
bar.stop()

const reports: Record<string, string> = {}
for (const o of result.organisations) {
  const html = await Effect.runPromise(AnnualReport.render({
    organisation: o.name,
    language: o.language,
    period: year,
    results: o.reports,
    services: { [o.serviceId]: o.serviceName },
    valueLabel: ValueLabels.fromRegistry(registry)
  }))
  const file = join(folder, `annual-report-2025-${o.id}.html`)
  writeFileSync(file, html)
  reports[o.id] = relative(workingFolder, file)
}
console.log(format(result, { database: relative(workingFolder, filename), reports }))
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
