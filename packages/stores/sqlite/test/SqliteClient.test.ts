import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Fiber, Stream } from "effect"
import { Migrator, SqlClient, SqlError } from "effect/sql"
import fc from "fast-check"
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll } from "vitest"
import { SqliteDriver } from "../src/index.js"
import { SqliteClient, type SqliteClientConfig } from "../src/SqliteClient.js"

const tempDirs: Array<string> = []
const tempFile = (name = "db.sqlite"): string => {
  const dir = mkdtempSync(join(tmpdir(), "pomoc-sqlite-"))
  tempDirs.push(dir)
  return join(dir, name)
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
})

const withClient = (config: SqliteClientConfig) => <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.provide(self, SqliteClient.layer(config))

/** Reads the file through a separate raw better-sqlite3 connection: what is really on disk. */
const probe = <A>(file: string, f: (db: SqliteDriver.SqliteDatabase) => A): A => {
  const db = SqliteDriver.open(file)
  try {
    return f(db)
  } finally {
    db.close()
  }
}
const countRows = (file: string, table: string): number =>
  probe(file, (db) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n)

const selectOne = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  return yield* sql`SELECT 1`
})

const reasonOf = (error: unknown): SqlError.SqlErrorReason => {
  assert.isTrue(SqlError.isSqlError(error), `expected a SqlError, got ${String(error)}`)
  return (error as SqlError.SqlError).reason
}

const targets = [
  { name: "in memory", config: (): SqliteClientConfig => ({ filename: ":memory:" }) },
  { name: "in a file", config: (): SqliteClientConfig => ({ filename: tempFile() }) }
] as const

