/**
 * What a conformance check runs against: the adapter's layer, raw probes into its database, and
 * helpers that build a fresh store for each check.
 *
 * @since 0.1.0
 */
import { Store } from "@pomoc/core"
import type { Audit } from "@pomoc/core"
import { Context, Effect, Exit, Layer, Option, Scope } from "effect"

/**
 * A record as the probe reads it straight from the database, bypassing the adapter.
 * @since 0.1.0
 * @category models
 */
export interface RawRecord {
  readonly version: number
  /** The stored `data`, parsed from however the database keeps it (e.g. a JSON column). */
  readonly data: unknown
}

/**
 * Raw access into the adapter's database, so that a check can see what was really stored rather
 * than what the adapter says it stored. Every method reads (or, for `tamperAudit`, writes) the
 * database directly: a second connection, the file, or an inspection hook of the adapter.
 * @since 0.1.0
 * @category models
 */
export interface RawProbe {
  /** The stored record, or `undefined` when no such record exists. */
  readonly record: (kind: Store.RecordKind, id: string) => Promise<RawRecord | undefined>
  /** How many audit entries are stored. */
  readonly auditCount: () => Promise<number>
  /**
   * Overwrites one field of a stored audit entry in place (without re-sealing); the audit checks
   * then expect `Audit.verify` over `readAudit()` to report the chain broken.
   */
  readonly tamperAudit?: (seq: number, field: "actor" | "operation", value: string) => Promise<void>
  /**
   * What an attacker with write access to the database does to hide entries: deletes every audit
   * entry after `keep` and moves the recorded head back to entry `keep` (to the empty head for
   * 0), so that the log the store reads back is a valid, shorter chain. The audit checks then
   * expect verification against a head kept outside the database to report it.
   * @since 0.2.0
   */
  readonly truncateAudit?: (keep: number) => Promise<void>
  /**
   * How the database runs an aggregate, from its own plan (`EXPLAIN QUERY PLAN` on SQLite,
   * `EXPLAIN ANALYZE` on PostgreSQL): how many stored rows the query reads at most (the largest
   * over the statements the store runs for it), and the plan as text. The report-plan checks
   * expect no more than the records of the query's kind, service and period. Adapters without a
   * query planner leave it out.
   * @since 0.2.0
   */
  readonly aggregatePlan?: (query: Store.AggregateQuery) => Promise<AggregatePlan>
}

/**
 * What {@link RawProbe.aggregatePlan} found.
 * @since 0.2.0
 * @category models
 */
export interface AggregatePlan {
  /** Stored rows the plan reads at most (measured, or bounded from the plan's loops). */
  readonly rowsRead: number
  /** The plan, for the failure message. */
  readonly plan: string
}

/**
 * A probe provided by the adapter's layer itself, for databases that only the store's own
 * connection can see (an in-memory store, SQLite `:memory:`). A layer may provide both `Store`
 * and `StoreProbe`; the kit prefers this service over `SuiteOptions.probe`.
 * @since 0.1.0
 * @category services
 */
export class StoreProbe extends Context.Service<StoreProbe, RawProbe>()("@pomoc/store-testkit/StoreProbe") {}

/**
 * Something to run before each fresh store: an Effect or an async function.
 * @since 0.1.0
 * @category models
 */
export type Hook = Effect.Effect<void, unknown> | (() => Promise<void>)

/**
 * How to run the conformance suite against an adapter.
 * @since 0.1.0
 * @category models
 */
export interface SuiteOptions<E = unknown> {
  /**
   * Provides `Store` (and optionally {@link StoreProbe}). Built anew for every check (and every
   * model-based run), after `reset`; closed when the check ends.
   */
  readonly layer: Layer.Layer<Store.Store, E>
  /** Raw access into the database, when the layer does not provide {@link StoreProbe}. */
  readonly probe?: RawProbe
  /** Empties the database before each fresh store (not needed when every build starts empty). */
  readonly reset?: Hook
  /**
   * Opens the database that the last build of `layer` used, without emptying it. Required by the
   * `durable`, `concurrentWriters` and `migrations` sub-suites when the adapter declares them.
   */
  readonly reopen?: Layer.Layer<Store.Store, E>
  /**
   * For the `migrations` sub-suite: marks the database last opened as newer than the code (e.g.
   * records a schema version above the latest migration). Opening it again must then fail with
   * `MigrationNeeded`.
   */
  readonly markDatabaseNewer?: Hook
  /** Runs of the model-based test (default 50). */
  readonly modelRuns?: number
  /** Longest command sequence per model-based run (default 16). */
  readonly modelCommands?: number
  /** Runs of each property-based round-trip check (default 50). */
  readonly propertyRuns?: number
  /** Timeout of each check in milliseconds (default 60 000). */
  readonly timeout?: number
}

/**
 * A store opened for one check, with the probe into its database (if any).
 * @since 0.1.0
 * @category models
 */
export interface Opened {
  readonly store: Store.StoreShape
  readonly probe: RawProbe | undefined
}

const runHook = (hook: Hook | undefined): Promise<void> =>
  hook === undefined ? Promise.resolve() : Effect.isEffect(hook) ? Effect.runPromise(hook) : hook()

