/**
 * The model-based check: random sequences of commits (creates, updates and deletes at the right
 * or a stale version), gets, lists, aggregates and audit reads run against the adapter and the
 * {@link Model}; both must answer the same after every step.
 * @since 0.1.0
 */
import type { Audit } from "@pomoc/core"
import { Store } from "@pomoc/core"
import { Effect, Exit, Option } from "effect"
import * as fc from "fast-check"
import { expect } from "vitest"
import { arbJson } from "../Arbitraries.js"
import type { Check } from "../Harness.js"
import { readAllAudit } from "../Harness.js"
import * as Model from "../Model.js"

/**
 * The store under test, as the model-based commands see it.
 * @since 0.1.0
 * @category models
 */
export type Real = Store.StoreShape
const run = Effect.runPromise

const kinds = ["contact", "person"] as const
const ids = ["a", "b", "c", "d"] as const
const instants = [
  null,
  "2024-01-05T08:00:00.000Z",
  "2024-01-31T23:59:59.999Z",
  "2024-02-01T00:00:00.000Z",
  "2024-03-15T12:30:00.000Z"
] as const
const bounds = [
  "2024-01-01T00:00:00.000Z",
  "2024-01-31T23:59:59.999Z",
  "2024-02-01T00:00:00.000Z",
  "2024-04-01T00:00:00.000Z"
] as const

/**
 * How a generated write uses its expected version: right, stale, or for a record that does not exist.
 * @since 0.1.0
 * @category models
 */
export type Mode = "right" | "stale"
/**
 * One generated write of the model-based test: which record, and what it holds.
 * @since 0.1.0
 * @category models
 */
export interface WriteSpec {
  readonly kind: Store.RecordKind
  readonly id: string
  readonly mode: Mode
  readonly content: Omit<Store.RecordWrite, "kind" | "id" | "expectedVersion">
}
interface DeleteSpec {
  readonly kind: Store.RecordKind
  readonly id: string
  readonly mode: Mode
}

const arbMode: fc.Arbitrary<Mode> = fc.constantFrom("right", "right", "right", "stale")
const arbKey = fc.record({ kind: fc.constantFrom(...kinds), id: fc.constantFrom(...ids) })

/**
 * Record contents drawn from small pools, so that filters and groups collide often. Each facet
 * keeps one type (`channel` text, `count` integer, `first` boolean) so sums are exact.
 * @since 0.1.0
 * @category constructors
 */
export const arbModelContent: fc.Arbitrary<WriteSpec["content"]> = fc.record({
  serviceId: fc.constantFrom("s1", "s2", null),
  personIds: fc.subarray(["p1", "p2", "p3"]),
  at: fc.constantFrom(...instants),
  facets: fc.record(
    {
      channel: fc.constantFrom("street", "phone", "office", null),
      count: fc.integer({ min: -5, max: 20 }),
      first: fc.boolean()
    },
    { requiredKeys: [] }
  ),
  tags: fc.subarray(["x", "y", "z"]),
  data: arbJson
})

const versionFor = (m: Model.Model, kind: string, id: string, mode: Mode): number => {
  const current = Model.get(m, kind, id)?.version ?? 0
  return mode === "right" ? current : current === 0 ? 1 : current - 1
}

const draftFor = (i: number): Audit.AuditDraft => ({
  at: "2024-01-01T00:00:00.000Z",
  actor: "model",
  role: "worker",
  operation: `op-${i}`,
  outcome: "allowed",
  subjects: []
})

const sameState = async (m: Model.Model, real: Real): Promise<void> => {
  for (const kind of kinds) {
    expect(await run(real.list({ kind }))).toEqual(Model.list(m, { kind }))
    const totals: Store.AggregateQuery = { kind, groupBy: [], sum: ["count"], distinctPeople: true }
    expect(await run(real.aggregate(totals))).toEqual(Model.aggregate(m, totals))
  }
  expect(await run(real.auditHead)).toEqual(Model.head(m))
}

