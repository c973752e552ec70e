/**
 * `npm run demo`: the quickstart on the embedded SQLite store, in the folder `pomoc-demo/` of the
 * working folder (where npm was started; git ignores it): the database `pomoc.db`, started afresh
 * on every run, and each organisation's annual report as an HTML file. POMOC_DEMO_DIR chooses
 * another folder, POMOC_DB another database file.
 */
import { KeyMaterial } from "@pomoc/core"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Effect } from "effect"
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import { annualReports, format, pomocLayer, quickstart } from "./quickstart.js"
import { formatSecondEvening, secondEvening } from "./secondEvening.js"

// npm runs workspace scripts in the workspace's folder; INIT_CWD is where `npm run demo` was typed.
const workingFolder = process.env["INIT_CWD"] ?? process.cwd()
const folder = process.env["POMOC_DEMO_DIR"] ?? join(workingFolder, "pomoc-demo")
mkdirSync(folder, { recursive: true })
const filename = process.env["POMOC_DB"] ?? join(folder, "pomoc.db")
for (const suffix of ["", "-wal", "-shm"]) rmSync(filename + suffix, { force: true })
// A real application loads its key from a secret store; the demo makes a fresh one.
const key = KeyMaterial.generate()

// The first week, then the second evening on the same database (the layer is built once).
const [summary, evening] = await Effect.runPromise(
  Effect.all([quickstart, secondEvening]).pipe(Effect.provide(pomocLayer(SqliteStore.layer({ filename }), key)))
)
const reports: Record<string, string> = {}
for (const [organisation, html] of Object.entries(await Effect.runPromise(annualReports(summary)))) {
  const file = join(folder, `annual-report-2025-${organisation}.html`)
  writeFileSync(file, html)
  reports[organisation] = relative(workingFolder, file)
}
console.log(format(summary, { database: relative(workingFolder, filename), reports }))
console.log(formatSecondEvening(evening))
