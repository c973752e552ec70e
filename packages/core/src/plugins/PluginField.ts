/**
 * Custom fields a plugin adds to core records of its service type (`Plugin.fields`: by record
 * kind, `contact` or `person`, then by field name). Each is declared either
 *
 * - {@link reportable}: a code, count or flag, stored in the clear in the record's `fields` and
 *   indexed as a report facet (`field_<name>`); never personal data; or
 * - {@link personal}: stored in the record's `personalFields`, encrypted at rest and shredded on
 *   erasure; never a facet.
 *
 * The case-work API checks every custom field of a record against the declarations of its
 * service's type: an undeclared name, a field in the wrong bag or a value its schema refuses is
 * `InvalidCommand` naming the field (never the value), and nothing is stored. A personal field
 * declared as a facet is refused at registration (`PluginError` reason `PersonalFieldAsFacet`).
 *
 * @example
 * ```ts
 * import { PluginField } from "@pomoc/core"
 * import { Schema } from "effect"
 *
 * const fields = {
 *   contact: {
 *     bed: PluginField.reportable(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 200 }))),
 *     arrivalRemark: PluginField.personal(Schema.String.check(Schema.isMaxLength(300)))
 *   }
 * }
 * ```
 *
 * @since 0.2.0
 */
import type { Schema } from "effect"
import type { Labels } from "../model/Common.js"
import type { ExtensibleKind, FieldValue } from "../model/CustomFields.js"

/**
 * A custom field's declaration: its schema (from a stored value: text, a number or a boolean),
 * whether it is personal, and whether it is a report facet.
 * @since 0.2.0
 * @category models
 */
export interface FieldDefinition<A = unknown, E extends FieldValue = FieldValue> {
  readonly schema: Schema.Codec<A, E>
  /** Personal data: encrypted at rest, never a facet. */
  readonly personal: boolean
  /** Indexed as a report facet (`field_<name>`); only for reportable fields. */
  readonly facet: boolean
  readonly labels?: Labels
}

/**
 * A reportable field: in the clear, a report facet.
 * @since 0.2.0
 * @category constructors
 */
export const reportable = <A, E extends FieldValue>(
  schema: Schema.Codec<A, E>,
  labels?: Labels
): FieldDefinition<A, E> & { readonly personal: false } =>
  Object.freeze({ schema, personal: false as const, facet: true, ...(labels === undefined ? {} : { labels }) })

/**
 * A personal field: encrypted at rest, never a facet.
 * @since 0.2.0
 * @category constructors
 */
export const personal = <A, E extends FieldValue>(
  schema: Schema.Codec<A, E>,
  labels?: Labels
): FieldDefinition<A, E> & { readonly personal: true } =>
  Object.freeze({ schema, personal: true as const, facet: false, ...(labels === undefined ? {} : { labels }) })

/**
 * The custom fields a plugin declares, by record kind and field name.
 * @since 0.2.0
 * @category models
 */
export type FieldDefinitions = {
  readonly [K in ExtensibleKind]?: Readonly<Record<string, FieldDefinition>>
}

/**
 * The field declarations a plugin makes for one record kind (none when it declares none).
 * @since 0.2.0
 * @category models
 */
export type FieldsOfKind<P, K extends ExtensibleKind> = P extends { readonly fields?: infer F } ?
  NonNullable<F> extends { readonly [k in K]?: infer D } ? NonNullable<D>
  : {}
  : {}

/**
 * The encoded values of the declared fields that are personal (or reportable), by name.
 * @since 0.2.0
 * @category models
 */
export type Bag<D, Personal extends boolean> = {
  readonly [N in keyof D as D[N] extends { readonly personal: Personal } ? N : never]?: D[N] extends
    { readonly schema: Schema.Codec<infer _A, infer E> } ? E : never
}

/**
 * A union of field declarations merged into one (the intersection of its members).
 * @since 0.2.0
 * @category models
 */
export type Merge<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

/**
 * The field declarations of one record kind over a union of plugins, leaving out the plugins
 * whose declarations are not literal types (a plugin typed only as `Plugin`, which declares no
 * fields of its own): `never` when no plugin's are literal.
 * @since 0.2.0
 * @category models
 */
export type LiteralFieldsOfKind<P, K extends ExtensibleKind> = P extends unknown
  ? FieldsOfKind<P, K> extends infer D ? string extends keyof D ? never : D : never
  : never

/**
 * The custom fields a host may pass for a record kind, over a tuple of plugins: `fields`
 * (reportable) and `personalFields`, typed from the plugins' declarations (a misspelt name is a
 * compile error; which names a service accepts is checked at run time against its type's
 * plugin). With no plugin's declarations known as literal types, any names.
 * @since 0.2.0
 * @category models
 */
export type CustomFieldsInput<Ps extends ReadonlyArray<unknown>, K extends ExtensibleKind> =
  [LiteralFieldsOfKind<Ps[number], K>] extends [never] ? {
      readonly fields?: { readonly [name: string]: FieldValue }
      readonly personalFields?: { readonly [name: string]: FieldValue }
    }
    : Merge<LiteralFieldsOfKind<Ps[number], K>> extends infer D ? {
        readonly fields?: Bag<D, false>
        readonly personalFields?: Bag<D, true>
      }
    : never
