/**
 * The PostgreSQL schema, as versioned migrations. A migration, once released, never changes: add
 * a new one instead.
 *
 * @internal
 */
import type { SqlDialect } from "@pomoc/store-sql"

const GENESIS = "0".repeat(64)

// Text columns compare by code point (SQLite's BINARY collation, PostgreSQL's "C"), whatever the
// database's locale. `at` is ISO 8601 text (it sorts chronologically as text); the people and
// tags of a record are kept both as JSON on the record (read back without joins) and in their own
// tables (queried by index); the audit head is a single row that every commit locks first.
const initial: SqlDialect.Migration = {
  version: 1,
  name: "initial",
  statements: [
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

// Guard keys: at most one record of a kind holds a key (core checks it under the commit's lock;
// the index is the last guard).
const guardKeys: SqlDialect.Migration = {
  version: 2,
  name: "guard-keys",
  statements: [
    `ALTER TABLE pomoc_records ADD COLUMN guard_key text COLLATE "C"`,
    `CREATE UNIQUE INDEX pomoc_records_guard ON pomoc_records (kind, guard_key) WHERE guard_key IS NOT NULL`
  ]
}

/** Every migration, oldest first. */
export const migrations: ReadonlyArray<SqlDialect.Migration> = [initial, guardKeys]
