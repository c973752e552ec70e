// Byte helpers for privacy code that must run in browsers: no Buffer, no Node built-ins.

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

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
const B64URL_INDEX = new Map<string, number>([...B64URL].map((c, i) => [c, i]))

/** Base64url (RFC 4648 §5) without padding. */
export const toBase64Url = (bytes: Uint8Array): string => {
  let out = ""
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += B64URL[(n >>> 18) & 63]! + B64URL[(n >>> 12) & 63]! + B64URL[(n >>> 6) & 63]! + B64URL[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += B64URL[(n >>> 18) & 63]! + B64URL[(n >>> 12) & 63]!
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += B64URL[(n >>> 18) & 63]! + B64URL[(n >>> 12) & 63]! + B64URL[(n >>> 6) & 63]!
  }
  return out
}

/**
 * Decodes unpadded base64url. Returns `undefined` for anything that is not the canonical
 * encoding of some bytes (wrong alphabet, impossible length, non-zero trailing bits), so that
 * every byte string has exactly one accepted text form.
 */
export const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> | undefined => {
  if (text.length % 4 === 1) return undefined
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  let bits = 0
  let buffer = 0
  let o = 0
  for (const c of text) {
    const v = B64URL_INDEX.get(c)
    if (v === undefined) return undefined
    buffer = (buffer << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (buffer >>> bits) & 0xff
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return undefined
  return out
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
