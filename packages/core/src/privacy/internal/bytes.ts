// Byte helpers for privacy code that must run in browsers: no Buffer, no Node built-ins.
import { Result } from "effect"
import { Base64Url } from "effect/encoding"

const utf8Encoder = new TextEncoder()
const utf8Decoder = new TextDecoder("utf-8", { fatal: true })

/** UTF-8 bytes of a string, in a buffer Web Crypto accepts. */
export const utf8 = (text: string): Uint8Array<ArrayBuffer> => utf8Encoder.encode(text)

/** A string from UTF-8 bytes; throws on invalid UTF-8. */
export const fromUtf8 = (bytes: Uint8Array): string => utf8Decoder.decode(bytes)

/** A private copy of some bytes, backed by a plain `ArrayBuffer` (what Web Crypto's types ask for). */
export const copy = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(bytes.length)
  out.set(bytes)
  return out
}

/** IVs are drawn from a pool of random bytes filled this many at a time (Web Crypto allows up to 65,536). */
const IV_POOL = 12 * 1024
let ivPool = new Uint8Array(0)
let ivNext = 0

/**
 * `n` fresh random bytes for an IV (a public value that must never repeat under one key), cut
 * from a pool that `crypto.getRandomValues` refills: one call per about a thousand IVs, where
 * one call per IV cost more than a field's cipher. Each byte of the pool is handed out once.
 * Keys are never drawn from it.
 */
export const randomIv = (n: number): Uint8Array<ArrayBuffer> => {
  if (ivNext + n > ivPool.length) {
    ivPool = globalThis.crypto.getRandomValues(new Uint8Array(Math.max(IV_POOL, n)))
    ivNext = 0
  }
  const iv = ivPool.slice(ivNext, ivNext + n)
  ivNext += n
  return iv
}

/** Base64url (RFC 4648 §5) without padding. */
export const toBase64Url = (bytes: Uint8Array): string => Base64Url.encode(bytes)

/**
 * Decodes unpadded base64url. Returns `undefined` for anything that is not the canonical
 * encoding of some bytes (wrong alphabet, padding, impossible length, non-zero trailing bits), so
 * that every byte string has exactly one accepted text form.
 */
export const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> | undefined => {
  const decoded = Base64Url.decode(text)
  if (Result.isFailure(decoded)) return undefined
  const bytes = copy(decoded.success)
  return Base64Url.encode(bytes) === text ? bytes : undefined
}

const B32 = "abcdefghijklmnopqrstuvwxyz234567"

/** Lower-case base32 (RFC 4648 alphabet) of the first `bits` bits of `bytes` (`bits` a multiple of 5). */
export const toBase32 = (bytes: Uint8Array, bits: number): string => {
  let out = ""
  for (let i = 0; i < bits; i += 5) {
    let v = 0
    for (let b = 0; b < 5; b++) {
      const bit = i + b
      v = (v << 1) | ((bytes[bit >> 3]! >> (7 - (bit & 7))) & 1)
    }
    out += B32[v]!
  }
  return out
}
