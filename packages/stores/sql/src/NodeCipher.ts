/**
 * Node's native AES-256-GCM for field encryption: the same bytes as core's portable cipher
 * (`@noble/ciphers`), several times faster on the short texts fields hold. A Node host provides
 * {@link layer} to the field keys and the case-work layer (`FieldCrypto.Cipher`), so that every
 * field and every person's data key is sealed and opened natively; envelopes written either way
 * are read either way.
 *
 * @example
 * ```ts
 * import { Casework, FieldCrypto, KeyMaterial, Principles } from "@pomoc/core"
 * import { NodeCipher } from "@pomoc/store-sql"
 * import { SqliteStore } from "@pomoc/store-sqlite"
 * import { Layer } from "effect"
 *
 * const app = Casework.layer({ engine: Principles.coreEngine, serviceTypes: new Map() }).pipe(
 *   Layer.provideMerge(FieldCrypto.layer({ keys: { k1: KeyMaterial.generate() }, current: "k1" })),
 *   Layer.provideMerge(SqliteStore.layer({ filename: ":memory:" })),
 *   Layer.provide(NodeCipher.layer)
 * )
 * ```
 *
 * @since 0.2.0
 */
import { FieldCrypto } from "@pomoc/core"
import { Layer } from "effect"
import * as crypto from "node:crypto"

const TAG_BYTES = 16

/**
 * AES-256-GCM by Node's crypto (a `FieldCrypto.Aes256Gcm`): the ciphertext with its 16-byte tag
 * appended; decrypting throws when the tag does not authenticate.
 * @since 0.2.0
 * @category ciphers
 */
export const aes256Gcm: FieldCrypto.Aes256Gcm = {
  encrypt: (key, iv, additionalData, plaintext) => {
    const cipher = crypto.createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES })
    cipher.setAAD(additionalData)
    const body = cipher.update(plaintext)
    const last = cipher.final()
    const tag = cipher.getAuthTag()
    const out = new Uint8Array(body.length + last.length + TAG_BYTES)
    out.set(body)
    out.set(last, body.length)
    out.set(tag, body.length + last.length)
    return out
  },
  decrypt: (key, iv, additionalData, ciphertext) => {
    if (ciphertext.length < TAG_BYTES) throw new Error("ciphertext shorter than its tag")
    const end = ciphertext.length - TAG_BYTES
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(additionalData)
    decipher.setAuthTag(ciphertext.subarray(end))
    const body = decipher.update(ciphertext.subarray(0, end))
    const last = decipher.final()
    const out = new Uint8Array(body.length + last.length)
    out.set(body)
    out.set(last, body.length)
    return out
  }
}

/**
 * Provides {@link aes256Gcm} as `FieldCrypto.Cipher`.
 * @since 0.2.0
 * @category layers
 */
export const layer: Layer.Layer<never> = Layer.succeed(FieldCrypto.Cipher, aes256Gcm)
