/**
 * `@pomoc/store-sqlite`: the embedded Pomoc store on SQLite (better-sqlite3), and the
 * `effect/sql` client it runs on.
 *
 * @packageDocumentation
 */

/** @since 0.1.0 */
export * as SqliteStore from "./SqliteStore.js"
/** @since 0.1.0 */
export * as SqliteClient from "./SqliteClient.js"
/** @since 0.2.0 */
export * as SqliteDialect from "./dialect/SqliteDialect.js"
