/**
 * AES-256-GCM for field encryption: synchronous for keys held as bytes (`@noble/ciphers`,
 * audited, pure JavaScript, so it runs in browsers too, unless the host provides its own as
 * `FieldCrypto.Cipher`), and Web Crypto for a `CryptoKey` the
 * application hands over (it may be non-extractable). Both give the same bytes: the ciphertext
 * followed by the 16-byte tag, a 96-bit IV, the associated data authenticated, so envelopes
 * written by either are read by either.
 *
 * A synchronous cipher matters on the hot path: an asynchronous Web Crypto call per field costs
 * a thread-pool round trip and a fiber suspension, about three times the cipher itself.
 *
 * @internal
 */
import { gcm } from "@noble/ciphers/aes.js"
import { Effect } from "effect"
import type { Aes256Gcm } from "../FieldCrypto.js"

/**
 * The portable AES-256-GCM (`@noble/ciphers`), which browsers run too.
 * @internal
 */
export const noble: Aes256Gcm = {
  encrypt: (key, iv, additionalData, plaintext) => gcm(key, iv, additionalData).encrypt(plaintext),
  decrypt: (key, iv, additionalData, ciphertext) => gcm(key, iv, additionalData).decrypt(ciphertext)
}

/**
 * A field key: 32 bytes, or a Web Crypto AES-GCM key.
 * @internal
 */
export type AeadKey =
  | BytesKey
  | { readonly _tag: "crypto-key"; readonly key: CryptoKey }

/**
 * A key held as bytes, with the synchronous cipher that uses it.
 * @internal
 */
export interface BytesKey {
  readonly _tag: "bytes"
  readonly bytes: Uint8Array
  readonly cipher: Aes256Gcm
}

/** @internal */
export const fromBytes = (bytes: Uint8Array, cipher: Aes256Gcm = noble): AeadKey => ({ _tag: "bytes", bytes, cipher })

/** @internal */
export const fromCryptoKey = (key: CryptoKey): AeadKey => ({ _tag: "crypto-key", key })

/**
 * Encrypts `plaintext`: the ciphertext with its tag appended.
 * @internal
 */
export const encrypt = (
  key: AeadKey,
  iv: Uint8Array<ArrayBuffer>,
  additionalData: Uint8Array<ArrayBuffer>,
  plaintext: Uint8Array<ArrayBuffer>
): Effect.Effect<Uint8Array> =>
  key._tag === "bytes"
    ? Effect.sync(() => key.cipher.encrypt(key.bytes, iv, additionalData, plaintext))
    : Effect.map(
      Effect.promise(() =>
        globalThis.crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData }, key.key, plaintext)
      ),
      (ct) => new Uint8Array(ct)
    )

/**
 * Decrypts and authenticates; fails (with `undefined`) when the tag does not match.
 * @internal
 */
export const decrypt = (
  key: AeadKey,
  iv: Uint8Array<ArrayBuffer>,
  additionalData: Uint8Array<ArrayBuffer>,
  ciphertext: Uint8Array<ArrayBuffer>
): Effect.Effect<Uint8Array, undefined> => {
  if (key._tag === "bytes") {
    return Effect.try({
      try: () => key.cipher.decrypt(key.bytes, iv, additionalData, ciphertext),
      catch: () => undefined
    })
  }
  return Effect.tryPromise({
    try: () => globalThis.crypto.subtle.decrypt({ name: "AES-GCM", iv, additionalData }, key.key, ciphertext),
    catch: () => undefined
  }).pipe(Effect.map((plain) => new Uint8Array(plain)))
}
