/**
 * Reading through a unit of work: the writes planned so far (a batch's later commands see its
 * earlier ones) and what the unit has read from the store, decoded and decrypted once per unit.
 * Every record a decision reads is noted with its version, so that the commit can name it as a
 * precondition.
 *
 * @internal
 */
import { type DateTime, Effect, Option, Schema } from "effect"
import { InvalidInput } from "../Decode.js"
import type { StaffMember } from "../model/Actor.js"
import type { Person } from "../model/Person.js"
import type * as Vault from "../privacy/Vault.js"
import * as StoreModule from "../Store.js"
import type { StoredRecord, StoreShape } from "../Store.js"
import type { CaseworkError } from "./Config.js"
import { NotFound } from "./Errors.js"
import { tokensOf } from "./IndexTokens.js"
import type * as Operation from "./Operation.js"
import { type Mapping, mappings, type RecordIndex } from "./Records.js"
import { sharedAt } from "./sharing.js"

/**
 * A write planned earlier in the unit of work, as later commands read it.
 * @internal
 */
export interface Pending {
  readonly value: unknown
  readonly version: number
  readonly index: RecordIndex
  readonly id: string
}

/**
 * The writes planned so far in a unit of work, by kind; later commands of a batch read through
 * them. The store's records and lists read by the unit are remembered (a batch of 100,000
 * contacts for 1,000 people reads each person once); its own writes always come first.
 */
export class Overlay {
  readonly pending = new Map<string, Map<string, Pending>>()
  /**
   * What the unit of work has read from the store, decoded: a batch reads each record (and each
   * list) once, at one version, which every later command's preconditions name again.
   */
  readonly found = new Map<string, Option.Option<Operation.Loaded<unknown>>>()
  readonly lists = new Map<string, ReadonlyArray<{ readonly id: string; readonly loaded: Operation.Loaded<unknown> }>>()
  /**
   * The staff members a provided `StaffDirectory` answered for this unit of work: asked
   * once per unit, so a change of the directory is seen by the next unit (a batch's commands
   * are all judged on the directory as the batch found it).
   */
  readonly staff = new Map<string, Option.Option<StaffMember>>()
  add(changes: ReadonlyArray<Operation.Change>): void {
    for (const c of changes) {
      let ofKind = this.pending.get(c.kind)
      if (ofKind === undefined) this.pending.set(c.kind, ofKind = new Map<string, Pending>())
      ofKind.set(c.id, { value: c.entity, version: c.expectedVersion + 1, index: c.index, id: c.id })
    }
  }
  get(kind: string, id: string): Pending | undefined {
    return this.pending.get(kind)?.get(id)
  }
  ofKind(kind: string): Iterable<Pending> {
    return this.pending.get(kind)?.values() ?? []
  }
}

/**
 * The kinds a write may take from the records kept across units of work: the directory (never
 * personal data, rarely changed, read by nearly every command).
 */
const KEPT_KINDS: ReadonlySet<string> = new Set(["organisation", "service", "location", "staff"])
/** At most this many directory records are kept (then the store is asked afresh). */
const KEPT_MAX = 10_000

/**
 * Directory records decoded once and kept across units of work, for the writes' decisions only.
 * Every use is noted with the version kept, so the commit names it as a precondition: a record
 * changed meanwhile (by another process, or the raw store) fails the commit with a retryable
 * `Conflict` naming it, and the pipeline forgets it and decides again; a write refused on kept
 * records forgets them and is decided again on fresh ones (a refusal has no commit to check it).
 * Reads (answers) never use them: they have no commit to check them either.
 * @internal
 */
export class Kept {
  private readonly records = new Map<string, Operation.Loaded<unknown>>()
  get(kind: string, id: string): Operation.Loaded<unknown> | undefined {
    return KEPT_KINDS.has(kind) ? this.records.get(`${kind}/${id}`) : undefined
  }
  keep(kind: string, id: string, loaded: Operation.Loaded<unknown>): void {
    if (!KEPT_KINDS.has(kind)) return
    if (this.records.size >= KEPT_MAX) this.records.clear()
    this.records.set(`${kind}/${id}`, loaded)
  }
  forget(kind: string, id: string): void {
    this.records.delete(`${kind}/${id}`)
  }
  /** Forgets the records named `kind/id`. */
  forgetAll(keys: Iterable<string>): void {
    for (const key of keys) this.records.delete(key)
  }
}

/**
 * Builds the readers of units of work over a store.
 * @internal
 */
