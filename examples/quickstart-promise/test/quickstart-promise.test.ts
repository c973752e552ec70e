import { KeyMaterial, Store } from "@pomoc/core"
import { SqliteStore } from "@pomoc/store-sqlite"
import { describe, expect, it } from "vitest"
import { connect, session } from "../src/quickstart.js"

describe("quickstart (Promise)", () => {
  for (
    const [name, store] of [["memory", () => Store.layerMemory], [
      "SQLite",
      () => SqliteStore.layer({ filename: ":memory:" })
    ]] as const
  ) {
    it(`runs on ${name} and catches typed errors`, async () => {
      const pomoc = connect(store(), KeyMaterial.generate())
      try {
        const outcome = await session(pomoc)
        expect(outcome.contacts).toBe(3)
        expect(outcome.historyContacts).toBe(3)
        expect(outcome.auditIntact).toBe(true)
        expect(outcome.caught).toEqual([
          expect.stringMatching(/^CommandRefused: .*free-of-charge/),
          "AccessDenied: no-role-grants-operation",
          expect.stringMatching(/^InvalidInput: .*at/)
        ])
      } finally {
        await pomoc.dispose()
      }
    })
  }
})
