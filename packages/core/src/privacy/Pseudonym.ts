/**
 * Pseudonymous codes (GDPR Art. 32): a keyed HMAC-SHA-256 of a person's nickname, a code they
 * chose, or any other identifier, so that the same input always yields the same code for one
 * purpose, while nobody without the key can compute the code from a guessed input or reverse it.
 * A plain hash is never used: nicknames are few and easy to guess, so a plain hash of one is
 * reversed by trying them all.
 *
 * Inputs are normalised before hashing (see {@link normalise}): by default Unicode NFC, trimmed,
 * inner whitespace collapsed to one space and case-folded (see {@link caseFold}), so that
 * `" Kuba "` and `"kuba"` give the same code, and so do `"Straße"` and `"STRASSE"`; diacritics
 * stay significant (`"Šimon"` and `"Simon"` differ).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Pseudonym } from "@pomoc/core"
 *
 * const program = Pseudonym.code("Kuba", "club-member")
 * const key = new Uint8Array(32) // in practice: 32 random bytes kept outside the store
 * const code = await Effect.runPromise(program.pipe(Effect.provide(Pseudonym.layer(key))))
 * // "ps1-…" (16 base32 characters): stable for this key and purpose
 * ```
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Schema } from "effect"
import { copy, toBase32, utf8 } from "./internal/bytes.js"
import { InvalidKey, isCryptoKey, type KeyMaterial } from "./KeyMaterial.js"

/**
 * Every code starts with this prefix (`ps` for pseudonym, `1` for the scheme version), so that a
 * code is recognisable and a future scheme can coexist with this one.
 * @since 0.1.0
 * @category models
 */
export const CODE_PREFIX = "ps1-"

/**
 * A pseudonymous code: {@link CODE_PREFIX} and 16 lower-case base32 characters (the first 80 bits
 * of the HMAC). URL-safe, and also a valid id for every id type of the model.
 * @since 0.1.0
 * @category models
 */
export const PseudonymCode = Schema.String.check(
  Schema.isPattern(/^ps1-[a-z2-7]{16}$/, { expected: "a pseudonymous code (ps1- and 16 base32 characters)" })
).pipe(Schema.brand("PseudonymCode"))
/**
 * @since 0.1.0
 * @category models
 */
export type PseudonymCode = typeof PseudonymCode.Type

/**
 * How an input is normalised before hashing.
 * - `nickname` (the default): NFC, trimmed, runs of whitespace collapsed to one space,
 *   case-folded ({@link caseFold}: `"ß"`, `"ẞ"` and `"SS"` are one). For anything a person says
 *   or a worker types (nicknames, self-chosen codes).
 * - `exact`: NFC and trimmed only. For identifiers whose case matters.
 * @since 0.1.0
 * @category models
 */
export type Normalisation = "nickname" | "exact"

/**
 * Options of `Pseudonymiser.code`.
 * @since 0.1.0
 * @category models
 */
export interface CodeOptions {
  readonly normalisation?: Normalisation
}

/**
 * Folds the case of a text for caseless matching: two texts that differ only in case fold to
 * the same text, with Unicode's full (one-to-many) mappings, so `"ß"`, `"ẞ"` and `"SS"` all fold
 * to `"ss"`, `"ﬁ"` to `"fi"`, and a final `"ς"` matches `"Σ"` and `"σ"` wherever it stands. Built
 * on the platform's full case mappings (lower, upper, lower: the upper step applies the
 * one-to-many mappings such as `"ß"` to `"SS"`, the first lower step brings `"ẞ"` to `"ß"` first),
 * so no table ships with core. Locale-independent (no Turkish dotless i rule).
 *
 * @example
 * ```ts
 * import { Pseudonym } from "@pomoc/core"
 * Pseudonym.caseFold("Straße") === Pseudonym.caseFold("STRASSE") // true
 * ```
 * @since 0.2.0
 * @category combinators
 */
export const caseFold = (input: string): string => input.toLowerCase().toUpperCase().toLowerCase()

/**
 * Normalises an input as `Pseudonymiser.code` does before hashing it.
 *
 * @example
 * ```ts
 * import { Pseudonym } from "@pomoc/core"
 * Pseudonym.normalise("  Kuba\u00a0 Z ") // "kuba z"
 * ```
 * @since 0.1.0
 * @category combinators
 */
export const normalise = (input: string, normalisation: Normalisation = "nickname"): string => {
  const trimmed = input.normalize("NFC").trim()
  return normalisation === "exact" ? trimmed : caseFold(trimmed.replace(/\s+/gu, " ")).normalize("NFC")
}

/**
 * The input or purpose cannot be pseudonymised: the input is blank after normalisation, or the
 * purpose is not a code. Names the purpose and the rule, never the input.
 * @since 0.1.0
 * @category errors
 */
