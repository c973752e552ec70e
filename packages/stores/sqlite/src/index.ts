/**
 * `@pomoc/store-sqlite`: the embedded Pomoc store on SQLite (`node:sqlite` or better-sqlite3), the
 * `effect/sql` client it runs on, its SQL dialect and the structural driver shape.
 *
 * @packageDocumentation
 */

/** @since 0.1.0 */
export * as SqliteStore from "./SqliteStore.js"
/** @since 0.1.0 */
export * as SqliteClient from "./SqliteClient.js"
/** @since 0.2.0 */
export * as SqliteDialect from "./dialect/SqliteDialect.js"
/** @since 0.2.0 */
export * as SqliteDriver from "./SqliteDriver.js"