class CommitCommand implements fc.AsyncCommand<Model.Model, Real> {
  constructor(
    readonly writes: ReadonlyArray<WriteSpec>,
    readonly deletes: ReadonlyArray<DeleteSpec>,
    readonly drafts: number
  ) {}
  check = () => true
  async run(m: Model.Model, real: Real): Promise<void> {
    // Expected versions are chosen against the model before it changes.
    const unit: Store.UnitOfWork = {
      writes: this.writes.map((w) => ({
        kind: w.kind,
        id: w.id,
        expectedVersion: versionFor(m, w.kind, w.id, w.mode),
        ...w.content
      })),
      deletes: this.deletes.map((d) => ({
        kind: d.kind,
        id: d.id,
        expectedVersion: versionFor(m, d.kind, d.id, d.mode)
      })),
      audit: Array.from({ length: this.drafts }, (_, i) => draftFor(i))
    }
    const expected = Model.commit(m, unit)
    const exit = await run(Effect.exit(real.commit(unit)))
    if (expected._tag === "Committed") {
      expect(Exit.isSuccess(exit) ? exit.value : exit).toEqual(expected.committed)
    } else {
      const failure = Exit.isFailure(exit) ? exit.cause.reasons.find((r) => r._tag === "Fail") : undefined
      const error = failure?._tag === "Fail" ? failure.error : exit
      expect(error instanceof Store.StoreError ? error.reason : error).toMatchObject({
        _tag: "Conflict",
        ...expected.conflict
      })
    }
    await sameState(m, real)
  }
  toString = () =>
    `commit(${
      this.writes.map((w) => `write ${w.kind}/${w.id} ${w.mode}`).concat(this.deletes.map((d) =>
        `delete ${d.kind}/${d.id} ${d.mode}`
      )).join(", ")
    }; ${this.drafts} audit)`
}

class GetCommand implements fc.AsyncCommand<Model.Model, Real> {
  constructor(readonly kind: Store.RecordKind, readonly id: string) {}
  check = () => true
  async run(m: Model.Model, real: Real): Promise<void> {
    expect(Option.getOrUndefined(await run(real.get(this.kind, this.id)))).toEqual(Model.get(m, this.kind, this.id))
  }
  toString = () => `get(${this.kind}/${this.id})`
}

class ListCommand implements fc.AsyncCommand<Model.Model, Real> {
  constructor(readonly query: Store.RecordQuery) {}
  check = () => true
  async run(m: Model.Model, real: Real): Promise<void> {
    expect(await run(real.list(this.query))).toEqual(Model.list(m, this.query))
    // The same filters, paged: paging must compose with every filter.
    for (const page of [{ offset: 1 }, { limit: 1, offset: 1 }, { limit: 2 }]) {
      const query = { ...this.query, ...page }
      expect(await run(real.list(query))).toEqual(Model.list(m, query))
    }
  }
  toString = () => `list(${JSON.stringify(this.query)})`
}

class AggregateCommand implements fc.AsyncCommand<Model.Model, Real> {
  constructor(readonly query: Store.AggregateQuery) {}
  check = () => true
  async run(m: Model.Model, real: Real): Promise<void> {
    expect(await run(real.aggregate(this.query))).toEqual(Model.aggregate(m, this.query))
    // The same groups with every measure asked for.
    const full = { ...this.query, sum: ["count"], distinctPeople: true }
    expect(await run(real.aggregate(full))).toEqual(Model.aggregate(m, full))
  }
  toString = () => `aggregate(${JSON.stringify(this.query)})`
}

class AuditCommand implements fc.AsyncCommand<Model.Model, Real> {
  check = () => true
  async run(m: Model.Model, real: Real): Promise<void> {
    expect(await run(readAllAudit(real))).toEqual(m.audit)
  }
  toString = () => "readAudit()"
}

