/**
 * Rebuilding the store's index tokens, page by page: a maintenance function for
 *
 * - **key rotation**: after the application's pseudonym key changes, every person's blind-index
 *   tokens (`BlindIndex`) must be computed again with the new key, or nobody is found;
 * - **backfill**: records written before a kind had index tokens (`IndexTokens`: the people
 *   shared into a service, the referrals made to a service, a record's revisions, a plan step by
 *   its plan and id; a person's code), or before the application provided a pseudonym key, or with
 *   an older normalisation (the case fold of 0.2.0), get them. An upgrade that finds such records
 *   (the SQL stores' migration `index-v2`) makes reads through the kind's tokens fail with
 *   `Store.IndexRebuildNeeded` until `rebuildAll` has run for the whole kind, so a missing rebuild
 *   is never silent (migration `plan-step-tokens` does the same for plan steps written before
 *   their token).
 *
 * Each call rewrites one page of records of a kind (optionally of one service) whose tokens
 * differ from what they should be: the same record, its data as stored (still encrypted), with
 * its tokens replaced, committed as one unit with one audit entry (`RebuildIndex`, naming the
 * records rewritten, never a value). A record changed meanwhile fails the commit with a
 * retryable `Conflict`: run the same page again. `next` continues; `rebuildAll` runs every page.
 *
 * @example
 * ```ts
 * import { Reindex } from "@pomoc/core"
 *
 * // With the new key provided (`Pseudonym.layer(newKey)`), a store and the field keys:
 * const program = Reindex.rebuildAll({ kind: "person", actor: "admin" })
 * // Effect<{ rebuilt, unchanged }, ...>
 * ```
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Option, Schema } from "effect"
import { Person } from "../model/Person.js"
import * as BlindIndex from "../privacy/BlindIndex.js"
import type { DecryptionFailed } from "../privacy/FieldCrypto.js"
import { Cipher, FieldCrypto } from "../privacy/FieldCrypto.js"
import { PseudonymKey } from "../privacy/Pseudonym.js"
import * as Vault from "../privacy/Vault.js"
import { CorruptData, fail, Store, type StoredRecord, type StoreError } from "../Store.js"
import { tokensOf } from "./IndexTokens.js"

/**
 * The kinds whose records carry index tokens.
 * @since 0.2.0
 * @category models
 */
export type IndexedKind = "person" | "referral" | "revision" | "plan-step"

/**
 * What to rebuild: a kind, optionally of one service, a page at a time.
 * @since 0.2.0
 * @category models
 */
export interface RebuildOptions {
  readonly kind: IndexedKind
  /** Only the records of this service (all when absent). */
  readonly serviceId?: string | undefined
  /** The `next` of the page before. */
  readonly cursor?: string | undefined
  /** Records per page (1 to 500; 100 when absent). */
  readonly limit?: number | undefined
  /** Who runs it, for the audit entry (a staff id). */
  readonly actor: string
}

/**
 * What one page rebuilt: how many records were rewritten and how many already held the right
 * tokens, and the cursor of the next page.
 * @since 0.2.0
 * @category models
 */
export interface Rebuilt {
  readonly rebuilt: number
  readonly unchanged: number
  readonly next?: string
}

const samePerson = Schema.decodeUnknownEffect(Person)

const sameTokens = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) =>
  a.length === b.length && a.every((t, i) => t === b[i])

/**
 * Rebuilds the index tokens of one page of records (see the module's notes). Needs the store and
 * the field keys (people's records are opened to compute their blind-index tokens); with the
 * application's pseudonym key (`Pseudonym.layer`) in context, people's blind-index tokens are
 * computed with it, and without it they are kept as stored.
 * @since 0.2.0
 * @category maintenance
 */
