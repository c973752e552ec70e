/**
 * Distinct people counted a chunk of report rows at a time (`reportChunkRows`): with chunks of one
 * and three rows (so every period spans many chunks, and chunks end inside runs of rows at the
 * same instant), the kit's aggregate and measure checks, each a model comparison, still hold; and
 * in one schema the counts of a chunked store equal those of a store reading each period at once.
 */
import { checks, chunkedReportsAgree, runCheck } from "@pomoc/store-testkit"
import { Effect } from "effect"
import { afterAll, describe, it } from "vitest"
import { PostgresStore } from "../src/index.js"
import { clientConfig, createSchema, freshSchema, withRaw } from "./stores.js"

const dropSchema = (schema: string) => withRaw("public", (sql) => sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`)

describe("distinct people read a chunk of rows at a time", () => {
  const schemas: Array<string> = []
  afterAll(() => Effect.runPromise(Effect.forEach(schemas, dropSchema, { discard: true })))
  for (const reportChunkRows of [1, 3]) {
    const schema = freshSchema()
    schemas.push(schema)
    const options = {
      layer: PostgresStore.layer({ ...clientConfig(schema), reportChunkRows }),
      reset: () => Effect.runPromise(Effect.asVoid(Effect.andThen(dropSchema(schema), createSchema(schema)))),
      modelRuns: 10
    }
    for (const check of checks.measures) {
      it(`chunks of ${reportChunkRows}: ${check.name}`, () => runCheck(check, options), 180_000)
    }
  }

  it("a chunked store counts as one reading the whole period at once, in the same schema", async () => {
    const schema = freshSchema()
    schemas.push(schema)
    await Effect.runPromise(createSchema(schema))
    await chunkedReportsAgree((reportChunkRows) =>
      PostgresStore.layer({ ...clientConfig(schema), ...(reportChunkRows ? { reportChunkRows } : {}) })
    )
  }, 180_000)
})
