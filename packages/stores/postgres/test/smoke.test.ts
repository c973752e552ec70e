/**
 * Proves the harness: the cluster from `globalSetup.ts` is reachable through `@effect/sql-pg`,
 * and text goes in and out of a parameterised statement unchanged.
 */
import { PgClient } from "@effect/sql-pg"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import * as fc from "fast-check"
import { pgClientConfig, pgConnection } from "./pg.js"

const awkwardTexts = [
  "O'Brien said \"hi\"; DROP TABLE person; --",
  "back\\slash \\' \\\\ \\n $1 ?",
  "Příliš žluťoučký kůň úpěl ďábelské ódy",
  "Šiaulių ąčęėįšųūž, Български: Здравей, свят",
  "emoji 🧑🏽‍🤝‍🧑🏿 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, combining e\u0301",
  "tab\tnewline\ncarriage\r",
  ""
]

// Postgres `text` holds any Unicode except NUL; fast-check's "binary" unit gives whole code points.
const generatedTexts = fc.sample(
  fc.string({ unit: "binary", maxLength: 40 }).filter((s) => !s.includes("\u0000")),
  { numRuns: 200, seed: 20261121 }
)

layer(PgClient.layer(pgClientConfig()), { timeout: 60_000 })("postgres harness", (it) => {
  it("provides the connection info of a loopback server", () => {
    const info = pgConnection()
    assert.isTrue(Number.isInteger(info.port) && info.port > 0)
    assert.strictEqual(info.url.startsWith("postgres://"), true)
  })

  it.effect("answers SELECT 1", () =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const rows = yield* sql<{ one: number }>`SELECT 1 AS one`
      assert.deepStrictEqual(rows, [{ one: 1 }])
    }))

  it.effect("round-trips quotes, backslashes and Unicode through a parameter", () =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const table = `smoke_${process.pid}_${Date.now()}`
      yield* sql`CREATE TABLE ${sql(table)} (id integer PRIMARY KEY, body text NOT NULL)`
      yield* Effect.addFinalizer(() => Effect.ignore(sql`DROP TABLE IF EXISTS ${sql(table)}`))

      const texts = [...awkwardTexts, ...generatedTexts]
      for (const [id, body] of texts.entries()) {
        yield* sql`INSERT INTO ${sql(table)} (id, body) VALUES (${id}, ${body})`
      }
      const rows = yield* sql<{ id: number; body: string }>`SELECT id, body FROM ${sql(table)} ORDER BY id`
      assert.deepStrictEqual(rows.map((r) => r.body), texts)

      const [match] = yield* sql<{ id: number }>`SELECT id FROM ${sql(table)} WHERE body = ${awkwardTexts[0]!}`
      assert.strictEqual(match?.id, 0)
    }))
})
