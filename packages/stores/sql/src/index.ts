/**
 * `@pomoc/store-sql`: the shared SQL implementation of the Pomoc `Store` for `effect/sql`
 * clients, used by `@pomoc/store-sqlite` and `@pomoc/store-postgres`.
 *
 * @packageDocumentation
 */

/** @since 0.1.0 */
export * as SqlStore from "./SqlStore.js"
