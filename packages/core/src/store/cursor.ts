/**
 * Keyset paging: the opaque cursor of a page query. A cursor holds the position of the last
 * record of a page (its `at`, or null, and its `id`: never personal) and a checksum over that
 * position and the query's filters, so that a cursor altered by hand, or given with other
 * filters than those of the query that returned it, is refused. The checksum is not a secret: a
 * forged cursor can only move where a page starts, never widen what the query selects.
 *
 * @internal
 */
import { Result } from "effect"
import { Base64Url } from "effect/encoding"
import { sha256 } from "../internal/sha256.js"
import type { StoredRecord } from "./contract.js"

/**
 * A position in the order of `list` (by `at`, records without a time first, then `id`): a page
 * goes on with the records after it.
 * @since 0.2.0
 * @category models
 */
export interface Keyset {
  readonly at: string | null
  readonly id: string
}

/** The filters a cursor is bound to. */
export interface CursorScope {
  readonly kind: string
  readonly serviceId?: string | undefined
  readonly personId?: string | undefined
  readonly from?: string | undefined
  readonly to?: string | undefined
  readonly lookup?: string | undefined
  readonly guarded?: {
    readonly kind: string
    readonly prefix: string
    readonly suffix: string
    readonly present: boolean
  } | undefined
}

const VERSION = "1"

// A scope without a token (or a guarded filter) reads as it did before those were filters, so
// earlier cursors hold.
const scopeText = (scope: CursorScope): string =>
  JSON.stringify([
    scope.kind,
    scope.serviceId ?? null,
    scope.personId ?? null,
    scope.from ?? null,
    scope.to ?? null,
    ...(scope.lookup === undefined && scope.guarded === undefined ? [] : [scope.lookup ?? null]),
    ...(scope.guarded === undefined
      ? []
      : [[scope.guarded.kind, scope.guarded.prefix, scope.guarded.suffix, scope.guarded.present]])
  ])

const checksum = (scope: CursorScope, payload: string): string =>
  sha256(`pomoc-cursor/${VERSION}\u0000${scopeText(scope)}\u0000${payload}`).slice(0, 24)

/**
 * The cursor after `record` for a query with the given filters.
 * @since 0.2.0
 * @category constructors
 */
export const encodeCursor = (scope: CursorScope, record: Pick<StoredRecord, "at" | "id">): string => {
  const payload = Base64Url.encode(JSON.stringify([record.at, record.id]))
  return `${VERSION}.${payload}.${checksum(scope, payload)}`
}

/**
 * The position a cursor holds, if it is one that a query with these filters returned;
 * `undefined` for anything else (altered, truncated, of another query, not a cursor).
 * @since 0.2.0
 * @category combinators
 */
export const decodeCursor = (scope: CursorScope, cursor: unknown): Keyset | undefined => {
  if (typeof cursor !== "string" || cursor.length > 2048) return undefined
  const parts = cursor.split(".")
  if (parts.length !== 3 || parts[0] !== VERSION) return undefined
  const payload = parts[1]!
  if (parts[2] !== checksum(scope, payload)) return undefined
  const text = Base64Url.decodeString(payload)
  if (Result.isFailure(text)) return undefined
  let position: unknown
  try {
    position = JSON.parse(text.success)
  } catch {
    return undefined
  }
  if (!Array.isArray(position) || position.length !== 2) return undefined
  const [at, id] = position as [unknown, unknown]
  if ((at !== null && typeof at !== "string") || typeof id !== "string") return undefined
  return { at, id }
}
