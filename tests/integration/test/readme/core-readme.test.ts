import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { program } from "./core.snippet.js"

describe("@pomoc/core README", () => {
  it("opens with the snippet in this folder, word for word", () => {
    const readme = readFileSync(new URL("../../../../packages/core/README.md", import.meta.url), "utf8")
    const snippet = readFileSync(new URL("./core.snippet.ts", import.meta.url), "utf8")
    const first = /```ts\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(first?.trim()).toBe(snippet.trim())
  })
  it("runs: the fee in a free service is refused", async () => {
    expect(await Effect.runPromise(program)).toBe("CommandRefused")
  })
})
