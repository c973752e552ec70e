/**
 * The README's first snippet is `readme.snippet.ts` word for word, and it runs as it says.
 */
import { describe, expect, it } from "@effect/vitest"
import { fieldTable, indicatorTable } from "@pomoc/core/testing"
import { readFileSync } from "node:fs"
import { streetWork } from "../src/index.js"
import { outcome } from "./readme.snippet.js"

const firstTsBlock = (markdown: string): string | undefined => /```ts\n([\s\S]*?)```/.exec(markdown)?.[1]

describe("README", () => {
  it("shows its custom fields, what is new in 0.2", () => {
    expect(readFileSync(new URL("../README.md", import.meta.url), "utf8")).toContain(fieldTable(streetWork))
  })

  it("shows every indicator with its scale and category codes", () => {
    expect(readFileSync(new URL("../README.md", import.meta.url), "utf8")).toContain(indicatorTable(streetWork))
  })

  it("starts with the snippet this test runs", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
    const snippet =
      readFileSync(new URL("./readme.snippet.ts", import.meta.url), "utf8").split("// -- end of README snippet --")[0]
    expect(firstTsBlock(readme)).toBe(snippet)
  })

  it("the snippet does what its comments say", () => {
    expect(outcome.label).toBe("LAN party pro hráče a hráčky online her ve věku 11–16 let")
    expect(outcome.reached).toEqual([30, 10])
    expect(outcome.decision).toBe("Denied")
    expect(outcome.deniedBy).toContain("street-work/first-heard-on-first-contact")
  })

  it("the report program is an effect to run with a store", () => {
    expect(outcome.reportsAreEffects).toBe(true)
  })
})
