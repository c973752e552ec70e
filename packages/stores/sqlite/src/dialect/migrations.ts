/**
 * The SQLite schema, as versioned migrations. A migration, once released, never changes: add a
 * new one instead.
 *
 * @internal
 */
import { Audit } from "@pomoc/core"
import type { SqlDialect } from "@pomoc/store-sql"

// Text columns compare by code point (SQLite's BINARY collation, PostgreSQL's "C"), whatever the
// database's locale. `at` is ISO 8601 text (it sorts chronologically as text); the people and
// tags of a record are kept both as JSON on the record (read back without joins) and in their own
// tables (queried by index); the audit head is a single row that every commit locks first.
const initial: SqlDialect.Migration = {
  version: 1,
  name: "initial",
  statements: [
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
    `INSERT INTO pomoc_audit_head (singleton, seq, hash) VALUES (1, 0, '${Audit.GENESIS}')`
  ]
}

// Reports read one narrow row per record from `pomoc_report_rows`, kept by triggers in the
// statement that writes the record (so no writer can forget it): the facets, the distinct tags
// and the people as JSON (JSONB in both dialects), indexed by service and period. A report's query
// reads only this table, so its plan is a range over the period's rows of the service, whatever
// the statistics: nothing to join, tags and people expanded per row by a table-valued function.
// It replaces `pomoc_record_tags`, whose (kind, tag) index let SQLite without statistics drive a
// report from the tags and range-scan the period once per tag row.
const reportRows: SqlDialect.Migration = {
  version: 2,
  name: "report-rows",
  statements: [
    `CREATE TABLE pomoc_report_rows (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        service_id TEXT,
        at TEXT,
        facets BLOB NOT NULL,
        tags BLOB NOT NULL,
        person_ids BLOB NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID`,
    // Covering: a service's report reads the index range and nothing else.
    `CREATE INDEX pomoc_report_rows_service_period ON pomoc_report_rows (kind, service_id, at, facets, tags, person_ids)`,
    `CREATE INDEX pomoc_report_rows_period ON pomoc_report_rows (kind, at)`,
    `INSERT INTO pomoc_report_rows (kind, id, service_id, at, facets, tags, person_ids)
        SELECT kind, id, service_id, at, jsonb(facets), (SELECT jsonb_group_array(DISTINCT value) FROM json_each(tags)), jsonb(person_ids)
        FROM pomoc_records`,
    `CREATE TRIGGER pomoc_report_rows_insert AFTER INSERT ON pomoc_records BEGIN
        INSERT INTO pomoc_report_rows (kind, id, service_id, at, facets, tags, person_ids)
        VALUES (NEW.kind, NEW.id, NEW.service_id, NEW.at, jsonb(NEW.facets), (SELECT jsonb_group_array(DISTINCT value) FROM json_each(NEW.tags)), jsonb(NEW.person_ids));
      END`,
    `CREATE TRIGGER pomoc_report_rows_update AFTER UPDATE OF service_id, at, facets, tags, person_ids ON pomoc_records BEGIN
        UPDATE pomoc_report_rows SET service_id = NEW.service_id, at = NEW.at, facets = jsonb(NEW.facets),
          tags = (SELECT jsonb_group_array(DISTINCT value) FROM json_each(NEW.tags)), person_ids = jsonb(NEW.person_ids)
        WHERE kind = OLD.kind AND id = OLD.id;
      END`,
    `CREATE TRIGGER pomoc_report_rows_delete AFTER DELETE ON pomoc_records BEGIN
        DELETE FROM pomoc_report_rows WHERE kind = OLD.kind AND id = OLD.id;
      END`,
    `DROP TABLE pomoc_record_tags`
  ]
}

