/**
 * The SQLite store against real database files: semantics checked through raw better-sqlite3
 * probes, migrations, corrupt rows, two writers on one file, and hostile text round-trips.
 */
import { assert, describe, it } from "@effect/vitest"
import { Audit, Store } from "@pomoc/core"
import { reportSample } from "@pomoc/store-testkit"
import { Context, Effect, Exit, Layer, Option, Schedule, Scope } from "effect"
import * as fc from "fast-check"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteDialect, SqliteStore } from "../src/index.js"
import { SqliteDriver } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "pomoc-sqlite-store-"))
let files = 0
const freshFile = () => join(dir, `store-${files++}.db`)

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

/** Opens a store on `filename` for the duration of `f`. */
const withStore = <A, E>(
  filename: string,
  f: (store: Store.StoreShape) => Effect.Effect<A, E>,
  config: Partial<SqliteStore.SqliteStoreConfig> = {}
) =>
  Effect.scoped(
    Effect.gen(function*() {
      const context = yield* Layer.build(SqliteStore.layer({ filename, ...config }))
      return yield* f(Context.get(context, Store.Store))
    })
  )

const raw = <A>(filename: string, f: (db: SqliteDriver.SqliteDatabase) => A): A => {
  const db = SqliteDriver.open(filename)
  try {
    return f(db)
  } finally {
    db.close()
  }
}

const failureOf = <A>(effect: Effect.Effect<A, Store.StoreError>) =>
  Effect.flatMap(Effect.flip(effect), (error) => Effect.succeed(error.reason))

