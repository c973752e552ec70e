/**
 * `npm run demo`: the quickstart on the embedded SQLite store, in a database file of its own.
 * Set POMOC_DB to choose the file; by default a fresh one in the temporary folder.
 */
import { KeyMaterial } from "@pomoc/core"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Effect } from "effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { format, pomocLayer, quickstart } from "./quickstart.js"

const filename = process.env["POMOC_DB"] ?? join(mkdtempSync(join(tmpdir(), "pomoc-")), "quickstart.db")
// A real application loads its key from a secret store; the demo makes a fresh one.
const key = KeyMaterial.generate()

const summary = await Effect.runPromise(quickstart.pipe(Effect.provide(pomocLayer(SqliteStore.layer({ filename }), key))))
console.log(format(summary))
console.log(`  database: ${filename}`)
