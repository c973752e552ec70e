/**
 * Helpers the operation modules share: access rows and code checks.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import type { Row, Scope, Sensitivity } from "../../access/matrix.js"
import { InvalidCommand } from "../Errors.js"
import type { AccessRow } from "../Operation.js"

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
 * Fails with `InvalidCommand` on `field` with `rule`.
 * @since 0.2.0
 * @category constructors
 */
export const invalid = (operation: string, field: string, rule: string) =>
  Effect.fail(new InvalidCommand({ operation, field, rule }))
