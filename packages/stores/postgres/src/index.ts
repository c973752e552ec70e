/**
 * `@pomoc/store-postgres`: the Pomoc store on PostgreSQL (`@effect/sql-pg`), for a server that
 * serves a whole network of services.
 *
 * @packageDocumentation
 */

/** @since 0.1.0 */
export * as PostgresStore from "./PostgresStore.js"
/** @since 0.2.0 */
export * as PostgresDialect from "./dialect/PostgresDialect.js"
