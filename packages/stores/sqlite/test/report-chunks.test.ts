/**
 * Reports counted a chunk of rows at a time (`reportChunkRows`): with chunks of one, two and
 * three rows (so every period spans many chunks, and chunks end inside runs of rows at the same
 * instant), the kit's aggregate and measure checks, each a model comparison, still hold; and on
 * one file the counts of a chunked store equal those of a store reading each period in one text.
 */
import { checks, chunkedReportsAgree, runCheck } from "@pomoc/store-testkit"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, it } from "vitest"
import { SqliteStore } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "pomoc-sqlite-chunks-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("reports read a chunk of rows at a time", () => {
  for (const reportChunkRows of [1, 3]) {
    const options = { layer: SqliteStore.layer({ filename: ":memory:", reportChunkRows }), modelRuns: 15 }
    for (const check of [...checks.aggregate, ...checks.measures]) {
      it(`chunks of ${reportChunkRows}: ${check.name}`, () => runCheck(check, options), 120_000)
    }
  }

  it("a chunked store counts as one reading the whole period in one text, on the same file", () =>
    chunkedReportsAgree((reportChunkRows) =>
      SqliteStore.layer({ filename: join(dir, "same.db"), ...(reportChunkRows ? { reportChunkRows } : {}) })
    ))
})