describe("SqliteStore", () => {
  it.effect("commits records and their audit entries; the raw rows say the same", () => {
    const file = freshFile()
    return Effect.gen(function*() {
      const committed = yield* withStore(file, (store) =>
        store.commit({
          writes: [
            write("c1", { tags: ["a", "b"], personIds: ["p1", "p2"], facets: { channel: "visit", n: 2, ok: true } }),
            write("c2")
          ],
          audit: [draft(), draft("second")]
        }))
      assert.deepStrictEqual(committed.versions, [1, 1])
      assert.deepStrictEqual(committed.audit.map((e) => e.seq), [1, 2])
      raw(file, (db) => {
        const row = db.prepare(
          "SELECT version, person_ids, tags, facets, data FROM pomoc_records WHERE kind = 'contact' AND id = 'c1'"
        ).get() as Record<string, string>
        assert.deepStrictEqual(JSON.parse(row.data!), { id: "c1" })
        assert.deepStrictEqual(JSON.parse(row.facets!), { channel: "visit", n: 2, ok: true })
        const people = db.prepare("SELECT person_id FROM pomoc_record_people WHERE id = 'c1' ORDER BY person_id")
          .all() as Array<{ person_id: string }>
        assert.deepStrictEqual(people.map((p) => p.person_id), ["p1", "p2"])
        // Tags are kept for reports in the record's report shape (distinct).
        const tags = db.prepare(
          "SELECT t.value AS tag FROM pomoc_report_rows r JOIN pomoc_report_shapes s ON s.id = r.shape, json_each(s.tags) t WHERE r.id = 'c1' ORDER BY tag"
        ).all() as Array<{ tag: string }>
        assert.deepStrictEqual(tags.map((t) => t.tag), ["a", "b"])
        assert.strictEqual((db.prepare("SELECT count(*) AS n FROM pomoc_audit").get() as { n: number }).n, 2)
        const head = db.prepare("SELECT seq, hash FROM pomoc_audit_head").get() as { seq: number; hash: string }
        assert.deepStrictEqual(head, { seq: 2, hash: committed.audit[1]!.hash })
      })
    })
  })

  it.effect("a stale write fails with Conflict carrying the actual version, and changes nothing", () => {
    const file = freshFile()
    return withStore(file, (store) =>
      Effect.gen(function*() {
        yield* store.commit({ writes: [write("c1")], audit: [draft()] })
        yield* store.commit({ writes: [write("c1", { expectedVersion: 1, data: "v2" })], audit: [] })
        const reason = yield* failureOf(
          store.commit({ writes: [write("c2"), write("c1", { expectedVersion: 1, data: "stale" })], audit: [draft()] })
        )
        assert.strictEqual(reason._tag, "Conflict")
        if (reason._tag === "Conflict") assert.deepStrictEqual([reason.expectedVersion, reason.actualVersion], [1, 2])
        assert.isTrue(Option.isNone(yield* store.get("contact", "c2")))
        assert.strictEqual((yield* store.auditHead).seq, 1)
        const missing = yield* failureOf(store.commit({ writes: [write("nope", { expectedVersion: 3 })], audit: [] }))
        assert.strictEqual(missing._tag === "Conflict" ? missing.actualVersion : -1, 0)
      }))
  })

  it.effect("a person's number goes with the last people row naming them, by update as by delete", () => {
    const file = freshFile()
    const numbered = () =>
      raw(file, (db) =>
        (db.prepare("SELECT person_id FROM pomoc_person_numbers ORDER BY person_id").all() as Array<
          { person_id: string }
        >).map((row) => row.person_id))
    return Effect.gen(function*() {
      yield* withStore(file, (store) =>
        store.commit({
          writes: [write("c1", { personIds: ["p1", "p2"] }), write("c2", { personIds: ["p1"] })],
          audit: []
        }))
      assert.deepStrictEqual(numbered(), ["p1", "p2"])
      // An update takes p2 off their last record: their id leaves the numbers too.
      yield* withStore(
        file,
        (store) => store.commit({ writes: [write("c1", { expectedVersion: 1, personIds: ["p1", "p3"] })], audit: [] })
      )
      assert.deepStrictEqual(numbered(), ["p1", "p3"])
      yield* withStore(file, (store) =>
        store.commit({
          writes: [write("c1", { expectedVersion: 2, personIds: [] })],
          deletes: [{ kind: "contact", id: "c2", expectedVersion: 1 }],
          audit: []
        }))
      assert.deepStrictEqual(numbered(), [])
      // Reports still count people right after numbers come and go.
      const people = yield* withStore(file, (store) =>
        Effect.gen(function*() {
          yield* store.commit({
            writes: [write("c3", { personIds: ["p3", "p4"] }), write("c1", { expectedVersion: 3, personIds: ["p4"] })],
            audit: []
          })
          return yield* store.aggregate({ kind: "contact", groupBy: [], distinctPeople: true })
        }))
      assert.deepStrictEqual(people.map((row) => [row.count, row.distinctPeople]), [[2, 2]])
      assert.deepStrictEqual(numbered(), ["p3", "p4"])
    })
  })

  it.effect("updates replace people and tags; deletes remove the record and its index rows", () => {
    const file = freshFile()
    return Effect.gen(function*() {
      yield* withStore(file, (store) =>
        Effect.gen(function*() {
          yield* store.commit({
            writes: [write("c1", { personIds: ["p1"], tags: ["t1"] }), write("c2", { personIds: ["p1"] })],
            audit: []
          })
          yield* store.commit({
            writes: [write("c1", { expectedVersion: 1, personIds: ["p2"], tags: ["t2"] })],
            deletes: [{ kind: "contact", id: "c2", expectedVersion: 1 }],
            audit: []
          })
          assert.deepStrictEqual((yield* store.list({ kind: "contact", personId: "p1" })).map((r) => r.id), [])
          assert.deepStrictEqual(
            (yield* store.list({ kind: "contact", personId: "p2" })).map((r) => [r.id, r.version]),
            [["c1", 2]]
          )
        }))
      raw(file, (db) => {
        assert.deepStrictEqual(db.prepare("SELECT person_id, id FROM pomoc_record_people").all(), [{
          person_id: "p2",
          id: "c1"
        }])
        assert.deepStrictEqual(
          db.prepare(
            "SELECT t.value AS tag FROM pomoc_report_rows r JOIN pomoc_report_shapes s ON s.id = r.shape, json_each(s.tags) t"
          ).all(),
          [{ tag: "t2" }]
        )
        assert.deepStrictEqual(db.prepare("SELECT id FROM pomoc_report_rows").all(), [{ id: "c1" }])
        assert.strictEqual((db.prepare("SELECT count(*) AS n FROM pomoc_records").get() as { n: number }).n, 1)
      })
    })
  })

  it.effect("lists by period (from inclusive, to exclusive), person and service, ordered by at then id, nulls first", () =>
    withStore(":memory:", (store) =>
      Effect.gen(function*() {
        yield* store.commit({
          writes: [
            write("b", { at: "2026-01-01T00:00:00.000Z" }),
            write("a", { at: "2026-01-01T00:00:00.000Z" }),
            write("z", { at: null }),
            write("c", { at: "2026-02-01T00:00:00.000Z", serviceId: "other" }),
            write("d", { at: "2026-03-01T00:00:00.000Z", personIds: ["p9"] })
          ],
          audit: []
        })
        const ids = (q: Partial<Store.RecordQuery>) =>
          Effect.map(store.list({ kind: "contact", ...q }), (rs) => rs.map((r) => r.id))
        assert.deepStrictEqual(yield* ids({}), ["z", "a", "b", "c", "d"])
        assert.deepStrictEqual(yield* ids({ from: "2026-01-01T00:00:00.000Z", to: "2026-03-01T00:00:00.000Z" }), [
          "a",
          "b",
          "c"
        ])
        assert.deepStrictEqual(yield* ids({ serviceId: "other" }), ["c"])
        assert.deepStrictEqual(yield* ids({ personId: "p9" }), ["d"])
        assert.deepStrictEqual(yield* ids({ limit: 2, offset: 1 }), ["a", "b"])
        assert.deepStrictEqual(yield* ids({ offset: 4 }), ["d"])
        assert.strictEqual((yield* failureOf(store.list({ kind: "contact", limit: -1 })))._tag, "InvalidQuery")
      })))

  it.effect("aggregates in SQL by facet, tag and month, with sums (missing = 0) and distinct people", () =>
    withStore(":memory:", (store) =>
      Effect.gen(function*() {
        yield* store.commit({
          writes: [
            write("c1", {
              facets: { channel: "visit", anon: 2 },
              tags: ["info", "food"],
              personIds: ["p1", "p2"],
              at: "2026-01-05T00:00:00.000Z"
            }),
            write("c2", {
              facets: { channel: "visit", anon: "x" },
              tags: ["info"],
              personIds: ["p1"],
              at: "2026-01-20T00:00:00.000Z"
            }),
            write("c3", { facets: { channel: "phone" }, tags: [], personIds: [], at: "2026-02-01T00:00:00.000Z" }),
            write("c4", { facets: { channel: true }, tags: [], personIds: [], at: null })
          ],
          audit: []
        })
        const byChannel = yield* store.aggregate({
          kind: "contact",
          groupBy: ["channel"],
          sum: ["anon"],
          distinctPeople: true
        })
        assert.deepStrictEqual(byChannel, [
          { group: { channel: true }, count: 1, sums: { anon: 0 }, distinctPeople: 0 },
          { group: { channel: "phone" }, count: 1, sums: { anon: 0 }, distinctPeople: 0 },
          { group: { channel: "visit" }, count: 2, sums: { anon: 2 }, distinctPeople: 2 }
        ])
        const byTagMonth = yield* store.aggregate({ kind: "contact", groupBy: ["tag", "month"] })
        assert.deepStrictEqual(byTagMonth, [
          { group: { tag: "food", month: "2026-01" }, count: 1, sums: {} },
          { group: { tag: "info", month: "2026-01" }, count: 2, sums: {} }
        ])
        const period = yield* store.aggregate({ kind: "contact", groupBy: [], from: "2026-01-10T00:00:00.000Z" })
        assert.deepStrictEqual(period, [{ group: {}, count: 2, sums: {} }])
        assert.deepStrictEqual(yield* store.aggregate({ kind: "person", groupBy: [] }), [])
        const bad = yield* failureOf(
          store.aggregate({ kind: "contact", groupBy: ["channel'; DROP TABLE pomoc_records; --"] })
        )
        assert.strictEqual(bad._tag, "InvalidQuery")
        assert.strictEqual(
          (yield* failureOf(store.aggregate({ kind: "contact", groupBy: [], sum: ["a.b"] })))._tag,
          "InvalidQuery"
        )
      })))

  it.effect("reads the audit chain back intact, in pages", () =>
    withStore(":memory:", (store) =>
      Effect.gen(function*() {
        for (let i = 0; i < 5; i++) {
          yield* store.commit({
            writes: [],
            audit: [draft(`op${i}`), { ...draft(), legalGround: "§ 7", rules: ["r1"] }]
          })
        }
        const all = yield* store.readAudit(1, 100)
        assert.strictEqual(all.length, 10)
        assert.deepStrictEqual(Audit.verify(all, yield* store.auditHead)._tag, "Intact")
        assert.deepStrictEqual((yield* store.readAudit(4, 3)).map((e) => e.seq), [4, 5, 6])
        assert.strictEqual((yield* failureOf(store.readAudit(0)))._tag, "InvalidQuery")
      })))

  it.effect("a row with unreadable JSON is CorruptData, not a crash", () => {
    const file = freshFile()
    return Effect.gen(function*() {
      yield* withStore(file, (store) => store.commit({ writes: [write("c1")], audit: [draft()] }))
      raw(file, (db) => {
        db.prepare("UPDATE pomoc_records SET data = '{not json' WHERE id = 'c1'").run()
        db.prepare("UPDATE pomoc_audit SET entry = '[]' WHERE seq = 1").run()
      })
      yield* withStore(file, (store) =>
        Effect.gen(function*() {
          assert.strictEqual((yield* failureOf(store.get("contact", "c1")))._tag, "CorruptData")
          assert.strictEqual((yield* failureOf(store.list({ kind: "contact" })))._tag, "CorruptData")
          assert.strictEqual((yield* failureOf(store.readAudit()))._tag, "CorruptData")
        }))
    })
  })

  it.effect("another process holding the write lock gives a retryable Busy, and the commit succeeds once it is released", () => {
    const file = freshFile()
    return withStore(file, (store) =>
      Effect.gen(function*() {
        const other = SqliteDriver.open(file)
        other.exec("BEGIN IMMEDIATE")
        const busy = yield* Effect.flip(store.commit({ writes: [write("c1")], audit: [draft()] }))
        assert.strictEqual(busy.reason._tag, "Busy")
        assert.isTrue(busy.retryable)
        other.exec("ROLLBACK")
        other.close()
        assert.deepStrictEqual((yield* store.commit({ writes: [write("c1")], audit: [draft()] })).versions, [1])
      }), { busyTimeoutMs: 20 })
  })

  it.effect("a file that is not a database is CorruptData; a missing directory is a typed open error", () => {
    const file = freshFile()
    writeFileSync(file, Buffer.alloc(8192, 0x5a))
    return Effect.gen(function*() {
      const corrupt = yield* failureOf(withStore(file, () => Effect.void))
      assert.strictEqual(corrupt._tag, "CorruptData")
      const missing = yield* Effect.flip(withStore(join(dir, "no-such-dir", "x.db"), () => Effect.void))
      assert.instanceOf(missing, Store.StoreError)
      assert.strictEqual(missing.operation, "open")
      assert.isFalse(missing.retryable)
    })
  })

  it.effect("refuses a unit with an unknown kind or a negative expected version", () =>
    withStore(":memory:", (store) =>
      Effect.gen(function*() {
        const reason = yield* failureOf(
          store.commit({ writes: [write("c1", { kind: "nonsense" as Store.RecordKind })], audit: [] })
        )
        assert.strictEqual(reason._tag, "ConstraintViolation")
        assert.strictEqual(
          (yield* failureOf(store.commit({ writes: [write("c1", { expectedVersion: -1 })], audit: [] })))._tag,
          "ConstraintViolation"
        )
      })))
})