// Migration 3: report rows point at their "shape", the id of its facets and distinct tags in `pomoc_report_shapes` (records of a kind
// share few shapes). A report groups the period's rows of the service by shape (integers, read
// from one index range), then reads each shape's facets and tags once: its plan is that range
// whatever the statistics, and JSON is parsed per shape, not per record. Shapes hold only facets
// and tags, which are never personal, and are kept when records go.
const reportShapes: SqlDialect.Migration = {
  version: 3,
  name: "report-shapes",
  statements: [
    `DROP TRIGGER pomoc_report_rows_insert`,
    `DROP TRIGGER pomoc_report_rows_update`,
    `DROP TRIGGER pomoc_report_rows_delete`,
    `DROP TABLE pomoc_report_rows`,
    // JSONB (3.45+): read without parsing; one input text gives one blob, so UNIQUE dedupes.
    `CREATE TABLE pomoc_report_shapes (
        id INTEGER PRIMARY KEY,
        facets BLOB NOT NULL,
        tags BLOB NOT NULL,
        UNIQUE (facets, tags)
      )`,
    `CREATE TABLE pomoc_report_rows (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        service_id TEXT,
        at TEXT,
        shape INTEGER NOT NULL,
        person_ids BLOB NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID`,
    // Covering: a report reads an index range and nothing else.
    `CREATE INDEX pomoc_report_rows_service_period ON pomoc_report_rows (kind, service_id, at, shape, person_ids)`,
    `CREATE INDEX pomoc_report_rows_period ON pomoc_report_rows (kind, at, shape, person_ids)`,
    `INSERT INTO pomoc_report_shapes (facets, tags)
        SELECT DISTINCT jsonb(facets), (SELECT jsonb_group_array(DISTINCT value) FROM json_each(r.tags)) FROM pomoc_records r WHERE true
        ON CONFLICT DO NOTHING`,
    `INSERT INTO pomoc_report_rows (kind, id, service_id, at, shape, person_ids)
        SELECT r.kind, r.id, r.service_id, r.at, s.id, jsonb(r.person_ids) FROM pomoc_records r
        JOIN pomoc_report_shapes s ON s.facets = jsonb(r.facets) AND s.tags = (SELECT jsonb_group_array(DISTINCT value) FROM json_each(r.tags))`,
    `CREATE TRIGGER pomoc_report_rows_insert AFTER INSERT ON pomoc_records BEGIN
        INSERT INTO pomoc_report_shapes (facets, tags) VALUES (jsonb(NEW.facets), (SELECT jsonb_group_array(DISTINCT value) FROM json_each(NEW.tags)))
          ON CONFLICT DO NOTHING;
        INSERT INTO pomoc_report_rows (kind, id, service_id, at, shape, person_ids)
          VALUES (NEW.kind, NEW.id, NEW.service_id, NEW.at,
            (SELECT id FROM pomoc_report_shapes WHERE facets = jsonb(NEW.facets) AND tags = (SELECT jsonb_group_array(DISTINCT value) FROM json_each(NEW.tags))),
            jsonb(NEW.person_ids));
      END`,
    `CREATE TRIGGER pomoc_report_rows_update AFTER UPDATE OF service_id, at, facets, tags, person_ids ON pomoc_records BEGIN
        INSERT INTO pomoc_report_shapes (facets, tags) VALUES (jsonb(NEW.facets), (SELECT jsonb_group_array(DISTINCT value) FROM json_each(NEW.tags)))
          ON CONFLICT DO NOTHING;
        UPDATE pomoc_report_rows SET service_id = NEW.service_id, at = NEW.at, person_ids = jsonb(NEW.person_ids),
          shape = (SELECT id FROM pomoc_report_shapes WHERE facets = jsonb(NEW.facets) AND tags = (SELECT jsonb_group_array(DISTINCT value) FROM json_each(NEW.tags)))
        WHERE kind = OLD.kind AND id = OLD.id;
      END`,
    `CREATE TRIGGER pomoc_report_rows_delete AFTER DELETE ON pomoc_records BEGIN
        DELETE FROM pomoc_report_rows WHERE kind = OLD.kind AND id = OLD.id;
      END`
  ]
}

// Guard keys: at most one record of a kind holds a key (core checks it under the commit's lock;
// the index is the last guard).
const guardKeys: SqlDialect.Migration = {
  version: 4,
  name: "guard-keys",
  statements: [
    `ALTER TABLE pomoc_records ADD COLUMN guard_key TEXT`,
    `CREATE UNIQUE INDEX pomoc_records_guard ON pomoc_records (kind, guard_key) WHERE guard_key IS NOT NULL`
  ]
}

