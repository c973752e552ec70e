/**
 * The PostgreSQL store against the harness's throwaway cluster: semantics checked through a raw
 * second pool, migrations, a backend terminated mid-transaction, two pools writing the same
 * record, and hostile text round-trips.
 */
import { assert, describe, it } from "@effect/vitest"
import { Audit, Store } from "@pomoc/core"
import { SqlStore } from "@pomoc/store-sql"
import { reportSample } from "@pomoc/store-testkit"
import { Deferred, Effect, Exit, Fiber, Option } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import * as fc from "fast-check"
import { PostgresDialect } from "../src/index.js"
import { createSchema, freshSchema, openStore, withRaw, withStore } from "./stores.js"

const write = (id: string, overrides: Partial<Store.RecordWrite> = {}): Store.RecordWrite => ({
  kind: "contact",
  id,
  expectedVersion: 0,
  serviceId: "service-1",
  personIds: ["person-1"],
  at: "2026-02-03T10:00:00.000Z",
  facets: {},
  tags: [],
  data: { id },
  ...overrides
})

const draft = (operation = "recordContact"): Audit.AuditDraft => ({
  at: "2026-02-03T10:00:00.000Z",
  actor: "worker-1",
  role: "worker",
  operation,
  outcome: "allowed",
  subjects: [{ kind: "contact", id: "c" }]
})

const failureOf = <A>(effect: Effect.Effect<A, Store.StoreError>) =>
  Effect.flatMap(Effect.flip(effect), (error) => Effect.succeed(error))

const count = (schema: string, query: "records" | "people" | "audit") =>
  withRaw(schema, (sql) =>
    Effect.map(
      query === "records"
        ? sql<{ n: number }>`SELECT count(*)::int AS n FROM pomoc_records`
        : query === "people"
        ? sql<{ n: number }>`SELECT count(*)::int AS n FROM pomoc_record_people`
        : sql<{ n: number }>`SELECT count(*)::int AS n FROM pomoc_audit`,
      (rows) => rows[0]!.n
    ))

