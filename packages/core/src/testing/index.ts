/**
 * `@pomoc/core/testing`: tools for testing code built on Pomoc, for plugin and application
 * authors as much as for Pomoc itself. It needs `fast-check` (4.x) installed next to it.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Contact, participantCount } from "@pomoc/core"
 * import { arbContact, decoded } from "@pomoc/core/testing"
 *
 * fc.assert(fc.property(decoded(arbContact, Contact), (contact) => participantCount(contact) >= 1))
 * ```
 *
 * @packageDocumentation
 */
export * from "./arbitraries.js"
export * from "./directory.js"
export * from "./facts.js"
export * from "./principles.js"
export * from "./equality.js"
export * from "./plugin.js"
export * from "./suite.js"
export * from "./readme.js"
