/**
 * A bounded least-recently-used cache of prepared statements, keyed by SQL text.
 *
 * @internal
 */
import type BetterSqlite3 from "better-sqlite3"

export type Statement = BetterSqlite3.Statement<Array<unknown>, unknown>

export interface StatementCache {
  /** Returns the cached statement for `sql`, preparing (and possibly evicting) on a miss. Throws what `prepare` throws. */
  readonly get: (sql: string) => Statement
  readonly clear: () => void
  readonly size: () => number
}

export const makeStatementCache = (db: BetterSqlite3.Database, capacity: number): StatementCache => {
  // A Map iterates in insertion order, so re-inserting on every hit keeps the
  // least recently used statement first.
  const entries = new Map<string, Statement>()
  return {
    get(sql) {
      const hit = entries.get(sql)
      if (hit !== undefined) {
        entries.delete(sql)
        entries.set(sql, hit)
        return hit
      }
      const statement = db.prepare<Array<unknown>, unknown>(sql)
      if (capacity <= 0) return statement
      if (entries.size >= capacity) {
        const oldest = entries.keys().next()
        if (oldest.done !== true) entries.delete(oldest.value)
      }
      entries.set(sql, statement)
      return statement
    },
    clear() {
      entries.clear()
    },
    size() {
      return entries.size
    }
  }
}
