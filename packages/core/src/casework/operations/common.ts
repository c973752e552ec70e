/**
 * Helpers the operation modules share: access rows and code checks.
 *
 * @since 0.2.0
 */
import { Effect, Result, Schema } from "effect"
import type { Row, Scope, Sensitivity } from "../../access/matrix.js"
import type { ExtensibleKind, FieldValue } from "../../model/CustomFields.js"
import type { FieldDefinitions } from "../../plugins/PluginField.js"
import { InvalidCommand } from "../Errors.js"
import type { AccessRow, Context } from "../Operation.js"
import { mappings } from "../Records.js"

const scope = { N: "none", S: "own-services", O: "organisation" } as const satisfies Record<string, Scope>
type Letter = keyof typeof scope

/**
 * An access-matrix row written as five letters, in the matrix's column order (worker,
 * coordinator, administrator, auditor, volunteer): `N` none, `S` own services, `O` organisation.
 * @since 0.2.0
 * @category constructors
 */
export const access = (
  letters: `${Letter}${Letter}${Letter}${Letter}${Letter}`,
  kind: "read" | "write",
  sensitivity: Sensitivity,
  description: string
): AccessRow => {
  const [worker, coordinator, administrator, auditor, volunteer] = [...letters].map((l) => scope[l as Letter])
  const row: Row = {
    worker: worker!,
    coordinator: coordinator!,
    administrator: administrator!,
    auditor: auditor!,
    volunteer: volunteer!
  }
  return { row, kind, sensitivity, description }
}

/**
 * Fails with `InvalidCommand` when a code is not in the service type's taxonomy.
 * @since 0.2.0
 * @category combinators
 */
export const requireCode = (
  operation: string,
  field: string,
  code: string,
  allowed: ReadonlySet<string> | undefined,
  what: string
): Effect.Effect<void, InvalidCommand> =>
  allowed === undefined || allowed.has(code)
    ? Effect.void
    : Effect.fail(new InvalidCommand({ operation, field, rule: `not a ${what} of this service type` }))

/**
 * Fails with `InvalidCommand` on `field` when a legal duty names a code that is not a known legal
 * ground (core's and the registered plugins'). `code` is absent when there is no legal duty.
 * @since 0.2.0
 * @category combinators
 */
export const requireLegalGround = (
  ctx: { readonly isLegalGround: (code: string) => boolean },
  operation: string,
  field: string,
  code: string | undefined
): Effect.Effect<void, InvalidCommand> =>
  code === undefined || ctx.isLegalGround(code)
    ? Effect.void
    : Effect.fail(new InvalidCommand({ operation, field, rule: "not a known legal ground code" }))

/**
 * Fails with `InvalidCommand` on `field` with `rule`.
 * @since 0.2.0
 * @category constructors
 */
export const invalid = (operation: string, field: string, rule: string) =>
  Effect.fail(new InvalidCommand({ operation, field, rule }))

/**
 * Checks the programme a record links (`programId`, when it names one): a programme of the
 * organisation (of the record's service, or the record's own), else `InvalidCommand` on
 * `programId`.
 * @since 0.2.0
 * @category combinators
 */
export const requireProgram = (
  ctx: Context,
  operation: string,
  programId: string | undefined,
  organisationId: string
) =>
  programId === undefined ? Effect.void : ctx.load(mappings.program, programId).pipe(
    Effect.map((program) => program.value.organisationId === organisationId),
    Effect.catchTag("NotFound", () => Effect.succeed(false)),
    Effect.flatMap((ok) =>
      ok ? Effect.void : invalid(operation, "programId", "a programme of the service's organisation")
    )
  )

/**
 * Checks a record's custom fields against its service type's declarations: each name in `fields`
 * must be a declared reportable field and each in `personalFields` a declared personal one, and
 * each value must decode with the field's schema. Fails with `InvalidCommand` on the first
 * problem, naming the field (`fields.<name>`) and the rule, never the value.
 * @since 0.2.0
 * @category combinators
 */
export const requireFields = (
  operation: string,
  prefix: string,
  declared: FieldDefinitions | undefined,
  kind: ExtensibleKind,
  record: {
    readonly fields?: { readonly [name: string]: FieldValue }
    readonly personalFields?: { readonly [name: string]: FieldValue }
  }
): Effect.Effect<void, InvalidCommand> => {
  const ofKind = declared?.[kind] ?? {}
  for (const bag of ["fields", "personalFields"] as const) {
    const personal = bag === "personalFields"
    for (const [name, value] of Object.entries(record[bag] ?? {})) {
      const field = `${prefix}${bag}.${name}`
      const def = Object.prototype.hasOwnProperty.call(ofKind, name) ? ofKind[name] : undefined
      if (def === undefined) return invalid(operation, field, `not a custom field of this service type's ${kind}`)
      if (def.personal !== personal) {
        return invalid(
          operation,
          field,
          personal ? "a reportable field: give it in fields" : "a personal field: give it in personalFields"
        )
      }
      if (Result.isFailure(Schema.decodeUnknownResult(def.schema as Schema.Codec<unknown, unknown>)(value))) {
        return invalid(operation, field, "does not match the field's declared type")
      }
    }
  }
  return Effect.void
}