export const rebuildPage = (
  options: RebuildOptions
): Effect.Effect<Rebuilt, StoreError | DecryptionFailed, Store | FieldCrypto> =>
  Effect.gen(function*() {
    const store = yield* Store
    const pseudonyms = yield* Effect.serviceOption(PseudonymKey)
    const open = Vault.make(store, yield* FieldCrypto, yield* Cipher).opener()
    const page = yield* store.page({
      kind: options.kind,
      limit: options.limit ?? 100,
      ...(options.serviceId === undefined ? {} : { serviceId: options.serviceId }),
      ...(options.cursor === undefined ? {} : { cursor: options.cursor })
    })
    const writes: Array<StoredRecord & { readonly expectedVersion: number }> = []
    for (const record of page.records) {
      const wanted = yield* tokensFor(record, open, pseudonyms)
      const tokens = [...new Set(wanted)].sort()
      if (sameTokens(tokens, record.lookup ?? [])) continue
      writes.push({ ...record, lookup: tokens, expectedVersion: record.version })
    }
    if (writes.length > 0) {
      const at = DateTime.formatIso(yield* DateTime.now)
      yield* store.commit({
        writes: writes.map(({ version: _, ...w }) => w),
        audit: [{
          at,
          actor: options.actor,
          role: "maintenance",
          operation: "RebuildIndex",
          outcome: "allowed",
          ...(options.serviceId === undefined ? {} : { serviceId: options.serviceId }),
          subjects: writes.map((w) => ({ kind: w.kind, id: w.id }))
        }]
      })
    }
    return {
      rebuilt: writes.length,
      unchanged: page.records.length - writes.length,
      ...(page.next === undefined ? {} : { next: page.next })
    }
  })

/** The tokens a stored record should hold. */
const tokensFor = (
  record: StoredRecord,
  open: (record: StoredRecord) => Effect.Effect<unknown, DecryptionFailed | StoreError>,
  pseudonyms: Option.Option<PseudonymKey["Service"]>
): Effect.Effect<ReadonlyArray<string>, DecryptionFailed | StoreError> => {
  // Index tokens are of fields never encrypted (service and record ids).
  const index = tokensOf(record.kind, record.data)
  if (record.kind !== "person") return Effect.succeed(index)
  if (Option.isNone(pseudonyms)) {
    // Without the key, the blind-index tokens stay as they are.
    return Effect.succeed([...index, ...(record.lookup ?? []).filter((t) => t.startsWith("ps1-"))])
  }
  return open(record).pipe(
    Effect.flatMap((plain) =>
      Effect.mapError(
        samePerson(plain),
        () => fail("get", new CorruptData({ detail: "a stored person record does not decode" }))
      )
    ),
    Effect.flatMap((person) => BlindIndex.indexOf(pseudonyms.value, person)),
    Effect.map((blind) => [...index, ...blind])
  )
}

/**
 * Rebuilds the index tokens of every record of a kind (optionally of one service), page after
 * page, and says how many were rewritten. Run for a whole kind (no `serviceId`; for people, with
 * the pseudonym key), it marks the store's `reindex:<kind>` done: after an upgrade that added
 * index tokens, reads through the kind's tokens are refused (`Store.IndexRebuildNeeded`) until
 * then.
 * @since 0.2.0
 * @category maintenance
 */
export const rebuildAll = (
  options: Omit<RebuildOptions, "cursor">
): Effect.Effect<Omit<Rebuilt, "next">, StoreError | DecryptionFailed, Store | FieldCrypto> =>
  Effect.gen(function*() {
    let rebuilt = 0
    let unchanged = 0
    let cursor: string | undefined
    do {
      const page = yield* rebuildPage({ ...options, cursor })
      rebuilt += page.rebuilt
      unchanged += page.unchanged
      cursor = page.next
    } while (cursor !== undefined)
    // The whole kind is rebuilt (people's blind-index tokens only with the key): reads through
    // its tokens may go on (see `Store.IndexRebuildNeeded`).
    const store = yield* Store
    const keyed = options.kind !== "person" || Option.isSome(yield* Effect.serviceOption(PseudonymKey))
    if (options.serviceId === undefined && keyed && store.done !== undefined) {
      yield* store.done(`reindex:${options.kind}`)
    }
    return { rebuilt, unchanged }
  })
