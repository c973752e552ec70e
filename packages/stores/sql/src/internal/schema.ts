/**
 * The versioned schema of the SQL stores. Each migration is a list of statements per dialect;
 * a migration, once released, never changes: add a new one instead.
 *
 * @internal
 */

/** The SQL dialects the shared store speaks. */
export type Dialect = "sqlite" | "pg"

export interface Migration {
  readonly version: number
  readonly name: string
  readonly statements: Readonly<Record<Dialect, ReadonlyArray<string>>>
}

const GENESIS = "0".repeat(64)

// Text columns compare by code point in both dialects (SQLite's BINARY, PostgreSQL's "C"
// collation), whatever the database's locale. Both dialects keep `at` as ISO 8601 text (it sorts chronologically as text), the people and
// tags of a record both as JSON on the record (read back without joins) and in their own tables
// (queried by index), and the audit head in a single row that every commit locks first.
const initial: Migration = {
  version: 1,
  name: "initial",
  statements: {
    sqlite: [
      `CREATE TABLE pomoc_records (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        service_id TEXT,
        at TEXT,
        person_ids TEXT NOT NULL,
        tags TEXT NOT NULL,
        facets TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (kind, id)
      )`,
      `CREATE INDEX pomoc_records_period ON pomoc_records (kind, at, id)`,
      `CREATE INDEX pomoc_records_service_period ON pomoc_records (kind, service_id, at, id)`,
      `CREATE TABLE pomoc_record_people (
        person_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        PRIMARY KEY (person_id, kind, id)
      ) WITHOUT ROWID`,
      `CREATE INDEX pomoc_record_people_record ON pomoc_record_people (kind, id)`,
      `CREATE TABLE pomoc_record_tags (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (kind, id, tag)
      ) WITHOUT ROWID`,
      `CREATE INDEX pomoc_record_tags_tag ON pomoc_record_tags (kind, tag)`,
      `CREATE TABLE pomoc_audit (
        seq INTEGER PRIMARY KEY,
        entry TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      )`,
      `CREATE TABLE pomoc_audit_head (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
      )`,
      `INSERT INTO pomoc_audit_head (singleton, seq, hash) VALUES (1, 0, '${GENESIS}')`
    ],
    pg: [
      `CREATE TABLE pomoc_records (
        kind text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        service_id text COLLATE "C",
        at text COLLATE "C",
        person_ids jsonb NOT NULL,
        tags jsonb NOT NULL,
        facets jsonb NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (kind, id)
      )`,
      `CREATE INDEX pomoc_records_period ON pomoc_records (kind, at, id)`,
      `CREATE INDEX pomoc_records_service_period ON pomoc_records (kind, service_id, at, id)`,
      `CREATE TABLE pomoc_record_people (
        person_id text COLLATE "C" NOT NULL,
        kind text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        PRIMARY KEY (person_id, kind, id)
      )`,
      `CREATE INDEX pomoc_record_people_record ON pomoc_record_people (kind, id)`,
      `CREATE TABLE pomoc_record_tags (
        kind text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        tag text COLLATE "C" NOT NULL,
        PRIMARY KEY (kind, id, tag)
      )`,
      `CREATE INDEX pomoc_record_tags_tag ON pomoc_record_tags (kind, tag)`,
      `CREATE TABLE pomoc_audit (
        seq bigint PRIMARY KEY,
        entry jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`,
      `CREATE TABLE pomoc_audit_head (
        singleton integer PRIMARY KEY CHECK (singleton = 1),
        seq bigint NOT NULL,
        hash text NOT NULL
      )`,
      `INSERT INTO pomoc_audit_head (singleton, seq, hash) VALUES (1, 0, '${GENESIS}')`
    ]
  }
}

/** Every migration, oldest first; versions are 1, 2, 3, … without gaps. */
export const migrations: ReadonlyArray<Migration> = [initial]

/** The schema version this code expects. */
export const CODE_VERSION = migrations[migrations.length - 1]!.version