// Migration 5, blind indexes: a record's lookup tokens (keyed HMACs by which a person is found
// again, never a nickname) kept both as JSON on the record (read back without joins, NULL when
// none) and one row per token in their own table, whose primary key is the index a lookup reads.
const lookupTokens: SqlDialect.Migration = {
  version: 5,
  name: "lookup-tokens",
  statements: [
    `ALTER TABLE pomoc_records ADD COLUMN lookup TEXT`,
    `CREATE TABLE pomoc_record_lookup (
        token TEXT NOT NULL,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        PRIMARY KEY (token, kind, id)
      ) WITHOUT ROWID`,
    `CREATE INDEX pomoc_record_lookup_record ON pomoc_record_lookup (kind, id)`
  ]
}

// Migration 6, person numbers: report rows name people by a number (`pomoc_person_numbers`), not
// by id. Erasure gives a person a new id (`renamePerson`): that now changes the one row holding
// their number instead of every report row of theirs (and its two covering index entries), the
// largest part of erasing a person with many records. Distinct people are counted by number as
// they were by id. A number goes with the last record naming its person.
const personNumbers: SqlDialect.Migration = {
  version: 6,
  name: "person-numbers",
  statements: [
    `CREATE TABLE pomoc_person_numbers (n INTEGER PRIMARY KEY, person_id TEXT NOT NULL UNIQUE)`,
    // Set while a rename rewrites records, whose report rows then keep their numbers.
    `CREATE TABLE pomoc_renaming (singleton INTEGER PRIMARY KEY CHECK (singleton = 1))`,
    `INSERT INTO pomoc_person_numbers (person_id)
        SELECT DISTINCT j.value FROM pomoc_records r, json_each(r.person_ids) j WHERE true ORDER BY 1
        ON CONFLICT DO NOTHING`,
    `UPDATE pomoc_report_rows SET person_ids = (SELECT jsonb_group_array(p.n) FROM json_each(pomoc_report_rows.person_ids) j
        JOIN pomoc_person_numbers p ON p.person_id = j.value)`,
    `DROP TRIGGER pomoc_report_rows_insert`,
    `DROP TRIGGER pomoc_report_rows_update`,
    `DROP TRIGGER pomoc_report_rows_delete`,
    `CREATE TRIGGER pomoc_report_rows_insert AFTER INSERT ON pomoc_records BEGIN
        INSERT INTO pomoc_report_shapes (facets, tags) VALUES (jsonb(NEW.facets), (SELECT jsonb_group_array(DISTINCT value) FROM json_each(NEW.tags)))
          ON CONFLICT DO NOTHING;
        INSERT INTO pomoc_person_numbers (person_id) SELECT value FROM json_each(NEW.person_ids) WHERE true
          ON CONFLICT DO NOTHING;
        INSERT INTO pomoc_report_rows (kind, id, service_id, at, shape, person_ids)
          VALUES (NEW.kind, NEW.id, NEW.service_id, NEW.at,
            (SELECT id FROM pomoc_report_shapes WHERE facets = jsonb(NEW.facets) AND tags = (SELECT jsonb_group_array(DISTINCT value) FROM json_each(NEW.tags))),
            (SELECT jsonb_group_array(p.n) FROM json_each(NEW.person_ids) j JOIN pomoc_person_numbers p ON p.person_id = j.value));
      END`,
    `CREATE TRIGGER pomoc_report_rows_update AFTER UPDATE OF service_id, at, facets, tags, person_ids ON pomoc_records
      WHEN NOT EXISTS (SELECT 1 FROM pomoc_renaming) BEGIN
        INSERT INTO pomoc_report_shapes (facets, tags) VALUES (jsonb(NEW.facets), (SELECT jsonb_group_array(DISTINCT value) FROM json_each(NEW.tags)))
          ON CONFLICT DO NOTHING;
        INSERT INTO pomoc_person_numbers (person_id) SELECT value FROM json_each(NEW.person_ids) WHERE true
          ON CONFLICT DO NOTHING;
        UPDATE pomoc_report_rows SET service_id = NEW.service_id, at = NEW.at,
          person_ids = (SELECT jsonb_group_array(p.n) FROM json_each(NEW.person_ids) j JOIN pomoc_person_numbers p ON p.person_id = j.value),
          shape = (SELECT id FROM pomoc_report_shapes WHERE facets = jsonb(NEW.facets) AND tags = (SELECT jsonb_group_array(DISTINCT value) FROM json_each(NEW.tags)))
        WHERE kind = OLD.kind AND id = OLD.id;
      END`,
    // Records lose their people rows before the records themselves go (see SqlStore).
    `CREATE TRIGGER pomoc_report_rows_delete AFTER DELETE ON pomoc_records BEGIN
        DELETE FROM pomoc_report_rows WHERE kind = OLD.kind AND id = OLD.id;
        DELETE FROM pomoc_person_numbers WHERE person_id IN (SELECT value FROM json_each(OLD.person_ids))
          AND NOT EXISTS (SELECT 1 FROM pomoc_record_people rp WHERE rp.person_id = pomoc_person_numbers.person_id);
      END`
  ]
}

