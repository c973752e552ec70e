import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { main } from "./promise-client.snippet.js"

describe("docs/casework.md: the Promise client", () => {
  it("shows the snippet in this folder, word for word", () => {
    const doc = readFileSync(new URL("../../../../docs/casework.md", import.meta.url), "utf8")
    const section = doc.slice(doc.indexOf("## The Promise client"))
    const snippet = readFileSync(new URL("./promise-client.snippet.ts", import.meta.url), "utf8")
    const first = /```ts\n([\s\S]*?)```/.exec(section)?.[1]
    expect(first?.trim()).toBe(snippet.trim())
  })
  it("runs: the fee in a free service is refused, with the principle, the rule and the reason", async () => {
    expect(await main()).toMatch(/^free-of-charge \(free-of-charge\/no-fee\): the service is free of charge(; |$)/)
  })
})
