import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex } from "@noble/hashes/utils.js"

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Is this a UUID, as HSDS requires of every id? */
export const isUuid = (s: string): boolean => UUID.test(s)

/**
 * A stable UUID (version 8, name-based on SHA-256) for things Pomoc does not give an id of their
 * own: a schedule entry, a phone, the link of a service to a location. Same parts, same UUID, so
 * an export is reproducible.
 */
export const derivedUuid = (...parts: ReadonlyArray<string>): string => {
  const hex = bytesToHex(sha256(new TextEncoder().encode(["pomoc-hsds", ...parts].join("\u0000")))).slice(0, 32)
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${
    hex.slice(20, 32)
  }`
}