export const makeReader = (store: StoreShape, kept: Kept = new Kept()) => {
  // Once nothing waits for a rebuild of the index, nothing will again (only an upgrade's
  // migration, before the store opens, asks for one): the store is asked until then.
  let indexed = store.pending === undefined
  /** Fails a read through an index token of `kind` while the kind's index waits for a rebuild. */
  const indexReady = (kind: string): Effect.Effect<void, StoreModule.StoreError> =>
    indexed || store.pending === undefined ? Effect.void : Effect.flatMap(store.pending, (names) => {
      if (!names.some((n) => n.startsWith("reindex:"))) indexed = true
      return names.includes(`reindex:${kind}`)
        ? Effect.fail(
          StoreModule.fail(
            "page",
            new StoreModule.IndexRebuildNeeded({ kind, fix: `Reindex.rebuildAll({ kind: "${kind}", actor })` })
          )
        )
        : Effect.void
    })
  const decodeStored = <A>(
    m: Mapping<A>,
    record: StoredRecord,
    open: Vault.VaultSession["open"]
  ): Effect.Effect<Operation.Loaded<A>, CaseworkError> =>
    open(record).pipe(
      Effect.flatMap((plain) =>
        Effect.mapError(
          Schema.decodeUnknownEffect(m.schema)(plain),
          () =>
            StoreModule.fail(
              "get",
              new StoreModule.CorruptData({ detail: `a stored ${m.kind} record does not decode` })
            )
        )
      ),
      Effect.map((value) => ({ value, version: record.version }))
    )

  /**
   * The reads of one command: through `overlay` (a batch's), noting versions into `read`,
   * opening records with the unit of work's vault session.
   */
  return (
    overlay: Overlay | undefined,
    read: Array<Operation.Precondition>,
    vault: Vault.VaultSession,
    now: DateTime.Utc,
    /** For a write: the kept directory records may be used, and those used are added here. */
    served?: Set<string>
  ) => {
    const open = vault.open
    /** A person as shared at `now`: `sharedWith` judged against their sharing consents in force (see sharing.ts). */
    const sharedNow = <A>(m: Mapping<A>, loaded: Operation.Loaded<A>) => {
      const person = loaded.value as Person
      if (m.kind !== mappings.person.kind || person.sharedWith.length === 0) return Effect.succeed(loaded)
      // Only sharing consents can hold a sharing: the others are not decrypted (`purpose` is a facet).
      return store.list({ kind: mappings.consent.kind, personId: person.id, serviceId: person.serviceId }).pipe(
        Effect.flatMap((records) =>
          Effect.forEach(
            records.filter((r) => r.facets["purpose"] === "sharing"),
            (r) => decodeStored(mappings.consent, r, open)
          )
        ),
        Effect.map((consents) => ({ ...loaded, value: sharedAt(person, consents.map((c) => c.value), now) as A }))
      )
    }
    const note = (kind: string, id: string, version: number) => read.push({ kind, id, version })
    const find = <A>(m: Mapping<A>, id: string): Effect.Effect<Option.Option<Operation.Loaded<A>>, CaseworkError> => {
      const pending = overlay?.get(m.kind, id)
      if (pending !== undefined) {
        return Effect.succeed(Option.some({ value: pending.value as A, version: pending.version }))
      }
      const known = overlay?.found.get(`${m.kind}/${id}`) as Option.Option<Operation.Loaded<A>> | undefined
      if (known !== undefined) {
        if (Option.isSome(known)) note(m.kind, id, known.value.version)
        return Effect.succeed(known)
      }
      const hit = served === undefined ? undefined : kept.get(m.kind, id)
      if (hit !== undefined) {
        served!.add(`${m.kind}/${id}`)
        note(m.kind, id, hit.version)
        const found = Option.some(hit as Operation.Loaded<A>)
        overlay?.found.set(`${m.kind}/${id}`, found)
        return Effect.succeed(found)
      }
      return store.get(m.kind, id).pipe(
        Effect.flatMap(Option.match({
          onNone: () => Effect.succeed(Option.none<Operation.Loaded<A>>()),
          onSome: (record) =>
            decodeStored(m, record, open).pipe(Effect.flatMap((l) => sharedNow(m, l)), Effect.map(Option.some))
        })),
        Effect.map((found) => {
          if (Option.isSome(found)) {
            note(m.kind, id, found.value.version)
            if (served !== undefined) kept.keep(m.kind, id, found.value)
          }
          overlay?.found.set(`${m.kind}/${id}`, found)
          return found
        })
      )
    }
    const load = <A>(m: Mapping<A>, id: string): Effect.Effect<Operation.Loaded<A>, CaseworkError> =>
      Effect.flatMap(
        find(m, id),
        Option.match({
          onNone: () => Effect.fail(new NotFound({ kind: m.kind, id })),
          onSome: Effect.succeed
        })
      )
    /** The stored records of a list, decoded (once per unit of work in a batch). */
    const stored = <A>(
      m: Mapping<A>,
      query: { readonly serviceId?: string; readonly personId?: string }
    ): Effect.Effect<ReadonlyArray<{ readonly id: string; readonly loaded: Operation.Loaded<A> }>, CaseworkError> => {
      const key = `${m.kind}?${query.serviceId ?? ""}&${query.personId ?? ""}`
      const known = overlay?.lists.get(key)
      if (known !== undefined) {
        return Effect.succeed(known as ReadonlyArray<{ readonly id: string; readonly loaded: Operation.Loaded<A> }>)
      }
      return store.list({ kind: m.kind, ...query }).pipe(
        Effect.flatMap((records) => {
          return Effect.forEach(
            records,
            (r) => Effect.map(decodeStored(m, r, open), (loaded) => ({ id: r.id, loaded }))
          )
        }),
        Effect.tap((loaded) => Effect.sync(() => overlay?.lists.set(key, loaded)))
      )
    }
    const listed = <A>(
      m: Mapping<A>,
      query: { readonly serviceId?: string; readonly personId?: string },
      noted: boolean
    ) =>
      stored(m, query).pipe(
        Effect.map((records) => {
          const out: Array<Operation.Loaded<A>> = []
          for (const r of records) {
            if (overlay?.get(m.kind, r.id) !== undefined) continue
            if (noted) note(m.kind, r.id, r.loaded.version)
            out.push(r.loaded)
          }
          return out
        }),
        Effect.map((loaded): ReadonlyArray<Operation.Loaded<A>> => {
          if (overlay === undefined) return loaded
          const extra = Array.from(overlay.ofKind(m.kind)).filter((p) =>
            (query.serviceId === undefined || p.index.serviceId === query.serviceId) &&
            (query.personId === undefined || p.index.personIds.includes(query.personId))
          )
          if (extra.length === 0) return loaded
          const all = [
            ...loaded.map((l) => ({ l, at: m.index(l.value).at ?? "", id: m.id(l.value) })),
            ...extra.map((p) => ({ l: { value: p.value as A, version: p.version }, at: p.index.at ?? "", id: p.id }))
          ]
          all.sort((a, b) => a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
          return all.map((x) => x.l)
        })
      )
    /**
     * A page through an index token, with the unit's own writes that hold the token in place of
     * (or beside) the stored ones: a batch's step operation finds a step planned earlier in it.
     */
    const overlaid = <A>(page: Operation.LoadedPage<A>, kind: string, token: string): Operation.LoadedPage<A> => {
      if (overlay === undefined) return page
      const own = Array.from(overlay.ofKind(kind)).filter((p) => tokensOf(kind, p.value).includes(token))
      if (own.length === 0) return page
      const items = [
        ...page.items.filter((i) => overlay.get(kind, i.id) === undefined),
        ...own.map((p) => ({ loaded: { value: p.value as A, version: p.version }, at: p.index.at, id: p.id }))
      ].sort((a, b) => ((a.at ?? "") < (b.at ?? "") ? -1 : (a.at ?? "") > (b.at ?? "") ? 1 : a.id < b.id ? -1 : 1))
      return { items, next: page.next }
    }
    /**
     * One page of a kind's records (not noted; overlaid only through a token: other lists are
     * reads outside batches).
     */
    const loadPage = <A>(m: Mapping<A>, query: StoreModule.PageQuery) =>
      (query.lookup === undefined ? Effect.void : indexReady(m.kind)).pipe(
        Effect.andThen(store.page({ ...query, kind: m.kind })),
        Effect.catchIf(
          (e) => e.reason._tag === "InvalidQuery" && e.reason.field !== undefined,
          (e) => {
            // The store's detail names the field and its rule, never a value.
            const { detail, field } = e.reason as StoreModule.InvalidQuery
            return Effect.fail(
              new InvalidInput({ entity: m.kind, problems: [{ path: field ?? "query", rule: detail }] })
            )
          }
        ),
        Effect.flatMap((page) => {
          return Effect.map(
            Effect.forEach(
              page.records,
              (r) =>
                // People as shared now (a page is read like a record: see `sharedNow`).
                decodeStored(m, r, open).pipe(
                  Effect.flatMap((l) => sharedNow(m, l)),
                  Effect.map((loaded) => ({ loaded, at: r.at, id: r.id }))
                )
            ),
            (items): Operation.LoadedPage<A> =>
              query.lookup === undefined
                ? { items, next: page.next }
                : overlaid({ items, next: page.next }, m.kind, query.lookup)
          )
        })
      )
    /** The records of a kind for a person and/or a service (not noted: for answers and histories). */
    const loadAll = <A>(m: Mapping<A>, query: { readonly serviceId?: string; readonly personId?: string }) =>
      listed(m, query, false)
    /** The same, each noted with its version: for facts a decision rests on. */
    const list = <A>(m: Mapping<A>, query: { readonly serviceId?: string; readonly personId?: string }) =>
      listed(m, query, true)
    return { find, load, loadAll, list, loadPage }
  }
}

/**
 * The reads of one command through a unit of work.
 * @internal
 */
export type Reader = ReturnType<ReturnType<typeof makeReader>>
