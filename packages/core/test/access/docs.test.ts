import { describe, expect, it } from "vitest"
import doc from "../../../../docs/access.md?raw"
import * as Access from "../../src/access/index.js"

describe("docs/access.md", () => {
  it("holds exactly the table generated from the matrix (run test/access/print-matrix.ts to regenerate)", () => {
    const match = /<!-- access-matrix:start -->\n([\s\S]*?)\n<!-- access-matrix:end -->/.exec(doc)
    expect(match, "the access-matrix markers are missing").not.toBeNull()
    expect(match?.[1]).toBe(Access.toMarkdown())
  })

  it("names every role and every denial reason", () => {
    for (const role of Access.roles) expect(doc).toContain(`**${role[0]?.toUpperCase()}${role.slice(1)}s**`)
    for (const reason of Access.DenialReason.literals) expect(doc).toContain(`\`${reason}\``)
  })
})
