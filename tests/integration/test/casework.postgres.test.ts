import { PostgresStore } from "@pomoc/store-postgres"
import { Effect, Layer } from "effect"
import { describe, it } from "vitest"
import { clientConfig, createSchema, freshSchema } from "../../../packages/stores/postgres/test/stores.js"
import { runModel } from "./model.js"
import { rawOf } from "./pgRaw.js"

// Fewer sequences on PostgreSQL: each one opens a pool and migrates a schema of its own.
const runs = Number(process.env["POMOC_MODEL_RUNS_PG"] ?? 40)

describe("case-work API, model-based, PostgreSQL", () => {
  it(`${runs} random sequences keep every invariant; a dump and the relation files scanned for canaries`, {
    timeout: 900_000
  }, async () => {
    await runModel(() => {
      const schema = freshSchema()
      return {
        layer: Layer.unwrap(Effect.as(createSchema(schema), PostgresStore.layer(clientConfig(schema)))),
        // Issue 11: after every run, a dump and the relation files hold no personal value.
        raw: () => rawOf(schema)
      }
    }, { numRuns: runs, maxCommands: 10 })
  })
})
