/**
 * A store built on the kit's own `Model`, with switchable faults: the correct one must pass the
 * checks, and each fault must make the check aimed at it fail.
 */
import { Audit, Store } from "@pomoc/core"
import { Model, StoreProbe } from "@pomoc/store-testkit"
import type { RawProbe } from "@pomoc/store-testkit"
import { Context, Effect, Layer, Option } from "effect"

export interface Faults {
  /** Every write and delete is taken to expect the current version. */
  readonly ignoreExpectedVersion?: boolean
  /** Writes before a conflicting one are kept (no transaction). */
  readonly notAtomic?: boolean
  /** `list` returns records in insertion order. */
  readonly unordered?: boolean
  /** `aggregate` accepts any name. */
  readonly anyFacetName?: boolean
  /** `readAudit` re-seals the stored drafts, hiding tampering. */
  readonly resealOnRead?: boolean
  /** Strings lose carriage returns on the way in. */
  readonly dropCarriageReturns?: boolean
  /** `list` ignores `offset` when `personId` is given. */
  readonly offsetIgnoredWithPerson?: boolean
  /** `page` goes on after the last record's time only, skipping the records that share it. */
  readonly keysetByTimeOnly?: boolean
  /** `page` accepts any cursor, starting from the first record when it cannot read it. */
  readonly anyCursor?: boolean
  /** `aggregate` counts a person once per record instead of once per group. */
  readonly distinctPeopleRepeats?: boolean
  /** `aggregate`'s change per person reports each person's first value as their last. */
  readonly changeFromFirstOnly?: boolean
  /** `aggregate`'s part (a rate's numerator) ignores its filters: the whole group. */
  readonly partIsWhole?: boolean
  /** Commits whatever `expect` says. */
  readonly ignorePreconditions?: boolean
  /** Stores guard keys without checking them. */
  readonly ignoreGuardKeys?: boolean
  /** Declares `durable` without being durable. */
  readonly claimsDurable?: boolean
}

const invalid = (operation: string, detail: string) =>
  Effect.fail(Store.fail(operation, new Store.InvalidQuery({ detail })))
const isCount = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0

const scrub = (value: unknown): unknown =>
  typeof value === "string"
    ? value.replaceAll("\r", "")
    : Array.isArray(value)
    ? value.map(scrub)
    : value !== null && typeof value === "object"
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k), scrub(v)]))
    : value

