// docs/interop.md (its spreadsheet section) and this package's README show the snippet in
// ./docs word for word, and the snippet runs, so that neither can rot.
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import * as importing from "./docs/import.snippet.js"

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8")
const blocks = (markdown: string) => [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!.trim())
const section = (markdown: string) => markdown.slice(markdown.indexOf("\n## Spreadsheet import"))

describe("docs/interop.md and the README", () => {
  it("show the snippet word for word", () => {
    const snippet = read("./docs/import.snippet.ts").trim()
    expect(blocks(section(read("../../../../docs/interop.md")))).toEqual([snippet])
    expect(blocks(read("../README.md"))).toEqual([snippet])
  })

  it("runs: the dry run and the import pass, the broken file is refused row by row", async () => {
    const { checked, imported, refused } = await Effect.runPromise(importing.program)
    expect(checked).toMatchObject({ rows: 2, stored: false })
    expect(imported).toMatchObject({ rows: 2, stored: true, operation: "recordContact" })
    expect(refused._tag).toBe("ImportRefused")
    expect(refused._tag === "ImportRefused" ? refused.problems.map((p) => [p.row, p.column]) : []).toEqual([
      [2, "Minutes"],
      [3, "Date"],
      [4, "What we did"]
    ])
  })
})