for (const target of targets) {
  describe(`SqliteClient ${target.name}`, () => {
    it.effect("creates a table, inserts and selects with parameters", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER, active INTEGER NOT NULL)`
        yield* sql`INSERT INTO person ${
          sql.insert([{ name: "Ada", age: 36, active: true }, { name: "Bob", age: null, active: false }])
        }`
        const rows = yield* sql`SELECT name, age, active FROM person WHERE age > ${30} OR age IS NULL ORDER BY id`
        assert.deepStrictEqual(rows, [{ name: "Ada", age: 36, active: 1 }, { name: "Bob", age: null, active: 0 }])

        const byName = (name: string) => sql`SELECT id, name FROM person WHERE ${sql.in("name", [name])}`
        assert.deepStrictEqual(yield* byName("Bob").values, [[2, "Bob"]])
        // The same (cached) statement returns objects again afterwards.
        assert.deepStrictEqual(yield* byName("Bob"), [{ id: 2, name: "Bob" }])

        const raw = yield* sql`UPDATE person SET age = ${37} WHERE name = ${"Ada"}`.raw
        assert.strictEqual((raw as { changes: number }).changes, 1)
        const [ada] = yield* sql<{ age: number }>`SELECT age FROM person WHERE ${sql.and([sql`name = ${"Ada"}`])}`
        assert.strictEqual(ada?.age, 37)
      }).pipe(withClient(target.config())))

    it.effect("streams rows in several chunks", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const rows = yield* Stream.runCollect(
          sql<
            { x: number }
          >`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${1000}) SELECT x FROM c`
            .stream
        )
        assert.strictEqual(rows.length, 1000)
        assert.deepStrictEqual(rows.map((row) => row.x), Array.from({ length: 1000 }, (_, i) => i + 1))
        // The connection is free again once the stream is done.
        assert.deepStrictEqual(yield* sql`SELECT 1 AS one`, [{ one: 1 }])
      }).pipe(withClient(target.config())))

    it.effect("runs an unprepared script of several statements and binds dates as ISO strings", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        yield* sql.unsafe("CREATE TABLE a (x); CREATE TABLE b (y);").unprepared
        const tables = yield* sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.values
        assert.deepStrictEqual(tables, [["a"], ["b"]])
        const [row] = yield* sql<{ d: string; u: null }>`SELECT ${new Date(0)} AS d, ${undefined} AS u`
        assert.deepStrictEqual(row, { d: "1970-01-01T00:00:00.000Z", u: null })
      }).pipe(withClient(target.config())))

    it.effect("enforces foreign keys", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const [pragma] = yield* sql<{ foreign_keys: number }>`PRAGMA foreign_keys`
        assert.strictEqual(pragma?.foreign_keys, 1)
        yield* sql`CREATE TABLE parent (id INTEGER PRIMARY KEY)`
        yield* sql`CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id))`
        const error = yield* Effect.flip(sql`INSERT INTO child (parent_id) VALUES (${42})`)
        assert.strictEqual(reasonOf(error)._tag, "ConstraintError")
      }).pipe(withClient(target.config())))
  })
}

describe("SqliteClient text round-trip", () => {
  const special = fc.constantFrom(
    "'",
    "''",
    "\"",
    "\\",
    "\\'",
    "\n",
    "\r\n",
    "\t",
    "\u0001",
    "\u001f",
    "\u007f",
    "\u2028",
    "%",
    "_",
    "?",
    "$1",
    "é",
    "e\u0301",
    "😀",
    "👩‍👩‍👧",
    "\uFEFF",
    "--",
    ";",
    "/*"
  )
  const text = fc
    .array(fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), special), { maxLength: 12 })
    .map((parts) => parts.join(""))
    .filter((s) => !s.includes("\u0000"))

  it.effect("stores and returns any text (quotes, backslashes, control characters, Unicode) verbatim", () =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const client = yield* SqliteClient
      yield* sql`CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`
      const context = yield* Effect.context<SqlClient.SqlClient | SqliteClient>()
      const check = (body: string) =>
        Effect.gen(function*() {
          yield* sql`DELETE FROM note`
          yield* sql`INSERT INTO note ${sql.insert({ body })}`
          yield* sql`INSERT INTO note (body) VALUES (${body})`
          yield* client.executeMany("INSERT INTO note (body) VALUES (?)", [[body]])
          const rows = yield* sql<
            { body: string; hex: string }
          >`SELECT body, hex(body) AS hex FROM note WHERE body = ${body}`
          assert.strictEqual(rows.length, 3)
          const utf8 = Buffer.from(body, "utf8").toString("hex").toUpperCase()
          for (const row of rows) {
            assert.strictEqual(row.body, body)
            // What SQLite stored is exactly the UTF-8 of the input.
            assert.strictEqual(row.hex, utf8)
          }
        }).pipe(Effect.provideContext(context))
      yield* Effect.promise(() =>
        fc.assert(fc.asyncProperty(text, (body) => Effect.runPromise(check(body))), { numRuns: 300 })
      )
    }).pipe(withClient({ filename: ":memory:" })))
})

describe("SqliteClient transactions (checked through a raw connection to the file)", () => {
  it.effect("commits on success, invisible to other connections until then", () => {
    const file = tempFile()
    return Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT NOT NULL)`
      const seenInside = yield* sql.withTransaction(Effect.gen(function*() {
        for (const label of ["a", "b", "c"]) yield* sql`INSERT INTO item (label) VALUES (${label})`
        return countRows(file, "item")
      }))
      assert.strictEqual(seenInside, 0)
      assert.strictEqual(countRows(file, "item"), 3)
    }).pipe(withClient({ filename: file }))
  })

  it.effect("rolls back everything on failure", () => {
    const file = tempFile()
    return Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)`
      const failure = yield* Effect.flip(sql.withTransaction(Effect.gen(function*() {
        yield* sql`INSERT INTO item (label) VALUES (${"a"})`
        yield* sql`INSERT INTO item (label) VALUES (${"b"})`
        return yield* Effect.fail("boom" as const)
      })))
      assert.strictEqual(failure, "boom")
      assert.strictEqual(countRows(file, "item"), 0)

      const violation = yield* Effect.flip(sql.withTransaction(Effect.gen(function*() {
        yield* sql`INSERT INTO item (label) VALUES (${"a"})`
        yield* sql`INSERT INTO item (label) VALUES (${"b"})`
        yield* sql`INSERT INTO item (label) VALUES (${"a"})`
      })))
      assert.strictEqual(reasonOf(violation)._tag, "UniqueViolation")
      assert.strictEqual(countRows(file, "item"), 0)
      assert.deepStrictEqual(yield* sql`SELECT count(*) AS n FROM item`, [{ n: 0 }])
    }).pipe(withClient({ filename: file }))
  })

  it.effect("rolls back only the inner transaction when a nested one fails", () => {
    const file = tempFile()
    return Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT NOT NULL)`
      yield* sql.withTransaction(Effect.gen(function*() {
        yield* sql`INSERT INTO item (label) VALUES (${"outer-1"})`
        const inner = yield* Effect.flip(sql.withTransaction(Effect.gen(function*() {
          yield* sql`INSERT INTO item (label) VALUES (${"inner"})`
          return yield* Effect.fail("inner failed" as const)
        })))
        assert.strictEqual(inner, "inner failed")
        yield* sql.withTransaction(sql`INSERT INTO item (label) VALUES (${"inner-ok"})`)
        yield* sql`INSERT INTO item (label) VALUES (${"outer-2"})`
      }))
      const labels = probe(
        file,
        (db) => db.prepare("SELECT label FROM item ORDER BY id").all().map((row) => Object.values(row as object)[0])
      )
      assert.deepStrictEqual(labels, ["outer-1", "inner-ok", "outer-2"])

      // A committed savepoint still goes when the outer transaction fails.
      yield* Effect.flip(sql.withTransaction(Effect.gen(function*() {
        yield* sql.withTransaction(sql`INSERT INTO item (label) VALUES (${"lost"})`)
        return yield* Effect.fail("outer failed" as const)
      })))
      assert.strictEqual(countRows(file, "item"), 3)
    }).pipe(withClient({ filename: file }))
  })

  it.effect("executeMany runs a statement many times, all or nothing", () => {
    const file = tempFile()
    return Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const client = yield* SqliteClient
      yield* sql`CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE, done INTEGER NOT NULL)`
      const rows = Array.from({ length: 1000 }, (_, i) => [`label-${i}`, i % 2 === 0] as const)
      const result = yield* client.executeMany("INSERT INTO item (label, done) VALUES (?, ?)", rows)
      assert.deepStrictEqual(result, { executions: 1000, changes: 1000 })
      assert.strictEqual(countRows(file, "item"), 1000)

      const named = yield* client.executeMany("UPDATE item SET done = @done WHERE label = @label", [
        { label: "label-1", done: true },
        { label: "label-3", done: true },
        { label: "missing", done: true }
      ])
      assert.deepStrictEqual(named, { executions: 3, changes: 2 })

      const failing = [
        ...Array.from({ length: 50 }, (_, i) => [`new-${i}`, false] as const),
        ["label-0", false] as const
      ]
      const error = yield* Effect.flip(client.executeMany("INSERT INTO item (label, done) VALUES (?, ?)", failing))
      const reason = reasonOf(error)
      assert.strictEqual(reason._tag, "UniqueViolation")
      assert.strictEqual(reason.operation, "executeMany")
      assert.strictEqual(countRows(file, "item"), 1000)

      // Inside an outer transaction the batch goes with it.
      yield* Effect.flip(sql.withTransaction(Effect.gen(function*() {
        yield* client.executeMany("INSERT INTO item (label, done) VALUES (?, ?)", [["inner-1", false], [
          "inner-2",
          true
        ]])
        return yield* Effect.fail("outer failed" as const)
      })))
      assert.strictEqual(countRows(file, "item"), 1000)
    }).pipe(withClient({ filename: file }))
  })

  it.live("interrupting a transaction rolls it back and frees the connection", () => {
    const file = tempFile()
    return Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE item (id INTEGER PRIMARY KEY)`
      const fiber = yield* Effect.forkChild(sql.withTransaction(Effect.gen(function*() {
        yield* sql`INSERT INTO item DEFAULT VALUES`
        yield* Effect.never
      })))
      yield* Effect.sleep("20 millis")
      yield* Fiber.interrupt(fiber)
      assert.strictEqual(countRows(file, "item"), 0)
      yield* sql`INSERT INTO item DEFAULT VALUES`
      assert.strictEqual(countRows(file, "item"), 1)
    }).pipe(withClient({ filename: file }))
  })

  it.live("concurrent fibers never interleave inside a transaction", () =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE log (seq INTEGER PRIMARY KEY AUTOINCREMENT, who TEXT NOT NULL)`
      const transaction = (who: string, fail: boolean) =>
        sql.withTransaction(Effect.gen(function*() {
          for (let i = 0; i < 3; i++) {
            yield* sql`INSERT INTO log (who) VALUES (${who})`
            yield* Effect.sleep("3 millis")
          }
          if (fail) return yield* Effect.fail("rolled back" as const)
        }))
      const plain = (who: string) =>
        Effect.sleep("2 millis").pipe(Effect.andThen(sql`INSERT INTO log (who) VALUES (${who})`))
      yield* Effect.all([
        transaction("a", false),
        plain("plain-1"),
        transaction("b", true).pipe(Effect.ignore),
        plain("plain-2"),
        transaction("c", false)
      ], { concurrency: "unbounded" })
      const order = (yield* sql<{ who: string }>`SELECT who FROM log ORDER BY seq`).map((row) => row.who)
      // The failed transaction left nothing, the plain statements survived it,
      // and each committed transaction's rows are one contiguous run.
      assert.sameMembers(order, ["a", "a", "a", "c", "c", "c", "plain-1", "plain-2"])
      for (const who of ["a", "c"]) {
        const first = order.indexOf(who)
        assert.deepStrictEqual(order.slice(first, first + 3), [who, who, who])
      }
    }).pipe(withClient({ filename: tempFile() })))
})