describe("migrations", () => {
  it.effect("run once, are recorded, and are idempotent", () => {
    const file = freshFile()
    return Effect.gen(function*() {
      yield* withStore(file, () => Effect.void)
      yield* withStore(file, () => Effect.void)
      yield* withStore(file, () => Effect.void, { migrate: "verify" })
      raw(file, (db) => {
        const rows = db.prepare("SELECT version, name FROM pomoc_migrations ORDER BY version").all()
        assert.deepStrictEqual(rows, SqliteDialect.dialect.migrations.map(({ name, version }) => ({ version, name })))
        assert.deepStrictEqual(rows.slice(0, 3), [
          { version: 1, name: "initial" },
          { version: 2, name: "report-rows" },
          { version: 3, name: "report-shapes" }
        ])
      })
    })
  })

  it.effect("upgrade a database of schema 1: report rows built from the records, tags table gone, reports unchanged", () => {
    const file = freshFile()
    return Effect.gen(function*() {
      const before = yield* withStore(file, reportSample.record)
      // The schema as migration 1 left it: tags in their own table, no report rows.
      raw(file, (db) =>
        db.exec(`
          DROP TRIGGER pomoc_report_rows_insert; DROP TRIGGER pomoc_report_rows_update; DROP TRIGGER pomoc_report_rows_delete;
          DROP TABLE pomoc_report_rows; DROP TABLE pomoc_report_shapes;
          DROP TRIGGER pomoc_person_numbers_release; DROP TABLE pomoc_person_numbers; DROP TABLE pomoc_renaming;
          CREATE TABLE pomoc_record_tags (kind TEXT NOT NULL, id TEXT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (kind, id, tag)) WITHOUT ROWID;
          CREATE INDEX pomoc_record_tags_tag ON pomoc_record_tags (kind, tag);
          INSERT INTO pomoc_record_tags SELECT DISTINCT r.kind, r.id, t.value FROM pomoc_records r, json_each(r.tags) t;
          DROP INDEX pomoc_records_guard; ALTER TABLE pomoc_records DROP COLUMN guard_key;
          DROP TABLE pomoc_record_lookup; ALTER TABLE pomoc_records DROP COLUMN lookup;
          DELETE FROM pomoc_migrations WHERE version >= 2;
        `))
      const after = yield* withStore(file, reportSample.answer)
      assert.deepStrictEqual(after, before)
      assert.deepStrictEqual(before[0]!.map((row) => [row.group.tag, row.count, row.distinctPeople]), [["a", 1, 2], [
        "b",
        2,
        3
      ]])
      raw(file, (db) => {
        assert.deepStrictEqual(db.prepare("SELECT name FROM sqlite_master WHERE name = 'pomoc_record_tags'").all(), [])
        assert.deepStrictEqual(db.prepare("SELECT id FROM pomoc_report_rows ORDER BY id").all(), [{ id: "c1" }, {
          id: "c2"
        }, { id: "c3" }])
        // Report rows name people by number (migration 6), never by id.
        const people = db.prepare("SELECT json(person_ids) AS p FROM pomoc_report_rows").all() as Array<{ p: string }>
        assert.isTrue(people.every(({ p }) => (JSON.parse(p) as Array<unknown>).every((n) => typeof n === "number")))
        assert.deepStrictEqual(
          (db.prepare("SELECT max(version) AS v FROM pomoc_migrations").get() as { v: number }).v,
          SqliteDialect.CODE_VERSION
        )
      })
    })
  })

  it.effect("verify refuses an empty database and creates nothing", () => {
    const file = freshFile()
    return Effect.gen(function*() {
      const reason = yield* failureOf(withStore(file, () => Effect.void, { migrate: "verify" }))
      assert.strictEqual(reason._tag, "MigrationNeeded")
      if (reason._tag === "MigrationNeeded") {
        assert.deepStrictEqual([reason.databaseVersion, reason.codeVersion], [0, SqliteDialect.CODE_VERSION])
      }
      raw(file, (db) => assert.deepStrictEqual(db.prepare("SELECT name FROM sqlite_master").all(), []))
    })
  })

  it.effect("a database newer than the code fails with MigrationNeeded and is left untouched", () => {
    const file = freshFile()
    return Effect.gen(function*() {
      yield* withStore(file, (store) => store.commit({ writes: [write("c1")], audit: [draft()] }))
      raw(file, (db) => {
        db.prepare(
          "INSERT INTO pomoc_migrations (version, name, applied_at) VALUES (?, 'from the future', '2030-01-01')"
        ).run(SqliteDialect.CODE_VERSION + 1)
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)")
      })
      const before = readFileSync(file)
      for (const migrate of ["auto", "verify"] as const) {
        const reason = yield* failureOf(withStore(file, () => Effect.void, { migrate }))
        assert.strictEqual(reason._tag, "MigrationNeeded")
        if (reason._tag === "MigrationNeeded") {
          assert.deepStrictEqual([reason.databaseVersion, reason.codeVersion], [
            SqliteDialect.CODE_VERSION + 1,
            SqliteDialect.CODE_VERSION
          ])
        }
      }
      raw(file, (db) => db.exec("PRAGMA wal_checkpoint(TRUNCATE)"))
      assert.isTrue(readFileSync(file).equals(before))
    })
  })
})

