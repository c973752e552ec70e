/**
 * Privacy by design (GDPR Art. 25): pseudonymous codes, field encryption at rest, erasure,
 * retention and subject access.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as KeyMaterial from "./KeyMaterial.js"
export { InvalidKey } from "./KeyMaterial.js"
/** @since 0.1.0 */
export * as Pseudonym from "./Pseudonym.js"
/** @since 0.1.0 */
export * as FieldCrypto from "./FieldCrypto.js"
/** @since 0.1.0 */
export * as Erasure from "./Erasure.js"
/** @since 0.1.0 */
export * as Retention from "./Retention.js"
/** @since 0.1.0 */
export * as SubjectAccess from "./SubjectAccess.js"
/** @since 0.2.0 */
export * as Vault from "./Vault.js"
/** @since 0.2.0 */
export * as BlindIndex from "./BlindIndex.js"
