import { SqliteStore } from "@pomoc/store-sqlite"
import { Store } from "@pomoc/core"
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
})
