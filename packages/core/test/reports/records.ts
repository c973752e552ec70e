/** Stored records for report tests: a contact of the club in May 2026 unless told otherwise. */
import type { StoredRecord } from "../../src/Store.js"

export const storedRecord = (id: string, fields: Partial<StoredRecord>): StoredRecord => ({
  kind: "contact",
  id,
  version: 1,
  serviceId: "club",
  personIds: [],
  at: "2026-05-10T10:00:00.000Z",
  facets: {},
  tags: [],
  data: null,
  ...fields
})