describe("two writers on one file", () => {
  const openScoped = (filename: string) => {
    const scope = Scope.makeUnsafe()
    return Effect.map(Layer.buildWithScope(SqliteStore.layer({ filename, busyTimeoutMs: 20 }), scope), (context) => ({
      store: Context.get(context, Store.Store),
      close: Scope.close(scope, Exit.void)
    }))
  }
  const whileBusy = Schedule.recurs(200).pipe(Schedule.addDelay(() => Effect.succeed("2 millis" as const)))
  const retryBusy = <A>(effect: Effect.Effect<A, Store.StoreError>) =>
    Effect.retry(effect, { while: (e) => e.reason._tag === "Busy", schedule: whileBusy })

  it.effect("both read version 1 and update: exactly one wins, the other gets Conflict", () => {
    const file = freshFile()
    return Effect.gen(function*() {
      const a = yield* openScoped(file)
      const b = yield* openScoped(file)
      yield* a.store.commit({ writes: [write("shared", { data: "v1" })], audit: [] })
      const outcomes = yield* Effect.all(
        [a, b].map(({ store }, i) =>
          Effect.exit(
            retryBusy(
              store.commit({ writes: [write("shared", { expectedVersion: 1, data: `writer ${i}` })], audit: [draft()] })
            )
          )
        ),
        { concurrency: "unbounded" }
      )
      const wins = outcomes.filter(Exit.isSuccess)
      const conflicts = outcomes.filter((e) => Exit.isFailure(e) && JSON.stringify(e.cause).includes("Conflict"))
      assert.strictEqual(wins.length, 1)
      assert.strictEqual(conflicts.length, 1)
      const stored = Option.getOrThrow(yield* b.store.get("contact", "shared"))
      assert.strictEqual(stored.version, 2)
      assert.strictEqual(stored.data, outcomes[0]!._tag === "Success" ? "writer 0" : "writer 1")
      assert.strictEqual((yield* a.store.auditHead).seq, 1)
      yield* a.close
      yield* b.close
    })
  })

  it.effect("a unit decided before the log's last entry is refused whichever writer committed that entry (model, property)", () => {
    // Each store remembers the last entry it committed itself, so as not to read it back; an entry
    // committed by the other writer must still be read, and refuse an earlier unit.
    const minute = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString()
    const steps = fc.sample(
      fc.array(fc.record({ writer: fc.integer({ min: 0, max: 1 }), n: fc.integer({ min: 0, max: 30 }) }), {
        minLength: 30,
        maxLength: 30
      }),
      { numRuns: 3, seed: 9 }
    )
    return Effect.gen(function*() {
      for (const [run, units] of steps.entries()) {
        const file = freshFile()
        const writers = [yield* openScoped(file), yield* openScoped(file)]
        let last: string | undefined
        let committed = 0
        for (const [i, { n, writer }] of units.entries()) {
          const at = minute(n)
          const unit = { writes: [write(`r${run}-${i}`)], audit: [{ ...draft(), at }], at }
          const outcome = yield* Effect.exit(retryBusy(writers[writer]!.store.commit(unit)))
          if (last !== undefined && Date.parse(at) < Date.parse(last)) {
            assert.isTrue(Exit.isFailure(outcome), `unit ${i} at minute ${n} was stored after one at ${last}`)
            assert.include(JSON.stringify(outcome), "Conflict")
          } else {
            assert.isTrue(Exit.isSuccess(outcome), `unit ${i} at minute ${n} was refused`)
            last = at
            committed++
          }
        }
        assert.strictEqual((yield* writers[0]!.store.auditHead).seq, committed)
        assert.strictEqual((yield* writers[1]!.store.readAudit(1, 1000)).length, committed)
        for (const w of writers) yield* w.close
      }
    })
  })

  it.effect("read-modify-write loops on two connections lose no update", () => {
    const file = freshFile()
    const N = 40
    return Effect.gen(function*() {
      const a = yield* openScoped(file)
      const b = yield* openScoped(file)
      yield* a.store.commit({ writes: [write("counter", { data: 0 })], audit: [] })
      const increment = (store: Store.StoreShape) =>
        Effect.gen(function*() {
          const current = Option.getOrThrow(yield* store.get("contact", "counter"))
          yield* Effect.yieldNow
          yield* store.commit({
            writes: [write("counter", { expectedVersion: current.version, data: (current.data as number) + 1 })],
            audit: [draft()]
          })
        }).pipe(Effect.retry({ while: (e) => e.reason._tag === "Busy" || e.reason._tag === "Conflict", times: 10_000 }))
      yield* Effect.all([a, b].map(({ store }) => Effect.repeat(increment(store), { times: N - 1 })), {
        concurrency: "unbounded"
      })
      const stored = Option.getOrThrow(yield* a.store.get("contact", "counter"))
      assert.strictEqual(stored.data, 2 * N)
      assert.strictEqual(stored.version, 2 * N + 1)
      const audit = yield* b.store.readAudit(1, 1000)
      assert.strictEqual(audit.length, 2 * N)
      assert.strictEqual(Audit.verify(audit)._tag, "Intact")
      yield* a.close
      yield* b.close
    })
  })
})

