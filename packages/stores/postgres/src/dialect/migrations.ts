/**
 * The PostgreSQL schema, as versioned migrations. A migration, once released, never changes: add
 * a new one instead.
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
    `INSERT INTO pomoc_audit_head (singleton, seq, hash) VALUES (1, 0, '${Audit.GENESIS}')`
  ]
}

// The PostgreSQL delete function and the three statement-level triggers on `pomoc_records` that
// keep the report rows (the insert and update functions differ between migrations 2 and 3).
const pgReportTriggers: ReadonlyArray<string> = [
  `CREATE OR REPLACE FUNCTION pomoc_report_rows_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM pomoc_report_rows r USING pomoc_old_rows o WHERE r.kind = o.kind AND r.id = o.id;
        RETURN NULL;
      END $$`,
  `CREATE TRIGGER pomoc_report_rows_insert AFTER INSERT ON pomoc_records REFERENCING NEW TABLE AS pomoc_new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION pomoc_report_rows_insert()`,
  `CREATE TRIGGER pomoc_report_rows_update AFTER UPDATE ON pomoc_records REFERENCING NEW TABLE AS pomoc_new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION pomoc_report_rows_update()`,
  `CREATE TRIGGER pomoc_report_rows_delete AFTER DELETE ON pomoc_records REFERENCING OLD TABLE AS pomoc_old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION pomoc_report_rows_delete()`
]

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
        kind text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        service_id text COLLATE "C",
        at text COLLATE "C",
        facets jsonb NOT NULL,
        tags jsonb NOT NULL,
        person_ids jsonb NOT NULL,
        PRIMARY KEY (kind, id)
      )`,
    `CREATE INDEX pomoc_report_rows_service_period ON pomoc_report_rows (kind, service_id, at)`,
    `CREATE INDEX pomoc_report_rows_period ON pomoc_report_rows (kind, at)`,
    `CREATE OR REPLACE FUNCTION pomoc_distinct_tags(tags jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS
        $$ SELECT coalesce(jsonb_agg(DISTINCT t), '[]'::jsonb) FROM jsonb_array_elements(tags) t $$`,
    `INSERT INTO pomoc_report_rows (kind, id, service_id, at, facets, tags, person_ids)
        SELECT kind, id, service_id, at, facets, pomoc_distinct_tags(tags), person_ids FROM pomoc_records`,
    // Statement-level triggers with transition tables: one set-based statement per write statement.
    `CREATE OR REPLACE FUNCTION pomoc_report_rows_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO pomoc_report_rows (kind, id, service_id, at, facets, tags, person_ids)
          SELECT kind, id, service_id, at, facets, pomoc_distinct_tags(tags), person_ids FROM pomoc_new_rows;
        RETURN NULL;
      END $$`,
    `CREATE OR REPLACE FUNCTION pomoc_report_rows_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE pomoc_report_rows r SET service_id = n.service_id, at = n.at, facets = n.facets, tags = pomoc_distinct_tags(n.tags), person_ids = n.person_ids
          FROM pomoc_new_rows n WHERE r.kind = n.kind AND r.id = n.id;
        RETURN NULL;
      END $$`,
    ...pgReportTriggers,
    `DROP TABLE pomoc_record_tags`,
    `ANALYZE pomoc_report_rows`
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
    `DROP TRIGGER pomoc_report_rows_insert ON pomoc_records`,
    `DROP TRIGGER pomoc_report_rows_update ON pomoc_records`,
    `DROP TRIGGER pomoc_report_rows_delete ON pomoc_records`,
    `DROP TABLE pomoc_report_rows`,
    `CREATE TABLE pomoc_report_shapes (
        id bigserial PRIMARY KEY,
        facets jsonb NOT NULL,
        tags jsonb NOT NULL,
        UNIQUE (facets, tags)
      )`,
    `CREATE TABLE pomoc_report_rows (
        kind text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        service_id text COLLATE "C",
        at text COLLATE "C",
        shape bigint NOT NULL,
        person_ids jsonb NOT NULL,
        PRIMARY KEY (kind, id)
      )`,
    `CREATE INDEX pomoc_report_rows_service_period ON pomoc_report_rows (kind, service_id, at) INCLUDE (shape)`,
    `CREATE INDEX pomoc_report_rows_period ON pomoc_report_rows (kind, at) INCLUDE (shape)`,
    `CREATE OR REPLACE FUNCTION pomoc_distinct_tags(tags jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS
        $$ SELECT coalesce(jsonb_agg(DISTINCT t), '[]'::jsonb) FROM jsonb_array_elements(tags) t $$`,
    `INSERT INTO pomoc_report_shapes (facets, tags)
        SELECT DISTINCT facets, pomoc_distinct_tags(tags) FROM pomoc_records ON CONFLICT DO NOTHING`,
    `INSERT INTO pomoc_report_rows (kind, id, service_id, at, shape, person_ids)
        SELECT r.kind, r.id, r.service_id, r.at, s.id, r.person_ids FROM pomoc_records r
        JOIN pomoc_report_shapes s ON s.facets = r.facets AND s.tags = pomoc_distinct_tags(r.tags)`,
    // Statement-level triggers with transition tables: set-based, one pass per write statement.
    `CREATE OR REPLACE FUNCTION pomoc_report_rows_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO pomoc_report_shapes (facets, tags)
          SELECT DISTINCT facets, pomoc_distinct_tags(tags) FROM pomoc_new_rows ON CONFLICT DO NOTHING;
        INSERT INTO pomoc_report_rows (kind, id, service_id, at, shape, person_ids)
          SELECT n.kind, n.id, n.service_id, n.at, s.id, n.person_ids FROM pomoc_new_rows n
          JOIN pomoc_report_shapes s ON s.facets = n.facets AND s.tags = pomoc_distinct_tags(n.tags);
        RETURN NULL;
      END $$`,
    `CREATE OR REPLACE FUNCTION pomoc_report_rows_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO pomoc_report_shapes (facets, tags)
          SELECT DISTINCT facets, pomoc_distinct_tags(tags) FROM pomoc_new_rows ON CONFLICT DO NOTHING;
        UPDATE pomoc_report_rows r SET service_id = n.service_id, at = n.at, shape = s.id, person_ids = n.person_ids
          FROM pomoc_new_rows n JOIN pomoc_report_shapes s ON s.facets = n.facets AND s.tags = pomoc_distinct_tags(n.tags)
          WHERE r.kind = n.kind AND r.id = n.id;
        RETURN NULL;
      END $$`,
    ...pgReportTriggers,
    `ANALYZE pomoc_report_rows, pomoc_report_shapes`
  ]
}

// Guard keys: at most one record of a kind holds a key (core checks it under the commit's lock;
// the index is the last guard).
const guardKeys: SqlDialect.Migration = {
  version: 4,
  name: "guard-keys",
  statements: [
    `ALTER TABLE pomoc_records ADD COLUMN guard_key text COLLATE "C"`,
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
    `ALTER TABLE pomoc_records ADD COLUMN lookup jsonb`,
    `CREATE TABLE pomoc_record_lookup (
        token text COLLATE "C" NOT NULL,
        kind text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        PRIMARY KEY (token, kind, id)
      )`,
    `CREATE INDEX pomoc_record_lookup_record ON pomoc_record_lookup (kind, id)`
  ]
}

// Migration 6: the period indexes of the records put rows without a time first, the order of
// every list and page (`at NULLS FIRST, id`, SQLite's own). PostgreSQL's indexes put nulls last
// by default, so a page with no period and no cursor (a service's people) had to sort all of the
// service's records of the kind before returning the first page.
const recordsNullsFirst: SqlDialect.Migration = {
  version: 6,
  name: "records-nulls-first",
  statements: [
    `DROP INDEX pomoc_records_period`,
    `CREATE INDEX pomoc_records_period ON pomoc_records (kind, at NULLS FIRST, id)`,
    `DROP INDEX pomoc_records_service_period`,
    `CREATE INDEX pomoc_records_service_period ON pomoc_records (kind, service_id, at NULLS FIRST, id)`
  ]
}

// The people of a report row, as the numbers of `pomoc_person_numbers` (see migration 7).
const peopleNumbers = (people: string) =>
  `(SELECT coalesce(jsonb_agg(x.n), '[]'::jsonb) FROM jsonb_array_elements_text(${people}) j(v)
      JOIN pomoc_person_numbers x ON x.person_id = j.v COLLATE "C")`
// Numbers for the people of the written rows that have none yet.
const numberPeople = `INSERT INTO pomoc_person_numbers (person_id)
      SELECT DISTINCT j.v COLLATE "C" FROM pomoc_new_rows n, jsonb_array_elements_text(n.person_ids) j(v) ORDER BY 1
      ON CONFLICT DO NOTHING;`

// Migration 7, person numbers (SQLite's migration 6): report rows and `pomoc_record_people` name
// people by a number kept in `pomoc_person_numbers`, not by id. Erasure gives a person a new id
// (`renamePerson`): that now moves one number to the new id instead of rewriting every report row
// and people row of theirs. And `pomoc_records` leaves half of each page free, so that the rename
// rewrites a person's records in place (heap-only tuples: no index entry changes), where before
// every renamed record took a new entry in each of the table's indexes. A number goes when no
// people row holds it any more (a delete, or an update that removes the person from their last
// record).
const personNumbers: SqlDialect.Migration = {
  version: 7,
  name: "person-numbers",
  statements: [
    `CREATE TABLE pomoc_person_numbers (
        n bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        person_id text COLLATE "C" NOT NULL UNIQUE
      )`,
    // Holds a row while a rename rewrites records, whose report rows then keep their numbers.
    `CREATE TABLE pomoc_renaming (singleton integer PRIMARY KEY CHECK (singleton = 1))`,
    `INSERT INTO pomoc_person_numbers (person_id) SELECT DISTINCT person_id FROM pomoc_record_people ORDER BY 1`,
    `UPDATE pomoc_report_rows SET person_ids = ${peopleNumbers("pomoc_report_rows.person_ids")}`,
    `ALTER TABLE pomoc_record_people ADD COLUMN n bigint`,
    `UPDATE pomoc_record_people p SET n = x.n FROM pomoc_person_numbers x WHERE x.person_id = p.person_id`,
    `ALTER TABLE pomoc_record_people DROP COLUMN person_id`,
    `ALTER TABLE pomoc_record_people ALTER COLUMN n SET NOT NULL`,
    `ALTER TABLE pomoc_record_people ADD PRIMARY KEY (n, kind, id)`,
    `CREATE OR REPLACE FUNCTION pomoc_report_rows_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${numberPeople}
        INSERT INTO pomoc_report_shapes (facets, tags)
          SELECT DISTINCT facets, pomoc_distinct_tags(tags) FROM pomoc_new_rows ON CONFLICT DO NOTHING;
        INSERT INTO pomoc_report_rows (kind, id, service_id, at, shape, person_ids)
          SELECT n.kind, n.id, n.service_id, n.at, s.id, ${peopleNumbers("n.person_ids")} FROM pomoc_new_rows n
          JOIN pomoc_report_shapes s ON s.facets = n.facets AND s.tags = pomoc_distinct_tags(n.tags);
        RETURN NULL;
      END $$`,
    `CREATE OR REPLACE FUNCTION pomoc_report_rows_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pomoc_renaming) THEN
          RETURN NULL;
        END IF;
        ${numberPeople}
        INSERT INTO pomoc_report_shapes (facets, tags)
          SELECT DISTINCT facets, pomoc_distinct_tags(tags) FROM pomoc_new_rows ON CONFLICT DO NOTHING;
        UPDATE pomoc_report_rows r SET service_id = n.service_id, at = n.at, shape = s.id, person_ids = ${
      peopleNumbers("n.person_ids")
    }
          FROM pomoc_new_rows n JOIN pomoc_report_shapes s ON s.facets = n.facets AND s.tags = pomoc_distinct_tags(n.tags)
          WHERE r.kind = n.kind AND r.id = n.id;
        RETURN NULL;
      END $$`,
    `CREATE OR REPLACE FUNCTION pomoc_person_numbers_release() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM pomoc_person_numbers x USING (SELECT DISTINCT n FROM pomoc_old_people) o
          WHERE x.n = o.n AND NOT EXISTS (SELECT 1 FROM pomoc_record_people p WHERE p.n = o.n);
        RETURN NULL;
      END $$`,
    `CREATE TRIGGER pomoc_person_numbers_release AFTER DELETE ON pomoc_record_people REFERENCING OLD TABLE AS pomoc_old_people
        FOR EACH STATEMENT EXECUTE FUNCTION pomoc_person_numbers_release()`,
    `ALTER TABLE pomoc_records SET (fillfactor = 50)`,
    `ANALYZE pomoc_person_numbers, pomoc_record_people, pomoc_report_rows`
  ]
}

// Migration 8, index v2. Token order: a token's rows keep their record's time (`at`, copied on every write
// of the record), indexed in the order of every page (`at NULLS FIRST, id`), so a page of a
// token's records (the people shared into a service, the referrals made to it, a nickname's
// matches) is one range of that index, never a sort of all of the token's rows.
const lookupOrder: SqlDialect.Migration = {
  version: 8,
  name: "index-v2",
  statements: [
    `ALTER TABLE pomoc_record_lookup ADD COLUMN at text COLLATE "C"`,
    `UPDATE pomoc_record_lookup l SET at = r.at FROM pomoc_records r WHERE r.kind = l.kind AND r.id = l.id`,
    `CREATE INDEX pomoc_record_lookup_order ON pomoc_record_lookup (token, kind, at NULLS FIRST, id)`,
    // Maintenance the data waits for: records of the kinds that carry index tokens, written before
    // this version, may lack tokens added since (the people shared into a service, the referrals
    // made to one, a record's revisions, a person's code); reads through a token refuse until
    // `Reindex.rebuildAll` has rebuilt the kind (and marked it done here).
    `CREATE TABLE IF NOT EXISTS pomoc_pending (name text COLLATE "C" PRIMARY KEY)`,
    `INSERT INTO pomoc_pending (name) SELECT DISTINCT 'reindex:' || kind FROM pomoc_records
        WHERE kind IN ('person', 'referral', 'revision') ON CONFLICT DO NOTHING`
  ]
}

// Migration 9: a record's data as text. Nothing queries inside it (facets, tags and people have
// their own columns), and erasure rewrites the erased person's id in it as text: as JSONB every
// record was printed and parsed again (about half of erasing a person with 10,000 records).
// The store writes it with `JSON.stringify` and reads it with `JSON.parse`, as before.
const recordsDataText: SqlDialect.Migration = {
  version: 9,
  name: "records-data-text",
  statements: [`ALTER TABLE pomoc_records ALTER COLUMN data TYPE text USING data::text`]
}

// Migration 10: a plan step is found by its index token (`IndexTokens.stepOf`), and steps written
// before the token have none. When there are such steps, reads through a step's token refuse until
// `Reindex.rebuildAll({ kind: "plan-step", actor })` has rebuilt them (and marked it done here),
// as migration 8 does for the other indexed kinds.
const stepTokens: SqlDialect.Migration = {
  version: 10,
  name: "plan-step-tokens",
  statements: [
    `INSERT INTO pomoc_pending (name) SELECT 'reindex:plan-step' WHERE EXISTS (
        SELECT 1 FROM pomoc_records r WHERE r.kind = 'plan-step' AND NOT EXISTS (
          SELECT 1 FROM pomoc_record_lookup l WHERE l.kind = r.kind AND l.id = r.id))
      ON CONFLICT DO NOTHING`
  ]
}

// Migration 11: the report rows' indexes carry each row's people too, so that counting distinct
// people reads the period's rows from the index alone (an index-only scan, in `at` order) rather
// than fetching every row from the table: 0.51 s → 0.16-0.22 s for a quarter of a year of 1,000,000
// contacts, measured on a server shared with other work.
const reportRowsPeople: SqlDialect.Migration = {
  version: 11,
  name: "report-rows-people",
  statements: [
    `DROP INDEX pomoc_report_rows_service_period`,
    `DROP INDEX pomoc_report_rows_period`,
    `CREATE INDEX pomoc_report_rows_service_period ON pomoc_report_rows (kind, service_id, at) INCLUDE (shape, person_ids)`,
    `CREATE INDEX pomoc_report_rows_period ON pomoc_report_rows (kind, at) INCLUDE (shape, person_ids)`
  ]
}

/** Every migration, oldest first. */
export const migrations: ReadonlyArray<SqlDialect.Migration> = [
  initial,
  reportRows,
  reportShapes,
  guardKeys,
  lookupTokens,
  recordsNullsFirst,
  personNumbers,
  lookupOrder,
  recordsDataText,
  stepTokens,
  reportRowsPeople
]