export const make = (faults: Faults = {}): { store: Store.StoreShape; probe: RawProbe } => {
  const m = Model.empty()
  const commit = (unit: Store.UnitOfWork): Effect.Effect<Store.Committed, Store.StoreError> =>
    Effect.suspend(() => {
      let input = structuredClone(unit)
      if (faults.dropCarriageReturns) input = scrub(input) as Store.UnitOfWork
      for (const w of input.writes) {
        if (!isCount(w.expectedVersion)) {
          return Effect.fail(Store.fail("commit", new Store.ConstraintViolation({ detail: "expectedVersion" })))
        }
      }
      if (input.at !== undefined && (typeof input.at !== "string" || Number.isNaN(Date.parse(input.at)))) {
        return Effect.fail(Store.fail("commit", new Store.ConstraintViolation({ detail: "at must be a time" })))
      }
      const renameProblem = Store.renameProblem(input)
      if (renameProblem !== undefined) {
        return Effect.fail(Store.fail("commit", new Store.ConstraintViolation({ detail: renameProblem })))
      }
      for (const [i, w] of input.writes.entries()) {
        if (w.key !== undefined && w.key !== null && (typeof w.key !== "string" || w.key === "")) {
          return Effect.fail(
            Store.fail(
              "commit",
              new Store.ConstraintViolation({ detail: `writes[${i}].key must be a non-empty string or null` })
            )
          )
        }
      }
      for (const [i, w] of input.writes.entries()) {
        if (w.lookup !== undefined && !w.lookup.every((t) => Store.LOOKUP_TOKEN.test(t))) {
          return Effect.fail(
            Store.fail("commit", new Store.ConstraintViolation({ detail: `writes[${i}].lookup must be tokens` }))
          )
        }
      }
      for (const [i, e] of (input.expect ?? []).entries()) {
        if (!Store.RecordKind.literals.includes(e.kind)) {
          return Effect.fail(
            Store.fail("commit", new Store.ConstraintViolation({ detail: `expect[${i}].kind must be a record kind` }))
          )
        }
        if (!isCount(e.version)) {
          return Effect.fail(
            Store.fail(
              "commit",
              new Store.ConstraintViolation({ detail: `expect[${i}].version must be a non-negative integer` })
            )
          )
        }
      }
      if (faults.ignorePreconditions) input = { ...input, expect: [] }
      if (faults.ignoreGuardKeys) {
        // Simulates an adapter that drops keys already held instead of refusing the write.
        const held = new Set([...m.records.values()].map((r) => `${r.kind}/${String(r.key)}`))
        input = {
          ...input,
          writes: input.writes.map((w) => (held.has(`${w.kind}/${String(w.key)}`) ? { ...w, key: null } : w))
        }
      }
      if (faults.ignoreExpectedVersion) {
        // Simulates an adapter that upserts without comparing versions.
        const versions = new Map<string, number>()
        const current = (kind: string, id: string) =>
          versions.get(`${kind}/${id}`) ?? Model.get(m, kind, id)?.version ?? 0
        input = {
          ...input,
          writes: input.writes.map((w) => {
            const v = current(w.kind, w.id)
            versions.set(`${w.kind}/${w.id}`, v + 1)
            return { ...w, expectedVersion: v }
          }),
          deletes: (input.deletes ?? []).map((d) => ({ ...d, expectedVersion: current(d.kind, d.id) }))
        }
      }
      if (faults.notAtomic) {
        for (const w of input.writes) {
          const r = Model.commit(m, { writes: [w], audit: [] })
          if (r._tag === "Conflict") return Effect.fail(Store.fail("commit", new Store.Conflict(r.conflict)))
        }
        const r = Model.commit(m, { writes: [], deletes: input.deletes ?? [], audit: input.audit })
        if (r._tag === "Conflict") return Effect.fail(Store.fail("commit", new Store.Conflict(r.conflict)))
        return Effect.succeed({ versions: input.writes.map((w) => w.expectedVersion + 1), audit: r.committed.audit })
      }
      const r = Model.commit(m, input)
      return r._tag === "Committed"
        ? Effect.succeed(structuredClone(r.committed))
        : Effect.fail(Store.fail("commit", new Store.Conflict(r.conflict)))
    })

  const store: Store.StoreShape = {
    name: "model",
    capabilities: { concurrentWriters: false, durable: faults.claimsDurable === true, migrations: false },
    commit,
    get: (kind, id) =>
      Effect.sync(() => Option.map(Option.fromNullishOr(Model.get(m, kind, id)), (r) => structuredClone(r))),
    list: (q) =>
      Effect.suspend(() => {
        if (
          (q.limit !== undefined && !isCount(q.limit)) || (q.offset !== undefined && !isCount(q.offset))
        ) return invalid("list", "limit/offset")
        if (q.lookup !== undefined && !Store.LOOKUP_TOKEN.test(q.lookup)) return invalid("list", "lookup")
        if (faults.unordered) {
          const { limit: _, offset: __, ...rest } = q
          const all = Model.list(m, rest)
          const inserted = [...m.records.values()].filter((r) => all.includes(r))
          return Effect.succeed(
            structuredClone(
              inserted.slice(q.offset ?? 0, q.limit === undefined ? undefined : (q.offset ?? 0) + q.limit)
            )
          )
        }
        const query = faults.offsetIgnoredWithPerson && q.personId !== undefined ? { ...q, offset: 0 } : q
        return Effect.succeed(structuredClone(Model.list(m, query)))
      }),
    page: (q) => {
      const select = Store.pageWith((sq) => {
        const after = sq.after
        const query = faults.keysetByTimeOnly && after !== undefined ? { ...sq, after: { ...after, id: "\uffff" } } : sq
        return Effect.sync(() => structuredClone(Model.list(m, query)))
      })
      if (!faults.anyCursor || q.cursor === undefined) return select(q)
      return Effect.orElseSucceed(select(q), () => ({ records: [] })).pipe(
        Effect.flatMap((page) => page.records.length > 0 ? Effect.succeed(page) : select({ ...q, cursor: undefined }))
      )
    },
    aggregate: (q) =>
      Effect.suspend(() => {
        const names = [...q.groupBy, ...(q.sum ?? [])]
        if (
          !faults.anyFacetName &&
          (names.some((n) => !Store.FACET_NAME.test(n)) || new Set(q.groupBy).size !== q.groupBy.length)
        ) {
          return invalid("aggregate", "name")
        }
        if (!faults.anyFacetName) {
          // Filters and change facets are refused as the contract says (the memory store's checks).
          const refused = Effect.runSync(Effect.option(Effect.flip(Store.memoryOf([]).aggregate(q))))
          if (refused._tag === "Some") return Effect.fail(refused.value)
        }
        const rows = faults.changeFromFirstOnly && q.change !== undefined
          ? Model.aggregate(m, q).map((row) => ({
            ...row,
            changes: (row.changes ?? []).map((t) => ({ ...t, last: t.first }))
          }))
          : Model.aggregate(m, q)
        if (faults.partIsWhole && q.part !== undefined) {
          return Effect.succeed(Model.aggregate(m, { ...q, part: [] }))
        }
        if (!faults.distinctPeopleRepeats || q.distinctPeople !== true) return Effect.succeed(rows)
        // Recount without de-duplicating people across a group's records.
        const all = Model.aggregate(m, { ...q, distinctPeople: false })
        return Effect.succeed(
          rows.map((row, i) => ({ ...row, distinctPeople: row.distinctPeople! + (all[i]!.count > 1 ? 1 : 0) }))
        )
      }),
    readAudit: (fromSeq = 1, limit = 1000) =>
      Effect.suspend(() => {
        if (!Number.isInteger(fromSeq) || fromSeq < 1 || !isCount(limit)) return invalid("readAudit", "bounds")
        const entries = faults.resealOnRead ? Audit.seal(Audit.emptyHead, m.audit) : m.audit
        return Effect.succeed(structuredClone(entries.slice(fromSeq - 1, fromSeq - 1 + limit)))
      }),
    auditHead: Effect.sync(() => Model.head(m))
  }
  const probe: RawProbe = {
    record: async (kind, id) => {
      const r = Model.get(m, kind, id)
      return r === undefined ? undefined : { version: r.version, data: structuredClone(r.data) }
    },
    auditCount: async () => m.audit.length,
    tamperAudit: async (seq, field, value) => {
      m.audit = m.audit.map((e) => (e.seq === seq ? { ...e, [field]: value } : e))
    },
    truncateAudit: async (keep) => {
      m.audit = m.audit.filter((e) => e.seq <= keep)
    }
  }
  return { store, probe }
}

