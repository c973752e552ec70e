/**
 * How each entity is kept in a store: its record kind, index fields, report facets and tags,
 * read from the entity catalogue (`Entity.catalogue`), where each kind is described once.
 * Facets and tags hold only non-personal values (codes, counts, bands), because reports read them.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { catalogue, type RecordIndex as Index } from "../model/Entity.js"
import type { RecordKind, RecordWrite } from "../Store.js"
import { withTokens } from "./IndexTokens.js"

/**
 * The index part of a record (everything but `data` and the version).
 * @since 0.1.0
 * @category models
 */
export type RecordIndex = Index

/**
 * How one entity type maps to a record.
 * @since 0.1.0
 * @category models
 */
export interface Mapping<A> {
  readonly kind: RecordKind
  readonly schema: Schema.Codec<A, unknown>
  /** The record id of an entity. */
  readonly id: (a: A) => string
  /** The index fields, facets and tags of an entity. */
  readonly index: (a: A) => RecordIndex
  /** The person whose data key encrypts the record's personal fields, if one (see `Entity`). */
  readonly owner: (a: A) => string | undefined
}

/**
 * The mapping of every stored entity: the entity catalogue.
 * @since 0.1.0
 * @category models
 */
export const mappings = catalogue

/**
 * Builds the write of an entity: its index (with its index tokens: see `IndexTokens`), and its
 * encoded form as `data`.
 * @since 0.1.0
 * @category constructors
 */
export const toWrite = <A>(m: Mapping<A>, entity: A, expectedVersion: number): RecordWrite =>
  withTokens({
    kind: m.kind,
    id: m.id(entity),
    expectedVersion,
    ...m.index(entity),
    data: Schema.encodeSync(m.schema)(entity)
  })