describe("PostgresStore", () => {
  it.effect("commits records and audit atomically; the raw rows say the same", () =>
    Effect.gen(function*() {
      const schema = freshSchema()
      yield* createSchema(schema)
      const committed = yield* withStore(schema, (store) =>
        Effect.gen(function*() {
          const c = yield* store.commit({
            writes: [
              write("c1", {
                tags: ["a", "b"],
                personIds: ["p1", "p2"],
                facets: { channel: "visit", n: 2.5, ok: true }
              }),
              write("c2", { at: null })
            ],
            audit: [draft(), { ...draft("second"), legalGround: "§ 7", rules: ["r"] }]
          })
          const reason =
            (yield* failureOf(store.commit({ writes: [write("c3"), write("c1")], audit: [draft()] }))).reason
          assert.strictEqual(reason._tag, "Conflict")
          assert.deepStrictEqual((yield* store.list({ kind: "contact" })).map((r) => r.id), ["c2", "c1"])
          const agg = yield* store.aggregate({
            kind: "contact",
            groupBy: ["tag", "month"],
            sum: ["n"],
            distinctPeople: true
          })
          assert.deepStrictEqual(agg, [
            { group: { tag: "a", month: "2026-02" }, count: 1, sums: { n: 2.5 }, distinctPeople: 2 },
            { group: { tag: "b", month: "2026-02" }, count: 1, sums: { n: 2.5 }, distinctPeople: 2 }
          ])
          const byFacet = yield* store.aggregate({ kind: "contact", groupBy: ["ok"] })
          assert.deepStrictEqual(byFacet, [{ group: { ok: null }, count: 1, sums: {} }, {
            group: { ok: true },
            count: 1,
            sums: {}
          }])
          const audit = yield* store.readAudit()
          assert.strictEqual(Audit.verify(audit, yield* store.auditHead)._tag, "Intact")
          assert.deepStrictEqual(audit[1], c.audit[1])
          return c
        }))
      assert.deepStrictEqual(committed.versions, [1, 1])
      const rows = yield* withRaw(
        schema,
        (sql) =>
          sql<
            { id: string; version: number; data: unknown; facets: unknown }
          >`SELECT id, version, data, facets FROM pomoc_records ORDER BY id`
      )
      assert.deepStrictEqual(rows.map((r) => [r.id, r.version]), [["c1", 1], ["c2", 1]])
      assert.strictEqual(yield* count(schema, "people"), 3)
      assert.strictEqual(yield* count(schema, "audit"), 2)
    }))

  it.effect("a store in verify mode refuses an empty database; auto migrates once; a newer database is untouched", () =>
    Effect.gen(function*() {
      const schema = freshSchema()
      yield* createSchema(schema)
      const verify = (yield* failureOf(withStore(schema, () => Effect.void, { migrate: "verify" }))).reason
      assert.strictEqual(verify._tag, "MigrationNeeded")
      const tables = () =>
        withRaw(
          schema,
          (sql) =>
            sql<
              { table_name: string }
            >`SELECT table_name FROM information_schema.tables WHERE table_schema = ${schema} ORDER BY table_name`
        )
      assert.deepStrictEqual(yield* tables(), [])

      yield* withStore(schema, (store) => store.commit({ writes: [write("c1")], audit: [draft()] }))
      yield* withStore(schema, () => Effect.void)
      yield* withStore(schema, () => Effect.void, { migrate: "verify" })
      const migrations = () =>
        withRaw(
          schema,
          (sql) =>
            sql<
              { version: number; name: string; applied_at: string }
            >`SELECT version, name, applied_at FROM pomoc_migrations ORDER BY version`
        )
      assert.deepStrictEqual(
        (yield* migrations()).map((m) => [m.version, m.name]),
        PostgresDialect.dialect.migrations.map((m) => [m.version, m.name])
      )
      assert.deepStrictEqual((yield* migrations()).slice(0, 3).map((m) => [m.version, m.name]), [[1, "initial"], [
        2,
        "report-rows"
      ], [3, "report-shapes"]])

      yield* withRaw(
        schema,
        (sql) =>
          sql`INSERT INTO pomoc_migrations (version, name, applied_at) VALUES (${
            PostgresDialect.CODE_VERSION + 1
          }, 'from the future', '2030-01-01')`
      )
      const before = {
        tables: yield* tables(),
        migrations: yield* migrations(),
        records: yield* count(schema, "records")
      }
      for (const migrate of ["auto", "verify"] as const) {
        const reason = (yield* failureOf(withStore(schema, () => Effect.void, { migrate }))).reason
        assert.strictEqual(reason._tag, "MigrationNeeded")
        if (reason._tag === "MigrationNeeded") {
          assert.deepStrictEqual([reason.databaseVersion, reason.codeVersion], [
            PostgresDialect.CODE_VERSION + 1,
            PostgresDialect.CODE_VERSION
          ])
        }
      }
      assert.deepStrictEqual({
        tables: yield* tables(),
        migrations: yield* migrations(),
        records: yield* count(schema, "records")
      }, before)
    }))

  it.effect("upgrades a database of schema 1: report rows built from the records, tags table gone, reports unchanged", () =>
    Effect.gen(function*() {
      const schema = freshSchema()
      yield* createSchema(schema)
      const before = yield* withStore(schema, reportSample.record)
      // The schema as migration 1 left it: tags in their own table, no report rows.
      yield* withRaw(schema, (sql) =>
        Effect.forEach([
          "DROP TABLE pomoc_report_rows",
          "DROP TABLE pomoc_report_shapes",
          "DROP TRIGGER pomoc_report_rows_insert ON pomoc_records",
          "DROP TRIGGER pomoc_report_rows_update ON pomoc_records",
          "DROP TRIGGER pomoc_report_rows_delete ON pomoc_records",
          `CREATE TABLE pomoc_record_tags (kind text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL, tag text COLLATE "C" NOT NULL, PRIMARY KEY (kind, id, tag))`,
          "CREATE INDEX pomoc_record_tags_tag ON pomoc_record_tags (kind, tag)",
          "INSERT INTO pomoc_record_tags SELECT DISTINCT r.kind, r.id, t.tag FROM pomoc_records r CROSS JOIN LATERAL jsonb_array_elements_text(r.tags) t(tag)",
          "ALTER TABLE pomoc_records DROP COLUMN guard_key",
          "DROP TABLE pomoc_record_lookup",
          "ALTER TABLE pomoc_records DROP COLUMN lookup",
          // People rows by id, no numbers (migration 7).
          "DROP TRIGGER pomoc_person_numbers_release ON pomoc_record_people",
          `ALTER TABLE pomoc_record_people ADD COLUMN person_id text COLLATE "C"`,
          "UPDATE pomoc_record_people p SET person_id = x.person_id FROM pomoc_person_numbers x WHERE x.n = p.n",
          "ALTER TABLE pomoc_record_people DROP COLUMN n",
          "ALTER TABLE pomoc_record_people ADD PRIMARY KEY (person_id, kind, id)",
          "DROP TABLE pomoc_person_numbers",
          "DROP TABLE pomoc_renaming",
          "ALTER TABLE pomoc_records RESET (fillfactor)",
          "DELETE FROM pomoc_migrations WHERE version >= 2"
        ], (statement) =>
          sql.unsafe(statement), { discard: true }))
      const after = yield* withStore(schema, reportSample.answer)
      assert.deepStrictEqual(after, before)
      assert.deepStrictEqual(before[0]!.map((row) => [row.group.tag, row.count, row.distinctPeople]), [["a", 1, 2], [
        "b",
        2,
        3
      ]])
      const left = yield* withRaw(
        schema,
        (sql) =>
          sql<
            { n: number }
          >`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = ${schema} AND table_name = 'pomoc_record_tags'`
      )
      assert.strictEqual(left[0]!.n, 0)
      const rows = yield* withRaw(schema, (sql) => sql<{ id: string }>`SELECT id FROM pomoc_report_rows ORDER BY id`)
      assert.deepStrictEqual(rows.map((r) => r.id), ["c1", "c2", "c3"])
      // Report rows and people rows name people by number (migration 7), never by id.
      const people = yield* withRaw(
        schema,
        (sql) =>
          sql<{ p: string }>`SELECT person_ids::text AS p FROM pomoc_report_rows UNION ALL
            SELECT to_jsonb(array_agg(n))::text FROM pomoc_record_people`
      )
      assert.isTrue(people.every(({ p }) => (JSON.parse(p) as Array<unknown>).every((n) => typeof n === "number")))
    }))

  it.effect("migrations run on demand (SqlStore.migrate), then a store in verify mode opens", () =>
    Effect.gen(function*() {
      const schema = freshSchema()
      yield* createSchema(schema)
      const first = yield* withRaw(
        schema,
        (sql) => SqlStore.migrate(PostgresDialect.dialect).pipe(Effect.provideService(SqlClient.SqlClient, sql))
      )
      assert.deepStrictEqual(first, {
        from: 0,
        to: PostgresDialect.CODE_VERSION,
        applied: PostgresDialect.dialect.migrations.map((m) => m.version)
      })
      const again = yield* withRaw(
        schema,
        (sql) =>
          SqlStore.migrate(PostgresDialect.dialect, "verify").pipe(Effect.provideService(SqlClient.SqlClient, sql))
      )
      assert.deepStrictEqual(again, {
        from: PostgresDialect.CODE_VERSION,
        to: PostgresDialect.CODE_VERSION,
        applied: []
      })
      const head = yield* withStore(schema, (store) => store.auditHead, { migrate: "verify" })
      assert.deepStrictEqual(head, Audit.emptyHead)
    }))

  it.effect("concurrent starts on an empty database migrate exactly once", () =>
    Effect.gen(function*() {
      const schema = freshSchema()
      yield* createSchema(schema)
      yield* Effect.all(Array.from({ length: 4 }, () => withStore(schema, () => Effect.void)), {
        concurrency: "unbounded"
      })
      // Each migration recorded once.
      const rows = yield* withRaw(schema, (sql) => sql<{ n: number }>`SELECT count(*)::int AS n FROM pomoc_migrations`)
      assert.strictEqual(rows[0]!.n, PostgresDialect.dialect.migrations.length)
    }))

  // Live clock: the polling below sleeps for real (under the test clock a sleep never ends, and a
  // first poll that came too early on a loaded machine hung the test until its timeout).
  it.live(
    "a backend terminated in the middle of a commit: typed retryable ConnectionLost, nothing half-written",
    () =>
      Effect.gen(function*() {
        const schema = freshSchema()
        yield* createSchema(schema)
        const app = `pomoc-victim-${schema}`
        const { close, store } = yield* openStore(schema, { applicationName: app })
        yield* store.commit({ writes: [write("before")], audit: [draft()] })
        const headBefore = yield* store.auditHead

        // Deterministic, whatever the machine's load: another session holds a lock on the audit
        // table, so the commit takes the head lock, writes every record, then waits to append its
        // audit entry; it is terminated while it waits, half-way through its transaction.
        const locked = yield* Deferred.make<void>()
        const release = yield* Deferred.make<void>()
        const locker = yield* Effect.forkChild(withRaw(schema, (sql) =>
          sql.withTransaction(Effect.gen(function*() {
            yield* sql`LOCK TABLE pomoc_audit IN SHARE MODE`
            yield* Deferred.succeed(locked, undefined)
            yield* Deferred.await(release)
          }))))
        yield* Deferred.await(locked)

        const batch = Array.from(
          { length: 2_000 },
          (_, i) => write(`batch-${i}`, { data: { i, text: "x".repeat(200) } })
        )
        const fiber = yield* Effect.forkChild(store.commit({ writes: batch, audit: [draft("batch")] }))

        // Wait until the store's backend waits on the audit lock inside its open transaction (it
        // holds a transaction id: it has written), then end it.
        const terminated = yield* withRaw(schema, (sql) =>
          Effect.gen(function*() {
            for (;;) {
              const rows = yield* sql<{ terminated: boolean }>`
              SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
              WHERE application_name = ${app} AND backend_xid IS NOT NULL AND wait_event_type = 'Lock'`
              if (rows.some((r) => r.terminated)) return true
              yield* Effect.sleep("20 millis")
            }
          }))
        assert.isTrue(terminated)
        yield* Deferred.succeed(release, undefined)
        yield* Fiber.join(locker)

        const error = yield* Effect.flip(Fiber.join(fiber))
        assert.instanceOf(error, Store.StoreError)
        assert.strictEqual(error.reason._tag, "ConnectionLost")
        assert.isTrue(error.retryable)

        assert.strictEqual(yield* count(schema, "records"), 1)
        assert.strictEqual(yield* count(schema, "people"), 1)
        assert.strictEqual(yield* count(schema, "audit"), 1)
        // The pool reconnects: the same store commits again, and the chain continues intact.
        assert.deepStrictEqual(yield* store.auditHead, headBefore)
        yield* store.commit({ writes: [write("after")], audit: [draft()] })
        assert.strictEqual(Audit.verify(yield* store.readAudit())._tag, "Intact")
        yield* close
      }),
    { timeout: 120_000 }
  )

  it.effect("two pools update the same record: exactly one wins, the other gets Conflict", () =>
    Effect.gen(function*() {
      const schema = freshSchema()
      yield* createSchema(schema)
      const a = yield* openStore(schema)
      const b = yield* openStore(schema)
      yield* a.store.commit({ writes: [write("shared", { data: "v1" })], audit: [] })
      const outcomes = yield* Effect.all(
        [a, b].map(({ store }, i) =>
          Effect.exit(
            store.commit({ writes: [write("shared", { expectedVersion: 1, data: `writer ${i}` })], audit: [draft()] })
          )
        ),
        { concurrency: "unbounded" }
      )
      assert.strictEqual(outcomes.filter(Exit.isSuccess).length, 1)
      assert.strictEqual(
        outcomes.filter((e) => Exit.isFailure(e) && JSON.stringify(e.cause).includes("Conflict")).length,
        1
      )
      const stored = Option.getOrThrow(yield* b.store.get("contact", "shared"))
      assert.strictEqual(stored.version, 2)
      assert.strictEqual(stored.data, Exit.isSuccess(outcomes[0]!) ? "writer 0" : "writer 1")
      assert.strictEqual(yield* count(schema, "audit"), 1)
      yield* a.close
      yield* b.close
    }))

  it.effect(
    "read-modify-write loops on two pools lose no update, and the audit chain stays intact",
    () =>
      Effect.gen(function*() {
        const schema = freshSchema()
        yield* createSchema(schema)
        const N = 30
        const a = yield* openStore(schema)
        const b = yield* openStore(schema)
        yield* a.store.commit({ writes: [write("counter", { data: 0 })], audit: [] })
        const increment = (store: Store.StoreShape) =>
          Effect.gen(function*() {
            const current = Option.getOrThrow(yield* store.get("contact", "counter"))
            yield* store.commit({
              writes: [write("counter", { expectedVersion: current.version, data: (current.data as number) + 1 })],
              audit: [draft()]
            })
          }).pipe(Effect.retry({ while: (e) => e.reason._tag === "Conflict", times: 10_000 }))
        yield* Effect.all([a, b].map(({ store }) => Effect.repeat(increment(store), { times: N - 1 })), {
          concurrency: "unbounded"
        })
        const stored = Option.getOrThrow(yield* a.store.get("contact", "counter"))
        assert.strictEqual(stored.data, 2 * N)
        const audit = yield* b.store.readAudit(1, 1000)
        assert.strictEqual(audit.length, 2 * N)
        assert.strictEqual(Audit.verify(audit)._tag, "Intact")
        yield* a.close
        yield* b.close
      }),
    { timeout: 120_000 }
  )

  it("hostile text round-trips verbatim in every field", { timeout: 120_000 }, async () => {
    const schema = freshSchema()
    await Effect.runPromise(createSchema(schema))
    const unit = fc.oneof(
      fc.constantFrom(
        "'",
        "\"",
        "\\",
        "\\'",
        "--",
        ";",
        "?",
        "$1",
        ":a",
        "\n",
        "\r",
        "\t",
        "\u0001",
        "\u001f",
        "\u007f",
        "\u2028",
        "\ufeff",
        "é",
        "e\u0301",
        "😀",
        "\u{10ffff}"
      ),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((s) => !s.includes("\u0000"))
    )
    const text = (minLength = 0) => fc.string({ unit, minLength, maxLength: 20 })
    await Effect.runPromise(
      withStore(schema, (store) =>
        Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(
              text(1),
              text(1),
              text(),
              fc.uniqueArray(text(1), { maxLength: 3 }),
              fc.uniqueArray(text(1), { maxLength: 3 }),
              text(),
              async (id, serviceId, note, people, tags, facet) => {
                const record = write(id, {
                  serviceId,
                  personIds: people,
                  tags,
                  facets: { label: facet },
                  data: { note, [note]: [note] }
                })
                const got = await Effect.runPromise(
                  Effect.gen(function*() {
                    const before = Option.map(yield* store.get("contact", id), (r) => r.version)
                    yield* store.commit({
                      writes: [{ ...record, expectedVersion: Option.getOrElse(before, () => 0) }],
                      audit: [{ ...draft(), actor: note, subjects: [{ kind: "contact", id }] }]
                    })
                    const [entry] = yield* store.readAudit((yield* store.auditHead).seq, 1)
                    assert.strictEqual(entry!.actor, note)
                    if (tags[0] !== undefined) {
                      const groups = yield* store.aggregate({ kind: "contact", groupBy: ["tag", "label"] })
                      assert.isTrue(groups.some((g) => g.group["tag"] === tags[0] && g.group["label"] === facet))
                    }
                    return Option.getOrThrow(yield* store.get("contact", id))
                  })
                )
                const { expectedVersion: _, ...expected } = record
                assert.deepStrictEqual({ ...got, version: 0 }, { ...expected, version: 0 })
                const raw = await Effect.runPromise(withRaw(schema, (sql) =>
                  sql<
                    { service_id: string }
                  >`SELECT service_id FROM pomoc_records WHERE kind = 'contact' AND id = ${id}`))
                assert.strictEqual(raw[0]!.service_id, serviceId)
              }
            ),
            { numRuns: 40 }
          )
        ))
    )
  })
})
