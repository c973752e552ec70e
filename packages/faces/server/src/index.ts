/**
 * `@pomoc/server`: Pomoc's case-work operations over HTTP. Endpoints and the OpenAPI 3.1 document
 * are generated from the operations table; errors are RFC 9457 problem details carrying the
 * typed reasons and no personal data; the app plugs in authentication; a typed client for
 * TypeScript callers; `pomoc-server --db pomoc.db` for a quick start.
 *
 * @packageDocumentation
 */

/** @since 0.2.0 */
export * as Api from "./Api.js"
/** @since 0.2.0 */
export * as Client from "./Client.js"
/** @since 0.2.0 */
export * as OpenApiDocument from "./OpenApiDocument.js"
/** @since 0.2.0 */
export * as Problems from "./Problems.js"
/** @since 0.2.0 */
export * as Server from "./Server.js"
