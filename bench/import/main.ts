/**
 * Benchmark of spreadsheet import (issue 16), on SQLite (a file, WAL): a CSV file of 100,000
 * contacts (half with one of 1,000 pseudonymous young people, half anonymous groups; every tenth
 * with a note, encrypted with the person's data key or the application's key) imported through
 * `@pomoc/import`, so every row is decoded, authorised, checked and put to the principles, and
 * the whole file is committed in one unit of work with one audit entry per row.
 * Target: < 60 s for the 100,000 rows, reading the file included.
 *
 * Baseline, measured in the same run: the store's own batch path, one `store.commit` of the same
 * 100,000 contact records (already decoded, encoded and encrypted, so only the commit is timed)
 * with their 100,000 audit entries, into a second database file prepared the same way.
 * Also shown: a dry run of the same file (every row through the road, nothing stored).
 *
 * Run: `npm run bench -- import` (`--rows=N` for another size, `--quick` for 10,000).
 */
import { Casework, FieldCrypto, KeyMaterial, Records, Registry, StaffDirectory, Store } from "@pomoc/core"
import type { Audit } from "@pomoc/core"
import { Import, Mapping, Sheet } from "@pomoc/import"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Context, Effect, Exit, Layer, Schema, Scope } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { cpus, tmpdir, totalmem } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const arg = process.argv.find((a) => a.startsWith("--rows="))
const ROWS = arg !== undefined
  ? Number(arg.slice("--rows=".length))
  : process.argv.includes("--quick")
  ? 10_000
  : 100_000
const PEOPLE = 1_000
const TARGET_MS = 60_000

const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "eva", grants: [{ role: "worker", services: ["club"] }] }
const registry = Registry.makeUnsafe([lowThresholdClub])
const key = KeyMaterial.generate()
const dir = mkdtempSync(join(tmpdir(), "pomoc-bench-import-"))

const open = async (file: string) => {
  const layer = Casework.layer(Casework.configFromRegistry(registry)).pipe(
    Layer.provide(StaffDirectory.layerList([admin, worker])),
    Layer.provideMerge(FieldCrypto.layer({ keys: { k1: key }, current: "k1" })),
    Layer.provideMerge(SqliteStore.layer({ filename: join(dir, file) }))
  )
  const scope = Scope.makeUnsafe()
  const context = await Effect.runPromise(Layer.buildWithScope(layer, scope))
  return {
    api: Context.get(context, Casework.Casework),
    store: Context.get(context, Store.Store),
    crypto: Context.get(context, FieldCrypto.FieldCrypto),
    close: () => Effect.runPromise(Scope.close(scope, Exit.void))
  }
}
const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(effect)
const time = async <A>(f: () => Promise<A>): Promise<{ readonly ms: number; readonly value: A }> => {
  const start = performance.now()
  const value = await f()
  return { ms: performance.now() - start, value }
}

// The mappings the import property test uses too (a test file, so loaded at run time).
const here = dirname(fileURLToPath(import.meta.url))
const mappingsPath = join(here, "..", "..", "packages", "interop", "import", "test", "mappings.ts")
const { contacts, people } = (await import(pathToFileURL(mappingsPath).href)) as {
  readonly people: Mapping.Mapping
  readonly contacts: Mapping.Mapping
}

const T0 = Date.UTC(2025, 0, 1)
const when = (i: number) => new Date(T0 + i * 7 * 60_000).toISOString().slice(0, 16).replace("T", " ")
const peopleCsv = [
  "ID,Nickname,Age",
  ...Array.from({ length: PEOPLE }, (_, i) => `p-${i},Nick ${i},${i % 2 === 0 ? "15-17" : "18-20"}`)
].join("\n")
const contactsCsv = [
  "ID,When,Minutes,People,Anonymous,Interventions,Note",
  ...Array.from({ length: ROWS }, (_, i) => {
    const known = i % 2 === 0
    const note = i % 10 === 0 ? "Talked about school and the week ahead" : ""
    return `c-${i},${when(i)},${20 + (i % 60)},${known ? `p-${(i / 2) % PEOPLE}` : ""},${
      known ? 0 : 2 + (i % 5)
    },conversation;information,${note}`
  })
].join("\n")