const optional = <A>(arb: fc.Arbitrary<A>) => fc.option(arb, { nil: undefined, freq: 2 })
// Mostly real periods (from before to); sometimes one bound, none, or an empty one.
const arbPeriod: fc.Arbitrary<{ from?: string; to?: string }> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...bounds).map((from) => ({ from })),
  fc.constantFrom(...bounds).map((to) => ({ to })),
  fc.uniqueArray(fc.constantFrom(...bounds), { minLength: 2, maxLength: 2 }).map((pair) => {
    const [from, to] = [...pair].sort()
    return { from: from!, to: to! }
  }),
  fc.constantFrom(...bounds).map((at) => ({ from: at, to: at }))
)
const defined = <A extends object>(a: A): A =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as A

const arbCommit = fc
  .tuple(
    fc.array(
      fc.record({
        kind: fc.constantFrom(...kinds),
        id: fc.constantFrom(...ids),
        mode: arbMode,
        content: arbModelContent
      }),
      { minLength: 1, maxLength: 3 }
    ),
    fc.array(fc.record({ kind: fc.constantFrom(...kinds), id: fc.constantFrom(...ids), mode: arbMode }), {
      maxLength: 1
    }),
    fc.integer({ min: 0, max: 2 })
  )
  .map(([writes, deletes, drafts]) => new CommitCommand(writes, deletes, drafts))

/**
 * The commands of the model-based check, as fast-check arbitraries.
 * @since 0.1.0
 * @category constructors
 */
export const arbModelCommands: ReadonlyArray<fc.Arbitrary<fc.AsyncCommand<Model.Model, Real>>> = [
  // Commits weigh more than reads, so that reads meet populated stores.
  arbCommit,
  arbCommit,
  arbCommit,
  arbKey.map(({ id, kind }) => new GetCommand(kind, id)),
  fc
    .record({
      kind: fc.constantFrom(...kinds),
      serviceId: optional(fc.constantFrom("s1", "s2")),
      personId: optional(fc.constantFrom("p1", "p2", "p3")),
      period: arbPeriod,
      limit: optional(fc.integer({ min: 0, max: 4 })),
      offset: optional(fc.integer({ min: 0, max: 4 }))
    })
    .map(({ period, ...q }) => new ListCommand(defined({ ...q, ...period }) as Store.RecordQuery)),
  fc
    .record({
      kind: fc.constantFrom(...kinds),
      serviceId: optional(fc.constantFrom("s1", "s2")),
      period: arbPeriod,
      groupBy: fc.shuffledSubarray(["channel", "first", "tag", "month"], { maxLength: 2 }),
      sum: fc.subarray(["count"]),
      distinctPeople: fc.boolean(),
      where: optional(fc.array(
        fc.oneof(
          fc.record({ by: fc.constant("channel"), in: fc.subarray<Store.FacetValue>(["street", "phone", null]) }),
          fc.record({ by: fc.constant("first"), in: fc.subarray<Store.FacetValue>([true, false, null]) }),
          fc.record({ by: fc.constant("tag"), in: fc.subarray<Store.FacetValue>(["x", "y"]) })
        ),
        { maxLength: 2 }
      )),
      change: optional(fc.constantFrom("channel", "count"))
    })
    .map(({ period, ...q }) => new AggregateCommand(defined({ ...q, ...period }) as Store.AggregateQuery)),
  fc.constant(new AuditCommand())
]

/**
 * The model-based sub-suite.
 * @since 0.1.0
 * @category constructors
 */
export const modelBased: ReadonlyArray<Check> = [
  {
    name: "random operation sequences agree with the model after every step (fast-check commands)",
    run: (harness) =>
      fc.assert(
        fc.asyncProperty(
          fc.commands([...arbModelCommands], { maxCommands: harness.options.modelCommands ?? 16, size: "medium" }),
          (commands) =>
            harness.fresh(({ store }) => fc.asyncModelRun(() => ({ model: Model.empty(), real: store }), commands))
        ),
        { numRuns: harness.options.modelRuns ?? 50 }
      )
  }
]
