/** Every store the integration tests run on: memory, SQLite and a fresh PostgreSQL schema. */
import type { Store } from "@pomoc/core"
import { MemoryStore } from "@pomoc/store-memory"
import { PostgresStore } from "@pomoc/store-postgres"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Effect, Layer } from "effect"
import { clientConfig, createSchema, freshSchema } from "../../../packages/stores/postgres/test/stores.js"

export const everyStore: ReadonlyArray<readonly [string, () => Layer.Layer<Store.Store, unknown>]> = [
  ["memory", () => MemoryStore.layer],
  ["SQLite", () => SqliteStore.layer({ filename: ":memory:" })],
  ["PostgreSQL", () => {
    const schema = freshSchema()
    return Layer.unwrap(Effect.as(createSchema(schema), PostgresStore.layer(clientConfig(schema))))
  }]
]
