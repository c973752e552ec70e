/**
 * `@pomoc/store-testkit`: the conformance suite every Pomoc `Store` adapter passes, its checks,
 * the raw-probe contract, and fast-check arbitraries for adapter authors.
 *
 * @packageDocumentation
 */

export * from "./Suite.js"
export * from "./Harness.js"
export * from "./Arbitraries.js"
export * from "./Classifier.js"
/** @since 0.1.0 */
export * as Model from "./Model.js"
export { chunkedReportsAgree } from "./checks/chunks.js"
export { reportSample } from "./checks/plans.js"
export { arbModelCommands, arbModelContent, type Mode, type Real, type WriteSpec } from "./checks/modelBased.js"
