// SHA-256 over UTF-8 text, as lower-case hex: synchronous (so the audit chain can be sealed inside
// a store transaction) and browser-safe, from the audited @noble/hashes. The text is encoded into
// one reused buffer and the digest turned into hex through a table: verifying a long audit log
// hashes twice per entry, and fresh buffers per hash were a third of its garbage.
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js"

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"))
const encoder = new TextEncoder()
// Grown when a text needs more (UTF-8 takes at most 3 bytes per UTF-16 unit); never shrunk.
let buffer = new Uint8Array(1024)

/** SHA-256 of a string's UTF-8 bytes, as lower-case hex. */
export const sha256 = (text: string): string => {
  if (text.length * 3 > buffer.length) buffer = new Uint8Array(text.length * 3)
  const { written } = encoder.encodeInto(text, buffer)
  const digest = nobleSha256(buffer.subarray(0, written))
  let hex = ""
  for (let i = 0; i < digest.length; i++) hex += HEX[digest[i]!]!
  return hex
}
