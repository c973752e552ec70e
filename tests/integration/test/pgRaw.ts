/**
 * A PostgreSQL schema's bytes as an attacker with the server's files would read them: a
 * `pg_dump` of its data, and its relation files (tables, indexes, TOAST) after a checkpoint.
 */
import { Effect } from "effect"
import { execFileSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { findPostgresBinaries } from "../../../packages/stores/postgres/test/cluster.js"
import { pgConnection } from "../../../packages/stores/postgres/test/pg.js"
import { withRaw } from "../../../packages/stores/postgres/test/stores.js"

/** A data-only `pg_dump` of the schema. */
export const dumpOf = (schema: string): Buffer =>
  execFileSync(join(findPostgresBinaries(), "pg_dump"), ["--data-only", "--schema", schema, pgConnection().url], {
    maxBuffer: 1 << 28
  })

/** The schema's relation files (tables, indexes, TOAST), read after a checkpoint. */
export const heapOf = (schema: string): Promise<Buffer> =>
  Effect.runPromise(withRaw(schema, (sql) =>
    Effect.gen(function*() {
      yield* sql`CHECKPOINT`
      const [dir] = yield* sql<{ setting: string }>`SELECT setting FROM pg_settings WHERE name = 'data_directory'`
      const files = yield* sql<{ path: string }>`
        SELECT pg_relation_filepath(c.oid) AS path FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'i', 't')
        UNION SELECT pg_relation_filepath(c.reltoastrelid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ${schema} AND c.reltoastrelid <> 0`
      return Buffer.concat(
        files.filter((f) => f.path !== null).map((f) => join(dir!.setting, f.path)).filter((p) => existsSync(p))
          .map((p) => readFileSync(p))
      )
    })))

/** Both: the dump, then the relation files. */
export const rawOf = async (schema: string): Promise<Buffer> => Buffer.concat([dumpOf(schema), await heapOf(schema)])
