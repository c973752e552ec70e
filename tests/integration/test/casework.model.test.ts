import { Store } from "@pomoc/core"
import { SqliteStore } from "@pomoc/store-sqlite"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, it } from "vitest"
import { runModel } from "./model.js"

// At least 1,000 random sequences per CI run on the memory and SQLite stores (issue #6).
const runs = Number(process.env["POMOC_MODEL_RUNS"] ?? (process.env["CI"] ? 1000 : 200))

describe("case-work API, model-based", () => {
  it(`memory store: ${runs} random sequences keep every invariant`, { timeout: 900_000 }, async () => {
    await runModel(() => Store.layerMemory, { numRuns: runs })
  })
  it(`SQLite store: ${runs} random sequences keep every invariant`, { timeout: 900_000 }, async () => {
    await runModel(() => SqliteStore.layer({ filename: ":memory:" }), { numRuns: runs })
  })
  // Issue 11: after every run, the raw database files (main file and WAL) hold no personal value.
  it(`SQLite file: ${Math.max(20, Math.round(runs / 10))} random sequences, raw files scanned for canaries`, {
    timeout: 900_000
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "pomoc-model-"))
    let n = 0
    try {
      await runModel(() => {
        const file = join(dir, `model-${n++}.db`)
        return {
          layer: SqliteStore.layer({ filename: file }),
          raw: async () => Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)))
        }
      }, { numRuns: Math.max(20, Math.round(runs / 10)) })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
