/**
 * The store's sessions run without JIT compilation (compiling took longer than Pomoc's
 * statements run), unless the config's `startupParameters` turn it on; the config's other
 * parameters still apply.
 */
import { Context, Effect, Layer } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import { describe, expect, it } from "vitest"
import { PostgresStore } from "../src/index.js"
import { clientConfig, createSchema, freshSchema } from "./stores.js"

const settings = (config: PostgresStore.PostgresStoreConfig) =>
  Effect.runPromise(Effect.scoped(Effect.gen(function*() {
    const sql = Context.get(yield* Layer.build(PostgresStore.layer(config)), SqlClient.SqlClient)
    const [row] = yield* sql<{ jit: string; search_path: string }>`SELECT current_setting('jit') AS jit,
      current_setting('search_path') AS search_path`
    return row
  })))

describe("PostgreSQL sessions", () => {
  it("run without JIT by default, with it when the config asks, keeping the other parameters", async () => {
    const schema = freshSchema()
    await Effect.runPromise(createSchema(schema))
    expect(await settings(clientConfig(schema))).toEqual({ jit: "off", search_path: schema })
    const on = { ...clientConfig(schema), startupParameters: { search_path: schema, jit: "on" } }
    expect(await settings(on)).toEqual({ jit: "on", search_path: schema })
  })
})
