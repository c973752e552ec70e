/**
 * `@pomoc/store-sql`: the shared SQL implementation of the Pomoc `Store` for `effect/sql`
 * clients. A dialect (one folder per database: `@pomoc/store-sqlite`, `@pomoc/store-postgres`)
 * supplies its migrations, locks, expressions and error classification as a `SqlDialect`.
 *
 * @packageDocumentation
 */

/** @since 0.1.0 */
export * as SqlStore from "./SqlStore.js"
/** @since 0.2.0 */
export * as SqlDialect from "./SqlDialect.js"
/** @since 0.2.0 */
export * as SqlErrors from "./SqlErrors.js"
/** @since 0.2.0 */
export * as NodeHasher from "./NodeHasher.js"
/** @since 0.2.0 */
export * as NodeCipher from "./NodeCipher.js"
