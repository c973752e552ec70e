// docs/interop.md and this package's README show the snippets in ./docs word for word, and the
// snippets run, so that neither can rot.
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { Schemas } from "../src/index.js"
import * as exporting from "./docs/export.snippet.js"
import * as hours from "./docs/hours.snippet.js"
import * as importing from "./docs/import.snippet.js"

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8")
const blocks = (markdown: string) => [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!.trim())

describe("docs/interop.md and the README", () => {
  it("show the snippets word for word", () => {
    const snippets = ["export", "import", "hours"].map((name) => read(`./docs/${name}.snippet.ts`).trim())
    // The HSDS sections: everything before the spreadsheet import (checked by @pomoc/import's docs test).
    const interop = read("../../../../docs/interop.md")
    expect(blocks(interop.slice(0, interop.indexOf("\n## Spreadsheet import")))).toEqual(snippets)
    expect(blocks(read("../README.md"))[0]).toBe(snippets[0])
  })

  it("export: valid HSDS, and the confidential shelter is in neither form", () => {
    expect(exporting.problems).toEqual([])
    expect(Schemas.validate("organization", exporting.document)).toEqual([])
    const everything = JSON.stringify(exporting.document) + Object.values(exporting.files).join("")
    expect(everything).not.toContain("Safe flat")
    expect(everything).not.toContain("Secret 1")
    expect(everything).toContain("Na Ostrově 12")
    expect(Object.keys(exporting.files)).toEqual(
      expect.arrayContaining([
        "datapackage.json",
        "organizations.csv",
        "services.csv",
        "schedules.csv",
        "locations.csv"
      ])
    )
  })

  it("import: the broken copy is refused by path and stores nothing; the good one is stored", async () => {
    const { refused, plan } = await Effect.runPromise(importing.program)
    expect(refused._tag).toBe("InvalidHsds")
    expect(refused._tag === "InvalidHsds" ? refused.problems.map((p) => p.path).sort() : []).toEqual([
      "$.schedule[0].byday",
      "$.schedule[0].closes_at"
    ])
    expect(plan.services.map((s) => s.value.schedule)).toEqual([[{
      _tag: "Weekly",
      days: ["TU", "TH"],
      opensAt: "15:00",
      closesAt: "19:00"
    }]])
  })

  it("hours: 22 a week, less at Christmas", () => {
    expect(hours.week).toBe(22)
    expect(hours.december).toEqual([{ weekStart: "2026-12-14", hours: 22 }, { weekStart: "2026-12-21", hours: 13 }])
    expect(hours.report).toHaveLength(2)
  })
})