// Migration 7, index v2. Token order: a token's rows keep their record's time (`at`, copied on every write
// of the record), indexed in the order of every page (`at`, rows without a time first, then
// `id`), so a page of a token's records (the people shared into a service, the referrals made to
// it, a nickname's matches) is one range of that index, never a sort of all of the token's rows.
const lookupOrder: SqlDialect.Migration = {
  version: 7,
  name: "index-v2",
  statements: [
    `ALTER TABLE pomoc_record_lookup ADD COLUMN at TEXT`,
    `UPDATE pomoc_record_lookup SET at = (SELECT r.at FROM pomoc_records r
        WHERE r.kind = pomoc_record_lookup.kind AND r.id = pomoc_record_lookup.id)`,
    `CREATE INDEX pomoc_record_lookup_order ON pomoc_record_lookup (token, kind, at, id)`,
    // Maintenance the data waits for: records of the kinds that carry index tokens, written before
    // this version, may lack tokens added since (the people shared into a service, the referrals
    // made to one, a record's revisions, a person's code); reads through a token refuse until
    // `Reindex.rebuildAll` has rebuilt the kind (and marked it done here).
    `CREATE TABLE IF NOT EXISTS pomoc_pending (name TEXT PRIMARY KEY) WITHOUT ROWID`,
    `INSERT INTO pomoc_pending (name) SELECT DISTINCT 'reindex:' || kind FROM pomoc_records
        WHERE kind IN ('person', 'referral', 'revision') ON CONFLICT DO NOTHING`
  ]
}

// Migration 8: a person's number goes when the last people row holding their id goes, also when
// an update (not a delete) takes them off their last record: a commit replacing a record deletes
// its people rows first. Before, only a deleted record released its people's numbers, so an id
// could stay in `pomoc_person_numbers` after every record had stopped naming it.
const releaseNumbers: SqlDialect.Migration = {
  version: 8,
  name: "release-person-numbers",
  statements: [
    `CREATE TRIGGER pomoc_person_numbers_release AFTER DELETE ON pomoc_record_people BEGIN
        DELETE FROM pomoc_person_numbers WHERE person_id = OLD.person_id
          AND NOT EXISTS (SELECT 1 FROM pomoc_record_people rp WHERE rp.person_id = OLD.person_id);
      END`,
    `DELETE FROM pomoc_person_numbers
        WHERE NOT EXISTS (SELECT 1 FROM pomoc_record_people rp WHERE rp.person_id = pomoc_person_numbers.person_id)`
  ]
}

// Migration 9: a plan step is found by its index token (`IndexTokens.stepOf`), and steps written
// before the token have none. When there are such steps, reads through a step's token refuse until
// `Reindex.rebuildAll({ kind: "plan-step", actor })` has rebuilt them (and marked it done here),
// as migration 7 does for the other indexed kinds.
const stepTokens: SqlDialect.Migration = {
  version: 9,
  name: "plan-step-tokens",
  statements: [
    `INSERT INTO pomoc_pending (name) SELECT 'reindex:plan-step' WHERE EXISTS (
        SELECT 1 FROM pomoc_records r WHERE r.kind = 'plan-step' AND NOT EXISTS (
          SELECT 1 FROM pomoc_record_lookup l WHERE l.kind = r.kind AND l.id = r.id))
      ON CONFLICT DO NOTHING`
  ]
}

/** Every migration, oldest first. */
export const migrations: ReadonlyArray<SqlDialect.Migration> = [
  initial,
  reportRows,
  reportShapes,
  guardKeys,
  lookupTokens,
  personNumbers,
  lookupOrder,
  releaseNumbers,
  stepTokens
]