export class InvalidPseudonymInput extends Schema.TaggedError<InvalidPseudonymInput>(
  "@pomoc/core/privacy/InvalidPseudonymInput"
)("InvalidPseudonymInput", {
  field: Schema.Literals(["input", "purpose"]),
  rule: Schema.String
}) {
  override get message(): string {
    return `Cannot pseudonymise: ${this.field} ${this.rule}`
  }
}

/**
 * Computes pseudonymous codes with one key.
 * @since 0.1.0
 * @category models
 */
export interface Pseudonymiser {
  /**
   * The code of `input` for `purpose` (a code such as `club-member`): the same input, key and
   * purpose always give the same code; another key or purpose gives an unrelated one.
   */
  readonly code: (
    input: string,
    purpose: string,
    options?: CodeOptions
  ) => Effect.Effect<PseudonymCode, InvalidPseudonymInput>
}

/** At least as long as the hash output (RFC 2104 §3). */
const MIN_KEY_BYTES = 32
const PURPOSE = /^[a-z0-9][a-z0-9-]{0,63}$/
const DOMAIN = "pomoc/pseudonym/v1"

const importKey = (key: KeyMaterial): Effect.Effect<CryptoKey, InvalidKey> => {
  if (isCryptoKey(key)) {
    const algorithm = key.algorithm as { readonly name?: string; readonly hash?: { readonly name?: string } }
    if (algorithm.name !== "HMAC" || algorithm.hash?.name !== "SHA-256") {
      return Effect.fail(new InvalidKey({ rule: "a pseudonym key must be an HMAC key with SHA-256" }))
    }
    if (!key.usages.includes("sign")) {
      return Effect.fail(new InvalidKey({ rule: "a pseudonym key must allow 'sign'" }))
    }
    return Effect.succeed(key)
  }
  if (key.length < MIN_KEY_BYTES) {
    return Effect.fail(new InvalidKey({ rule: `a pseudonym key needs at least ${MIN_KEY_BYTES} bytes` }))
  }
  const bytes = copy(key)
  return Effect.promise(() =>
    globalThis.crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
  )
}

/**
 * Builds a {@link Pseudonymiser} from an HMAC-SHA-256 key: a `CryptoKey` (HMAC, SHA-256, usage
 * `sign`) or at least 32 raw bytes, imported as a non-extractable key.
 * @since 0.1.0
 * @category constructors
 */
export const make = (key: KeyMaterial): Effect.Effect<Pseudonymiser, InvalidKey> =>
  Effect.map(importKey(key), (cryptoKey) => ({
    code: (input, purpose, options) => {
      if (!PURPOSE.test(purpose)) {
        return Effect.fail(
          new InvalidPseudonymInput({ field: "purpose", rule: "must be a code of lower-case letters, digits and '-'" })
        )
      }
      const normalised = normalise(input, options?.normalisation)
      if (normalised.length === 0) {
        return Effect.fail(new InvalidPseudonymInput({ field: "input", rule: "must not be blank" }))
      }
      // The purpose cannot contain NUL, so the message is unambiguous.
      const message = utf8(`${DOMAIN}\u0000${purpose}\u0000${normalised}`)
      return Effect.map(
        Effect.promise(() => globalThis.crypto.subtle.sign("HMAC", cryptoKey, message)),
        (mac) => (CODE_PREFIX + toBase32(new Uint8Array(mac), 80)) as PseudonymCode
      )
    }
  }))

/**
 * The application's pseudonym key, as a service. The key itself is never exposed: the service
 * only computes codes.
 * @since 0.1.0
 * @category services
 */
export class PseudonymKey extends Context.Service<PseudonymKey, Pseudonymiser>()("@pomoc/core/privacy/PseudonymKey") {
  /** Provides the service from key material (the same as the module's `layer`). */
  static layer(key: KeyMaterial): Layer.Layer<PseudonymKey, InvalidKey> {
    return Layer.effect(PseudonymKey, make(key))
  }
}

/**
 * Provides {@link PseudonymKey} from key material (see {@link make}).
 * @since 0.1.0
 * @category layers
 */
export const layer = (key: KeyMaterial): Layer.Layer<PseudonymKey, InvalidKey> => PseudonymKey.layer(key)

/**
 * The code of `input` for `purpose` with the {@link PseudonymKey} in context.
 * @since 0.1.0
 * @category combinators
 */
export const code = (
  input: string,
  purpose: string,
  options?: CodeOptions
): Effect.Effect<PseudonymCode, InvalidPseudonymInput, PseudonymKey> =>
  PseudonymKey.use((p) => p.code(input, purpose, options))