/**
 * Builds `layer` in a scope of its own, runs `f` with the store, and closes the scope.
 * @since 0.1.0
 * @category combinators
 */
export const withLayer = async <A, E>(
  layer: Layer.Layer<Store.Store, E>,
  fallbackProbe: RawProbe | undefined,
  f: (opened: Opened) => Promise<A>
): Promise<A> => {
  const scope = Scope.makeUnsafe()
  try {
    // A fresh memo map per build: the same layer value must yield a new store every time.
    const context = await Effect.runPromise(Layer.buildWithMemoMap(layer, Layer.makeMemoMapUnsafe(), scope))
    const store = Context.get(context, Store.Store)
    const probe = Option.getOrUndefined(Context.getOption(context as Context.Context<unknown>, StoreProbe)) ??
      fallbackProbe
    return await f({ store, probe })
  } finally {
    await Effect.runPromise(Scope.close(scope, Exit.void))
  }
}

/**
 * The environment of one check: the options and ways to open stores.
 * @since 0.1.0
 * @category models
 */
export interface Harness {
  readonly options: SuiteOptions
  /** Runs `reset`, builds `layer`, runs `f`, closes the store. */
  readonly fresh: <A>(f: (opened: Opened) => Promise<A>) => Promise<A>
  /** Builds `reopen` (the same database, not emptied), runs `f`, closes it. Fails without `reopen`. */
  readonly reopen: <A>(f: (opened: Opened) => Promise<A>) => Promise<A>
  /** Runs `markDatabaseNewer`. Fails without it. */
  readonly markDatabaseNewer: () => Promise<void>
}

/**
 * Makes the {@link Harness} for suite options.
 * @since 0.1.0
 * @category constructors
 */
export const makeHarness = <E>(options: SuiteOptions<E>): Harness => ({
  options: options,
  fresh: async (f) => {
    await runHook(options.reset)
    return withLayer(options.layer, options.probe, f)
  },
  reopen: (f) => {
    if (options.reopen === undefined) {
      return Promise.reject(
        new Error("options.reopen is required: the adapter declares a capability whose sub-suite reopens the database")
      )
    }
    return withLayer(options.reopen, options.probe, f)
  },
  markDatabaseNewer: () =>
    options.markDatabaseNewer === undefined
      ? Promise.reject(
        new Error("options.markDatabaseNewer is required: the adapter declares the migrations capability")
      )
      : runHook(options.markDatabaseNewer)
})

/**
 * One conformance check: a name, the capability it needs (if any), and its body. Checks can be
 * run directly with {@link runCheck}, outside the suite (e.g. to prove a broken adapter fails).
 * @since 0.1.0
 * @category models
 */
export interface Check {
  readonly name: string
  /** Runs the check against a fresh store. */
  readonly run: (harness: Harness) => Promise<void>
}

/**
 * A check whose body is an Effect against one fresh store.
 * @since 0.1.0
 * @category constructors
 */
export const storeCheck = (
  name: string,
  body: (store: Store.StoreShape, probe: RawProbe | undefined) => Effect.Effect<void, unknown>
): Check => ({
  name,
  run: (harness) => harness.fresh(({ probe, store }) => Effect.runPromise(body(store, probe)))
})

/**
 * Runs one check against an adapter, outside of any suite. Rejects when the check fails.
 * @since 0.1.0
 * @category combinators
 */
export const runCheck = <E>(check: Check, options: SuiteOptions<E>): Promise<void> => check.run(makeHarness(options))

/**
 * Reads the whole audit log (in pages) from a store.
 * @since 0.1.0
 * @category combinators
 */
export const readAllAudit = (store: Store.StoreShape): Effect.Effect<Array<Audit.AuditEntry>, Store.StoreError> =>
  Effect.gen(function*() {
    const out: Array<Audit.AuditEntry> = []
    for (;;) {
      const page = yield* store.readAudit(out.length + 1, 1000)
      out.push(...page)
      if (page.length < 1000) return out
    }
  })

/**
 * Runs `effect`, expecting it to fail with a `StoreError`; returns the error's reason. A success,
 * or a failure of another type, is a test failure.
 * @since 0.1.0
 * @category combinators
 */
export const expectStoreError = <A>(effect: Effect.Effect<A, Store.StoreError>, tag?: Store.StoreErrorReason["_tag"]) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(effect)
    if (Exit.isSuccess(exit)) {
      return yield* Effect.die(
        new Error(`expected a StoreError${tag === undefined ? "" : ` (${tag})`}, but the operation succeeded`)
      )
    }
    const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
    const error = failure?._tag === "Fail" ? failure.error : undefined
    if (!(error instanceof Store.StoreError)) {
      return yield* Effect.die(
        new Error(`expected a StoreError${tag === undefined ? "" : ` (${tag})`}, got a defect or another error`)
      )
    }
    if (tag !== undefined && error.reason._tag !== tag) {
      return yield* Effect.die(new Error(`expected StoreError reason ${tag}, got ${error.reason._tag}`))
    }
    return error.reason
  })
