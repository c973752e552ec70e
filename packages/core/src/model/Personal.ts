/**
 * Personal fields, declared where the field is declared. `personal(schema)` marks a field of a
 * record as personal data: core encrypts it at rest (with the data key of the person the record
 * is about, see `Vault`), never puts it in an index, a facet, a tag, an error or the audit log,
 * and on erasure the field becomes unreadable. The entity catalogue (`Entity`) derives every
 * record kind's personal paths from these marks.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { LongText, personal } from "@pomoc/core"
 *
 * const Note = Schema.Struct({ id: Schema.String, text: personal(LongText) })
 * ```
 *
 * @since 0.2.0
 */
import { Schema, SchemaAST } from "effect"

/**
 * The annotation key that marks a schema as personal.
 * @since 0.2.0
 * @category models
 */
export const PERSONAL = "@pomoc/core/personal"

/**
 * How an erased personal field reads: `"drop"` (left out) or `"placeholder"` (`"[erased]"`).
 * By default an optional field is dropped and a required one gets the placeholder; a field that
 * another rule requires (a referral's reason once it is rejected) asks for the placeholder.
 * @since 0.2.0
 * @category models
 */
export type WhenErased = "drop" | "placeholder"

/**
 * Marks a field's schema as personal data (encrypted at rest, shredded on erasure).
 * @since 0.2.0
 * @category constructors
 */
export const personal = <S extends Schema.Top>(schema: S, options: { readonly whenErased?: WhenErased } = {}): S =>
  schema.annotate({ [PERSONAL]: options.whenErased ?? true }) as S

/**
 * Whether a schema node is marked personal.
 * @since 0.2.0
 * @category guards
 */
export const isPersonal = (ast: SchemaAST.AST): boolean => SchemaAST.resolve(ast)?.[PERSONAL] !== undefined

/**
 * A personal field of a record kind: its path in the encoded record (`name[]` stands for every
 * element of the array `name`, e.g. `goals[].steps[].description`) and whether erasure drops it
 * (`optional`; otherwise it reads as `"[erased]"`).
 * @since 0.2.0
 * @category models
 */
export interface PersonalPath {
  readonly path: string
  readonly optional: boolean
}

const join = (prefix: string, name: string): string => (prefix === "" ? name : `${prefix}.${name}`)

/**
 * The personal paths of a schema, read from its encoded form (the form stored).
 * @since 0.2.0
 * @category combinators
 */
export const personalPaths = (schema: Schema.Top): ReadonlyArray<PersonalPath> => {
  const found = new Map<string, PersonalPath>()
  const walk = (ast: SchemaAST.AST, prefix: string, optional: boolean, depth: number): void => {
    if (depth > 32) return
    if (prefix !== "" && isPersonal(ast)) {
      const seen = found.get(prefix)
      const placeholder = SchemaAST.resolve(ast)?.[PERSONAL] === "placeholder"
      found.set(prefix, { path: prefix, optional: !placeholder && optional && (seen?.optional ?? true) })
      return
    }
    switch (ast._tag) {
      case "Objects":
        for (const p of ast.propertySignatures) {
          walk(p.type, join(prefix, String(p.name)), p.type.context?.isOptional === true, depth + 1)
        }
        return
      case "Arrays":
        for (const element of [...ast.elements, ...ast.rest]) walk(element, `${prefix}[]`, false, depth + 1)
        return
      case "Union":
        for (const member of ast.types) walk(member, prefix, optional, depth + 1)
        return
      default:
        return
    }
  }
  walk(SchemaAST.toEncoded(schema.ast), "", false, 0)
  return [...found.values()]
}