const prepare = async (file: string) => {
  const db = await open(file)
  await run(db.api.registerOrganisation(admin, { id: "org", name: "Org" }))
  await run(db.api.registerService(admin, {
    id: "club",
    organisationId: "org",
    type: "low-threshold-club",
    name: "Club",
    targetGroup: { description: "youth", ageRange: { min: 6, max: 26 } },
    localities: [],
    principles: [...lowThresholdClub.principles],
    freeOfCharge: true,
    firstContactChannels: [],
    registeredAt: "2025-01-01T00:00:00.000Z"
  }))
  await run(Import.run(db.api, worker, people, await run(Sheet.fromCsv(peopleCsv))))
  return db
}

const fmt = (ms: number) => ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`

console.log(
  `rows: ${ROWS.toLocaleString("en-US")} contacts (${
    PEOPLE.toLocaleString("en-US")
  } people); node ${process.version}; ${cpus().length} × ${cpus()[0]?.model ?? "?"}; ${
    (totalmem() / 2 ** 30).toFixed(1)
  } GiB; ${new Date().toISOString()}`
)
try {
  // Baseline: the store's batch path, on its own database prepared the same way.
  const base = await prepare("store.db")
  const sheetForBase = await run(Sheet.fromCsv(contactsCsv))
  const { commands } = Import.toCommands(contacts, sheetForBase)
  const writes = await run(Effect.forEach(commands, (c) => {
    const input = { ...(c.input as Record<string, unknown>), workers: [worker.id] }
    const w = Records.toWrite(
      Records.mappings.contact,
      Schema.decodeUnknownSync(Records.mappings.contact.schema)(input),
      0
    )
    return Effect.map(base.crypto.encryptFields(w.kind, w.id, w.data), (data) => ({ ...w, data }))
  }))
  const at = new Date().toISOString()
  const audit = writes.map((w): Audit.AuditDraft => ({
    at,
    actor: worker.id,
    role: "worker",
    operation: "RecordContact",
    outcome: "allowed",
    serviceId: "club",
    subjects: [{ kind: w.kind, id: w.id }]
  }))
  const storeBatch = await time(() => run(base.store.commit({ writes, audit })))
  await base.close()

  // The import: read the file, a dry run, then the import for real.
  const db = await prepare("import.db")
  const read = await time(() => run(Sheet.fromCsv(contactsCsv)))
  const dry = await time(() => run(Import.run(db.api, worker, contacts, read.value, { dryRun: true })))
  const real = await time(() => run(Import.run(db.api, worker, contacts, read.value)))
  const stored = (await run(db.store.list({ kind: "contact" }))).length
  await db.close()
  if (stored !== ROWS) throw new Error(`expected ${ROWS} stored contacts, found ${stored}`)

  const total = read.ms + real.ms
  console.log("")
  console.log("| step | time | per row |")
  console.log("| --- | ---: | ---: |")
  console.log(`| read the CSV file (csv-parse) | ${fmt(read.ms)} | ${(read.ms * 1000 / ROWS).toFixed(1)} µs |`)
  console.log(
    `| dry run (every row through the road, nothing stored) | ${fmt(dry.ms)} | ${
      (dry.ms * 1000 / ROWS).toFixed(1)
    } µs |`
  )
  console.log(
    `| import (every row through the road, one commit) | ${fmt(real.ms)} | ${(real.ms * 1000 / ROWS).toFixed(1)} µs |`
  )
  console.log(
    `| store's batch path (one commit of the same records, encrypted beforehand) | ${fmt(storeBatch.ms)} | ${
      (storeBatch.ms * 1000 / ROWS).toFixed(1)
    } µs |`
  )
  console.log("")
  console.log(`import ÷ store's batch path: ${(real.ms / storeBatch.ms).toFixed(2)}×`)
  const verdict = ROWS === 100_000 ? (total < TARGET_MS ? "met" : "MISSED") : "(target is for 100,000 rows)"
  console.log(
    `read + import of ${ROWS.toLocaleString("en-US")} contacts: ${fmt(total)}; target < ${
      fmt(TARGET_MS)
    } for 100,000: ${verdict}`
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
