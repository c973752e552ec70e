/**
 * The README's first snippet is `readme.snippet.ts` word for word, and it runs as it says.
 */
import { describe, expect, it } from "@effect/vitest"
import { indicatorTable } from "@pomoc/core/testing"
import { readFileSync } from "node:fs"
import { childrenInCare } from "../src/index.js"
import { outcome } from "./readme.snippet.js"

const firstTsBlock = (markdown: string): string | undefined => /```ts\n([\s\S]*?)```/.exec(markdown)?.[1]

describe("README", () => {
  it("shows every indicator with its scale and category codes", () => {
    expect(readFileSync(new URL("../README.md", import.meta.url), "utf8")).toContain(indicatorTable(childrenInCare))
  })

  it("starts with the snippet this test runs", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
    const snippet =
      readFileSync(new URL("./readme.snippet.ts", import.meta.url), "utf8").split("// -- end of README snippet --")[0]
    expect(firstTsBlock(readme)).toBe(snippet)
  })

  it("the snippet does what its comments say", () => {
    expect(outcome.label).toBe("Кариерно ориентиране")
    expect(outcome.derived).toEqual(["needs-analysed", "career-guidance-received"])
    expect(outcome.inFosterCare).toBe("Allowed")
    expect(outcome.careLeaver).toBe("Allowed")
    expect(outcome.reportsAreEffects).toBe(true)
  })
})
