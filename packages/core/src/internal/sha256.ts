// SHA-256 over UTF-8 text, as lower-case hex: synchronous (so the audit chain can be sealed inside
// a store transaction) and browser-safe, from the audited @noble/hashes.
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"

/** SHA-256 of a string's UTF-8 bytes, as lower-case hex. */
export const sha256 = (text: string): string => bytesToHex(nobleSha256(utf8ToBytes(text)))