describe("hostile text", () => {
  // Quotes, backslashes, SQL and placeholder syntax, NUL-free control characters, any Unicode.
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
      "@a",
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

  it("round-trips verbatim in every field, as stored and as read", { timeout: 60_000 }, async () => {
    const file = freshFile()
    await Effect.runPromise(withStore(file, () => Effect.void))
    await fc.assert(
      fc.asyncProperty(
        text(1),
        text(1),
        text(),
        fc.array(text(1), { maxLength: 3 }),
        fc.array(text(1), { maxLength: 3 }),
        text(),
        async (id, serviceId, note, people, tags, facet) => {
          const record = write(id, {
            serviceId,
            personIds: [...new Set(people)],
            tags: [...new Set(tags)],
            facets: { label: facet },
            data: { note, [note]: [note] }
          })
          const got = await Effect.runPromise(
            withStore(file, (store) =>
              Effect.gen(function*() {
                const before = Option.map(yield* store.get("contact", id), (r) => r.version)
                yield* store.commit({
                  writes: [{ ...record, expectedVersion: Option.getOrElse(before, () => 0) }],
                  audit: [{ ...draft(), actor: note, subjects: [{ kind: "contact", id }] }]
                })
                const audit = yield* store.readAudit((yield* store.auditHead).seq, 1)
                assert.strictEqual(audit[0]!.actor, note)
                if (people[0] !== undefined) {
                  assert.isTrue((yield* store.list({ kind: "contact", personId: people[0] })).some((r) => r.id === id))
                }
                return Option.getOrThrow(yield* store.get("contact", id))
              }))
          )
          const { expectedVersion: _, ...expected } = record
          assert.deepStrictEqual({ ...got, version: 0 }, { ...expected, version: 0 })
          raw(file, (db) => {
            const row = db.prepare("SELECT service_id, data FROM pomoc_records WHERE kind = ? AND id = ?").get(
              "contact",
              id
            ) as { service_id: string; data: string }
            assert.strictEqual(row.service_id, serviceId)
            assert.deepStrictEqual(JSON.parse(row.data), record.data)
          })
        }
      ),
      { numRuns: 60 }
    )
  })
})

process.on("exit", () => rmSync(dir, { recursive: true, force: true }))