describe("SqliteClient errors", () => {
  it.effect("a unique violation is a SqlError naming the constraint, never the value", () =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE account (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)`
      yield* sql`INSERT INTO account (email) VALUES (${"ada.lovelace@example.org"})`
      const error = yield* Effect.flip(sql`INSERT INTO account (email) VALUES (${"ada.lovelace@example.org"})`)
      const reason = reasonOf(error)
      assert.strictEqual(reason._tag, "UniqueViolation")
      assert.strictEqual(reason._tag === "UniqueViolation" ? reason.constraint : "", "account.email")
      assert.isFalse(error.isRetryable)
      assert.notInclude(error.message, "ada.lovelace")

      const primaryKey = yield* Effect.flip(sql`INSERT INTO account (id, email) VALUES (${1}, ${"other@example.org"})`)
      assert.strictEqual(reasonOf(primaryKey)._tag, "UniqueViolation")
    }).pipe(withClient({ filename: ":memory:" })))

  it.effect("other constraint, syntax and binding failures are classified SqlErrors, not defects", () =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER CHECK (n > 0))`
      assert.strictEqual(
        reasonOf(yield* Effect.flip(sql`INSERT INTO t (name) VALUES (${null})`))._tag,
        "ConstraintError"
      )
      assert.strictEqual(
        reasonOf(yield* Effect.flip(sql`INSERT INTO t (name, n) VALUES (${"x"}, ${-1})`))._tag,
        "ConstraintError"
      )
      assert.strictEqual(reasonOf(yield* Effect.flip(sql`SELEKT 1`))._tag, "SqlSyntaxError")
      assert.strictEqual(reasonOf(yield* Effect.flip(sql`SELECT * FROM missing_table`))._tag, "SqlSyntaxError")
      const binding = yield* Effect.exit(sql`SELECT ${{ not: "bindable" }} AS x`)
      assert.isTrue(Exit.isFailure(binding) && !Exit.hasDies(binding))
      if (Exit.isFailure(binding)) {
        const error = yield* Effect.flip(Effect.failCause(binding.cause))
        assert.strictEqual(reasonOf(error)._tag, "UnknownError")
      }
      // The connection is still usable.
      assert.deepStrictEqual(yield* sql`SELECT 1 AS one`, [{ one: 1 }])
    }).pipe(withClient({ filename: ":memory:" })))

  it.effect("a database locked by another connection fails as a retryable LockTimeoutError", () => {
    const file = tempFile()
    return Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE t (id INTEGER PRIMARY KEY)`
      const other = SqliteDriver.open(file)
      other.exec("BEGIN IMMEDIATE")
      const error = yield* Effect.flip(sql`INSERT INTO t DEFAULT VALUES`).pipe(
        Effect.ensuring(Effect.sync(() => {
          other.exec("ROLLBACK")
          other.close()
        }))
      )
      assert.strictEqual(reasonOf(error)._tag, "LockTimeoutError")
      assert.isTrue(error.isRetryable)
      yield* sql`INSERT INTO t DEFAULT VALUES`
      assert.strictEqual(countRows(file, "t"), 1)
    }).pipe(withClient({ filename: file, busyTimeoutMs: 20 }))
  })

  it.effect("writing through a read-only client fails as an AuthorizationError", () => {
    const file = tempFile()
    probe(file, (db) => db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)"))
    return Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      assert.deepStrictEqual(yield* sql`SELECT count(*) AS n FROM t`, [{ n: 0 }])
      const error = yield* Effect.flip(sql`INSERT INTO t DEFAULT VALUES`)
      assert.strictEqual(reasonOf(error)._tag, "AuthorizationError")
      assert.isFalse(error.isRetryable)
    }).pipe(withClient({ filename: file, readonly: true }))
  })

  it.effect("a file that is not a database fails the layer with a non-retryable SqlError", () => {
    const file = tempFile()
    writeFileSync(file, Buffer.alloc(8192, "this is not a database "))
    return Effect.gen(function*() {
      const exit = yield* Effect.exit(selectOne.pipe(withClient({ filename: file })))
      assert.isTrue(Exit.isFailure(exit) && !Exit.hasDies(exit))
      const error = yield* Effect.flip(exit)
      assert.include(error.message, "corrupt")
      assert.isFalse(error.isRetryable)
    })
  })

  it.effect("a missing directory fails the layer with a ConnectionError", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        selectOne.pipe(withClient({ filename: join(tempFile(), "no", "such", "dir.sqlite") }))
      )
      assert.strictEqual(reasonOf(error)._tag, "ConnectionError")
    }))
})

describe("SqliteClient lifecycle and settings", () => {
  it.effect("uses WAL with synchronous = NORMAL for files, and not when told otherwise", () =>
    Effect.gen(function*() {
      const pragmas = Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const [journal] = yield* sql<{ journal_mode: string }>`PRAGMA journal_mode`
        const [sync] = yield* sql<{ synchronous: number }>`PRAGMA synchronous`
        return [journal?.journal_mode, sync?.synchronous]
      })
      assert.deepStrictEqual(yield* pragmas.pipe(withClient({ filename: tempFile() })), ["wal", 1])
      assert.deepStrictEqual(yield* pragmas.pipe(withClient({ filename: tempFile(), disableWAL: true })), ["delete", 2])
      // The name before 0.2.0 still works.
      assert.deepStrictEqual(yield* pragmas.pipe(withClient({ filename: tempFile(), walMode: false })), ["delete", 2])
      assert.deepStrictEqual(yield* pragmas.pipe(withClient({ filename: ":memory:" })), ["memory", 2])
    }))

  it.effect("closing the scope closes the database; the file reopens cleanly in WAL mode", () => {
    const file = tempFile()
    return Effect.gen(function*() {
      const leaked = yield* Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)`
        yield* sql`INSERT INTO t (v) VALUES (${"kept"})`
        assert.isTrue(existsSync(`${file}-wal`))
        return sql
      }).pipe(withClient({ filename: file }))

      // SQLite removes the WAL file only when the last connection closes.
      assert.isFalse(existsSync(`${file}-wal`))
      const afterClose = yield* Effect.flip(leaked`SELECT 1`)
      assert.strictEqual(reasonOf(afterClose)._tag, "ConnectionError")

      probe(file, (db) => {
        assert.strictEqual(SqliteDriver.pragma(db, "journal_mode"), "wal")
        assert.strictEqual(SqliteDriver.pragma(db, "integrity_check"), "ok")
        assert.deepStrictEqual(db.prepare("SELECT v FROM t").all().map((row) => Object.values(row as object)[0]), [
          "kept"
        ])
      })

      const again = yield* Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        yield* sql`INSERT INTO t (v) VALUES (${"again"})`
        return yield* sql`SELECT v FROM t ORDER BY id`.values
      }).pipe(withClient({ filename: file }))
      assert.deepStrictEqual(again, [["kept"], ["again"]])
    })
  })

  it.effect("renames identifiers and result columns with the configured transforms", () =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE ${sql("caseWorker")} (${sql("workerId")} INTEGER PRIMARY KEY, ${sql("displayName")} TEXT)`
      yield* sql`INSERT INTO ${sql("caseWorker")} ${sql.insert({ displayName: "Ada" })}`
      const tables = yield* sql`SELECT name FROM sqlite_master WHERE type = 'table'`.values
      assert.deepStrictEqual(tables, [["case_worker"]])
      assert.deepStrictEqual(yield* sql`SELECT worker_id, display_name FROM case_worker`, [{
        workerId: 1,
        displayName: "Ada"
      }])
      assert.deepStrictEqual(yield* sql`SELECT display_name FROM case_worker`.withoutTransform, [{
        display_name: "Ada"
      }])
    }).pipe(withClient({
      filename: ":memory:",
      transformQueryNames: (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      transformResultNames: (name) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
    })))

  it.effect("runs effect/sql's Migrator once per migration", () =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const migrate = Migrator.make({})({
        loader: Migrator.fromRecord({
          "0001_create_note": sql`CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`.pipe(Effect.asVoid),
          "0002_add_author": sql`ALTER TABLE note ADD COLUMN author TEXT`.pipe(Effect.asVoid)
        })
      })
      assert.deepStrictEqual(yield* migrate, [[1, "create_note"], [2, "add_author"]])
      assert.deepStrictEqual(yield* migrate, [])
      yield* sql`INSERT INTO note (body, author) VALUES (${"hello"}, ${"ada"})`
      assert.deepStrictEqual(yield* sql`SELECT body, author FROM note`, [{ body: "hello", author: "ada" }])
    }).pipe(withClient({ filename: tempFile() })))

  const caches: ReadonlyArray<SqliteClientConfig> = [
    { filename: ":memory:", prepareCacheSize: 0 },
    { filename: ":memory:", prepareCacheSize: 2 },
    { filename: ":memory:", prepareCacheSize: 2, prepareCacheTTL: "1 millis" },
    { filename: ":memory:", statementCacheSize: 2 }
  ]
  for (const cacheConfig of caches) {
    const { filename: _, ...settings } = cacheConfig
    it.effect(`gives right answers when the statement cache (${JSON.stringify(settings)}) evicts`, () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        for (let round = 0; round < 3; round++) {
          for (let k = 0; k < 5; k++) {
            const rows = yield* sql.unsafe<{ k: number; p: number }>(`SELECT ${k} AS k, ? AS p`, [round])
            assert.deepStrictEqual(rows, [{ k, p: round }])
          }
        }
      }).pipe(withClient(cacheConfig)))
  }
})

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..")
const childScript = join(packageRoot, "test", "fixtures", "crash-child.ts")

interface ChildRun {
  readonly stdout: string
  readonly stderr: string
  readonly signal: NodeJS.Signals | null
}

/** Starts the child and SIGKILLs it as soon as it reports being half-way through the batch. */
const killMidBatch = (file: string, mode: "perRow" | "executeMany", rows: number, midAt: number) =>
  new Promise<ChildRun>((resolve, reject) => {
    // `node --import tsx` rather than the tsx CLI: the CLI runs the script in a
    // grandchild that a SIGKILL of the CLI would leave running.
    const child = spawn(
      process.execPath,
      ["--conditions=@pomoc/source", "--import", "tsx", childScript, file, mode, String(rows), String(midAt)],
      { cwd: packageRoot, stdio: ["ignore", "pipe", "pipe"] }
    )
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (data: string) => {
      stdout += data
      if (stdout.includes("mid\n")) child.kill("SIGKILL")
    })
    child.stderr.setEncoding("utf8").on("data", (data: string) => {
      stderr += data
    })
    child.on("error", reject)
    child.on("close", (_code, signal) => resolve({ stdout, stderr, signal }))
  })

describe("SqliteClient crash safety", () => {
  for (const mode of ["executeMany", "perRow"] as const) {
    it(`a process killed in the middle of a ${mode} batch leaves a clean file with none of the batch`, async () => {
      const file = tempFile()
      const rows = 2_000_000
      const run = await killMidBatch(file, mode, rows, 50_000)
      assert.strictEqual(run.signal, "SIGKILL", run.stderr)
      assert.include(run.stdout, "ready")
      assert.include(run.stdout, "mid")
      assert.notInclude(run.stdout, "committed")
      // 50,000 rows of 200 bytes overflow SQLite's page cache, so uncommitted
      // pages had reached the WAL file when the process died.
      assert.isAbove(statSync(`${file}-wal`).size, 0)

      probe(file, (db) => {
        assert.strictEqual(SqliteDriver.pragma(db, "integrity_check"), "ok")
        assert.strictEqual(SqliteDriver.pragma(db, "journal_mode"), "wal")
        assert.strictEqual((db.prepare("SELECT count(*) AS n FROM committed_before").get() as { n: number }).n, 3)
        const batch = (db.prepare("SELECT count(*) AS n FROM batch").get() as { n: number }).n
        assert.oneOf(batch, [0, rows])
        assert.strictEqual(batch, 0)
      })

      // And our client opens it again and writes.
      const count = await Effect.runPromise(
        Effect.gen(function*() {
          const sql = yield* SqlClient.SqlClient
          yield* sql`INSERT INTO batch (id, payload) VALUES (${1}, ${"after"})`
          return yield* sql<{ n: number }>`SELECT count(*) AS n FROM batch`
        }).pipe(withClient({ filename: file }))
      )
      assert.deepStrictEqual(count, [{ n: 1 }])
    }, 60_000)
  }
})

describe("SqliteClient drivers", () => {
  it("picks node:sqlite where Node has it (22.16+, 24+) and better-sqlite3 otherwise", () => {
    const [major = 0, minor = 0] = process.versions.node.split(".").map(Number)
    const expected = major >= 24 || (major === 22 && minor >= 16) ? "node:sqlite" : "better-sqlite3"
    assert.strictEqual(SqliteDriver.auto().name, expected)
  })

  it.effect("a driver given in the config is the one used (a recording wrapper sees every statement)", () =>
    Effect.gen(function*() {
      const base = SqliteDriver.auto()
      const prepared: Array<string> = []
      const recording: SqliteDriver.SqliteDriver = {
        ...base,
        name: "recording",
        open: (filename, options) => {
          const db = base.open(filename, options)
          return {
            prepare: (sql) => (prepared.push(sql), db.prepare(sql)),
            exec: (sql) => db.exec(sql),
            close: () => db.close()
          }
        }
      }
      const rows = yield* Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ x: number }>`SELECT 41 + 1 AS x`).pipe(
        withClient({ filename: ":memory:", driver: recording })
      )
      assert.deepStrictEqual(rows.map((r) => r.x), [42])
      assert.isTrue(prepared.some((sql) => sql.includes("41 + 1")))
    }))
})
