/**
 * Blind indexes: how a worker finds "Kuba" again without a nickname stored in plaintext. A
 * person's nickname (and code) are encrypted with their data key like every personal field; next
 * to the record the store keeps only *tokens*: keyed HMACs (`Pseudonym.code`, whose key is kept
 * outside the store) of the normalised value, one per service the person is known to. Finding a
 * person computes the token of what the worker typed and asks the store for the records holding
 * it (`RecordQuery.lookup`), an exact match on an indexed column.
 *
 * - **Normalised**: `"Kuba"`, `"kuba "` and `"KUBA"` give the same token (see `Pseudonym.normalise`).
 * - **Per service**: each service has its own HMAC purpose, so the same nickname in two services
 *   gives unrelated tokens: the index cannot link a person across services.
 * - **No prefix search**: a token says nothing about the text's prefixes. Indexing prefixes
 *   (`"k"`, `"ku"`, `"kub"`) would put a short, guessable value next to every record: anyone
 *   with the key (or the database and a list of common nicknames) could group people by their
 *   first letters and count them, and a one-letter token matches a large share of a service.
 * - **Erasure**: an erased person's record holds no nickname, so no token; their old record, and
 *   its tokens, are deleted with it.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { BlindIndex, KeyMaterial, Pseudonym } from "@pomoc/core"
 *
 * const program = Effect.gen(function*() {
 *   const key = yield* Pseudonym.PseudonymKey
 *   const a = yield* BlindIndex.token(key, "club-a", "nickname", "Kuba")
 *   const b = yield* BlindIndex.token(key, "club-a", "nickname", " KUBA ")
 *   const c = yield* BlindIndex.token(key, "club-b", "nickname", "Kuba")
 *   return [a === b, a === c] // [true, false]
 * }).pipe(Effect.provide(Pseudonym.layer(KeyMaterial.generate())))
 * ```
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import { sha256 } from "../internal/sha256.js"
import type { AgeBand } from "../model/Common.js"
import type { IdentityLevel, Person } from "../model/Person.js"
import { CODE_SUFFIX } from "../store/contract.js"
import { normalise, type PseudonymCode, type Pseudonymiser } from "./Pseudonym.js"

/**
 * What a token is computed from: the person's nickname, or a code chosen with them.
 * @since 0.2.0
 * @category models
 */
export type Field = "nickname" | "code"

/**
 * The HMAC purpose of a service's index of one field: `find-<field>-` and 32 hex characters of
 * a hash of the service's id (ids may hold characters a purpose may not), so every service has
 * its own.
 * @since 0.2.0
 * @category combinators
 */
export const purpose = (serviceId: string, field: Field): string =>
  `find-${field}-${sha256(`pomoc/blind-index/v1\u0000${serviceId}`).slice(0, 32)}`

/**
 * Whether a value gives a token: not blank once normalised.
 * @since 0.2.0
 * @category guards
 */
export const indexable = (value: string): boolean => normalise(value) !== ""

/**
 * The token of a value typed for a field in a service, or `undefined` for a blank value.
 * @since 0.2.0
 * @category combinators
 */
export const token = (
  pseudonymiser: Pseudonymiser,
  serviceId: string,
  field: Field,
  value: string
): Effect.Effect<PseudonymCode | undefined> =>
  indexable(value)
    // The purpose is always valid and the value not blank: the code cannot fail.
    ? Effect.orDie(pseudonymiser.code(value, purpose(serviceId, field)))
    : Effect.succeed(undefined)

/**
 * The values of a person the index holds, by field: the nickname (pseudonymous and identified
 * people may have one) and the code, where present.
 * @since 0.2.0
 * @category combinators
 */
export const valuesOf = (person: Person): ReadonlyArray<readonly [Field, string]> => {
  const out: Array<readonly [Field, string]> = []
  if (person._tag !== "anonymous") {
    if (person.nickname !== undefined) out.push(["nickname", person.nickname])
    if (person.code !== undefined) out.push(["code", person.code])
  }
  return out
}

/**
 * What a search may be narrowed by in the store's index: a person's identity level and age band
 * (both non-personal facets of the record already).
 * @since 0.2.0
 * @category models
 */
export interface Narrowing {
  readonly identityLevel?: IdentityLevel | undefined
  readonly ageBand?: AgeBand | undefined
}

/**
 * The token of a value narrowed to an identity level and/or an age band: the value's token with
 * the narrowing appended (`ps1-….l-identified.b-15-17`), so that a search by nickname and age band
 * is one exact match in the store's index rather than a filter over the nickname's matches.
 * Without a narrowing, the token itself.
 * @since 0.2.0
 * @category combinators
 */
export const narrowed = (token: string, narrowing: Narrowing): string =>
  token +
  (narrowing.identityLevel === undefined ? "" : `.l-${narrowing.identityLevel}`) +
  (narrowing.ageBand === undefined ? "" : `.b-${narrowing.ageBand.replace("+", "plus")}`)

/**
 * Every token of a person: for each of their values, in each service they are known to (their
 * own and those they are shared with). None for an anonymous (or erased) person.
 * @since 0.2.0
 * @category combinators
 */
export const tokensOf = (pseudonymiser: Pseudonymiser, person: Person): Effect.Effect<ReadonlyArray<string>> => {
  const values = valuesOf(person)
  if (values.length === 0) return Effect.succeed([])
  return Effect.map(
    Effect.forEach(
      [person.serviceId, ...person.sharedWith].flatMap((serviceId) =>
        values.map(([field, value]) => token(pseudonymiser, serviceId, field, value))
      ),
      (t) => t
    ),
    (tokens) => [...new Set(tokens.filter((t): t is PseudonymCode => t !== undefined))].sort()
  )
}

/**
 * The token by which people are counted by their code (`Store.CODE_SUFFIX`: an aggregate with
 * `distinctBy: "code"` counts the people whose records hold the same one once): the token of the
 * person's code in their own service, with `.code` appended; none without a code. Codes of two
 * services give unrelated tokens, so people are never linked across services by it.
 * @since 0.2.0
 * @category combinators
 */
export const codeToken = (pseudonymiser: Pseudonymiser, person: Person): Effect.Effect<string | undefined> => {
  const code = valuesOf(person).find(([field]) => field === "code")
  return code === undefined
    ? Effect.succeed(undefined)
    : Effect.map(
      token(pseudonymiser, person.serviceId, "code", code[1]),
      (t) => t === undefined ? undefined : `${t}${CODE_SUFFIX}`
    )
}

/**
 * What the store's index holds for a person: each of their tokens ({@link tokensOf}) and its
 * narrowings ({@link narrowed}) by the person's identity level, age band and both, and their
 * {@link codeToken}. None for an anonymous (or erased) person.
 * @since 0.2.0
 * @category combinators
 */
export const indexOf = (pseudonymiser: Pseudonymiser, person: Person): Effect.Effect<ReadonlyArray<string>> => {
  const narrowings: ReadonlyArray<Narrowing> = [
    {},
    { identityLevel: person._tag },
    { ageBand: person.ageBand },
    { identityLevel: person._tag, ageBand: person.ageBand }
  ]
  return Effect.zipWith(
    tokensOf(pseudonymiser, person),
    codeToken(pseudonymiser, person),
    (tokens, code) =>
      [
        ...new Set([
          ...tokens.flatMap((t) => narrowings.map((n) => narrowed(t, n))),
          ...(code === undefined ? [] : [code])
        ])
      ].sort()
  )
}
