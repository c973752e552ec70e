/**
 * The shapes of the entity catalogue ({@link Entity}): a record's index part, how erasure treats
 * a kind, where it appears in a person's history, and the description of one kind.
 *
 * @since 0.2.0
 */
import type { Schema } from "effect"
import type { FacetValue } from "../Store.js"
import type { PersonalPath } from "./Personal.js"

/**
 * The index part of a record (everything but `data` and the version).
 * @since 0.2.0
 * @category models
 */
export interface RecordIndex {
  readonly serviceId: string | null
  readonly personIds: ReadonlyArray<string>
  readonly at: string | null
  readonly facets: Readonly<Record<string, FacetValue>>
  readonly tags: ReadonlyArray<string>
  /**
   * A guard key the store keeps unique among records of the kind (see `StoredRecord.key`): the
   * "at most one" rules that must hold across processes. Never personal data.
   * @since 0.2.0
   */
  readonly key?: string | null
}

/**
 * How erasure of a person treats a kind of record:
 * - `anonymise`: the person becomes an anonymous person under a new random id;
 * - `shred`: the record stays (counts survive), its references to the person are rewritten to
 *   the new id, and its personal fields, encrypted with the person's data key, become
 *   unreadable when that key is destroyed;
 * - `destroy`: the record (the person's data key) is deleted;
 * - `none`: not about one person (directory data, volunteers, staff).
 * @since 0.2.0
 * @category models
 */
export type ErasureTreatment = "anonymise" | "shred" | "destroy" | "none"

/**
 * Where a kind appears in a person's history (`personHistory`, the subject-access export).
 * @since 0.2.0
 * @category models
 */
export type HistorySection =
  | "cooperations"
  | "contacts"
  | "consents"
  | "disclosures"
  | "plans"
  | "measurements"
  | "referrals"
  | "activities"

/**
 * One record kind, described once.
 * @since 0.2.0
 * @category models
 */
export interface Entity<K extends string, A, H extends HistorySection | undefined = HistorySection | undefined> {
  /** The record kind, as stored. */
  readonly kind: K
  /** The entity's schema; its encoded form is the record's `data`. */
  readonly schema: Schema.Codec<A, unknown>
  /** The record id of an entity. */
  readonly id: (a: A) => string
  /** The index fields, facets and tags of an entity. */
  readonly index: (a: A) => RecordIndex
  /**
   * The person whose data key encrypts the record's personal fields; `undefined` when the record
   * is not about exactly one person (then the application's field key encrypts them).
   */
  readonly owner: (a: A) => string | undefined
  /** How erasure of a person treats the record. */
  readonly erasure: ErasureTreatment
  /** The section of a person's history the record appears in, if any. */
  readonly history: H
  /** The personal fields, read from the schema's `personal(...)` marks. */
  readonly personal: ReadonlyArray<PersonalPath>
}
