/**
 * Key material the application provides to the privacy functions. Keys live outside the store
 * (a secrets manager, an environment variable, a key derived from a passphrase on the device):
 * a store holds pseudonymous codes and ciphertexts, never the keys that made them.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A key as raw bytes or as a Web Crypto `CryptoKey`. Raw bytes are imported as a
 * non-extractable key and the caller's array is copied, so later changes to it have no effect.
 * @since 0.1.0
 * @category models
 */
export type KeyMaterial = Uint8Array | CryptoKey

/**
 * A key that cannot be used: too short, the wrong algorithm, or a key id that is malformed or
 * missing. Names the key id (never the key) and the rule.
 * @since 0.1.0
 * @category errors
 */
export class InvalidKey extends Schema.TaggedError<InvalidKey>("@pomoc/core/privacy/InvalidKey")("InvalidKey", {
  keyId: Schema.optionalKey(Schema.String),
  rule: Schema.String
}) {
  override get message(): string {
    return this.keyId === undefined ? `Invalid key: ${this.rule}` : `Invalid key "${this.keyId}": ${this.rule}`
  }
}

/**
 * Whether key material is a Web Crypto key rather than raw bytes.
 * @since 0.1.0
 * @category guards
 */
export const isCryptoKey = (key: KeyMaterial): key is CryptoKey =>
  !(key instanceof Uint8Array) && typeof (key as { algorithm?: unknown }).algorithm === "object"

/**
 * 32 fresh random bytes from Web Crypto: a new key for `Pseudonym.layer` or
 * `FieldCrypto.layer`. Store it outside the database (a secrets manager, an environment
 * variable as base64url); whoever holds it can reverse codes by guessing and read encrypted fields.
 * @since 0.1.0
 * @category constructors
 */
export const generate = (): Uint8Array<ArrayBuffer> => globalThis.crypto.getRandomValues(new Uint8Array(32))
