/**
 * The README's first snippet is `readme.snippet.ts` word for word, and it runs as it says.
 */
import { describe, expect, it } from "@effect/vitest"
import { fieldTable, indicatorTable } from "@pomoc/core/testing"
import { readFileSync } from "node:fs"
import { lowThresholdClub } from "../src/index.js"
import { outcome } from "./readme.snippet.js"

const firstTsBlock = (markdown: string): string | undefined => /```ts\n([\s\S]*?)```/.exec(markdown)?.[1]

describe("README", () => {
  it("shows its custom fields, what is new in 0.2", () => {
    expect(readFileSync(new URL("../README.md", import.meta.url), "utf8")).toContain(fieldTable(lowThresholdClub))
  })

  it("shows every indicator with its scale and category codes", () => {
    expect(readFileSync(new URL("../README.md", import.meta.url), "utf8")).toContain(indicatorTable(lowThresholdClub))
  })

  it("starts with the snippet this test runs", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
    const snippet =
      readFileSync(new URL("./readme.snippet.ts", import.meta.url), "utf8").split("// -- end of README snippet --")[0]
    expect(firstTsBlock(readme)).toBe(snippet)
  })

  it("the snippet does what its comments say", () => {
    expect(outcome.label).toBe("Krizová intervence")
    expect(outcome.recorded).toBe("Allowed")
    expect(outcome.eligibility).toBe("Denied")
    expect(outcome.deniedBy).toContain("low-threshold-club/target-age")
  })
})