/** A layer providing the model store and its probe. */
export const layer = (faults: Faults = {}): Layer.Layer<Store.Store | StoreProbe> =>
  Layer.effectContext(
    Effect.sync(() => {
      const { probe, store } = make(faults)
      return Context.make(Store.Store, store).pipe(Context.add(StoreProbe, probe))
    })
  )

/**
 * A "database" outliving the stores opened on it, so that the durable, concurrentWriters and
 * migrations sub-suites can run against the model too: every build of `layer` opens the same
 * state (like a second connection), `reset` empties it, `markDatabaseNewer` makes opening fail.
 */
export const database = () => {
  let shared = make()
  let schemaVersion = 1
  const CODE_VERSION = 1
  const open = Layer.effectContext(
    Effect.suspend(() =>
      schemaVersion > CODE_VERSION
        ? Effect.fail(
          Store.fail("open", new Store.MigrationNeeded({ databaseVersion: schemaVersion, codeVersion: CODE_VERSION }))
        )
        : Effect.succeed(
          Context.make(Store.Store, {
            ...shared.store,
            name: "model-database",
            capabilities: { concurrentWriters: true, durable: true, migrations: true }
          })
        )
    )
  )
  const probe: RawProbe = {
    record: (kind, id) => shared.probe.record(kind, id),
    auditCount: () => shared.probe.auditCount(),
    tamperAudit: (seq, field, value) => shared.probe.tamperAudit!(seq, field, value),
    truncateAudit: (keep) => shared.probe.truncateAudit!(keep)
  }
  return {
    layer: open,
    reopen: open,
    probe,
    reset: async () => {
      shared = make()
      schemaVersion = 1
    },
    markDatabaseNewer: async () => {
      schemaVersion = 2
    }
  }
}
