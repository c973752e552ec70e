import { DateTime } from "effect"

/**
 * A result of the case-work API as JSON: dates as ISO strings, maps as objects, sets as arrays,
 * class instances as their fields. (The API's values are plain data apart from these.)
 */
export const toJson = (value: unknown): unknown => {
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? value.toString() : value
  if (DateTime.isDateTime(value)) return DateTime.formatIso(value)
  if (Array.isArray(value)) return value.map(toJson)
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJson(v)]))
  if (value instanceof Set) return [...value].map(toJson)
  if (value instanceof Uint8Array) return Array.from(value)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined && typeof v !== "function") out[k] = toJson(v)
  }
  return out
}
