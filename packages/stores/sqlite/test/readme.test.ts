/**
 * The READMEs' snippets of `@pomoc/store-sqlite` and `@pomoc/store-sql`, as written there.
 */
import { assert, describe, it } from "@effect/vitest"
import { Audit, Store } from "@pomoc/core"
import { SqlStore } from "@pomoc/store-sql"
import { Effect, Layer } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteClient, SqliteDialect, SqliteStore } from "../src/index.js"

describe("READMEs", () => {
  it("@pomoc/store-sqlite: commits a person into a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pomoc-readme-"))
    try {
      const program = Effect.gen(function*() {
        const store = yield* Store.Store
        const { versions } = yield* store.commit({
          writes: [{
            kind: "person",
            id: "p-1",
            expectedVersion: 0,
            serviceId: "club",
            personIds: ["p-1"],
            at: "2026-05-01T10:00:00.000Z",
            facets: { channel: "street" },
            tags: [],
            data: { code: "AB12" }
          }],
          audit: [{
            at: "2026-05-01T10:00:00.000Z",
            actor: "worker-1",
            role: "worker",
            operation: "register-person",
            outcome: "allowed",
            subjects: [{ kind: "person", id: "p-1" }]
          }]
        })
        return versions
      })
      const versions = await Effect.runPromise(
        program.pipe(Effect.provide(SqliteStore.layer({ filename: join(dir, "pomoc.db") })))
      )
      assert.deepStrictEqual(versions, [1])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("@pomoc/store-sql: builds the store on any SqlClient", async () => {
    const StoreLive = Layer.effect(Store.Store, SqlStore.make({ dialect: SqliteDialect.dialect })).pipe(
      Layer.provide(SqliteClient.layer({ filename: ":memory:" }))
    )
    const program = Effect.gen(function*() {
      const store = yield* Store.Store
      return yield* store.auditHead
    })
    assert.deepStrictEqual(await Effect.runPromise(program.pipe(Effect.provide(StoreLive))), Audit.emptyHead)
  })
})
