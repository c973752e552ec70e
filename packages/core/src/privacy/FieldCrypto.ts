/**
 * Field encryption at rest. The sensitive fields of an encoded (JSON) record (names, contact
 * details, free texts about people) are replaced, each on its own, by an envelope
 * `{ "$enc": "v1", kid, iv, ct }`: AES-256-GCM with a fresh random 96-bit IV per value, the key
 * id and the IV in base64url. The associated data binds each ciphertext to its key id, record
 * kind, record id and field path, so a ciphertext copied into another record or field does not
 * decrypt. Keys rotate: values decrypt with any known key id and are encrypted with the current one.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FieldCrypto, KeyMaterial } from "@pomoc/core"
 *
 * const keys = FieldCrypto.layer({ keys: { "2026-11": KeyMaterial.generate() }, current: "2026-11" })
 * const program = Effect.gen(function* () {
 *   const stored = yield* FieldCrypto.encryptFields("contact", "c-1", { id: "c-1", note: "Talked about school" })
 *   // stored.note is { $enc: "v1", kid: "2026-11", iv: "…", ct: "…" }
 *   return yield* FieldCrypto.decryptFields("contact", "c-1", stored)
 * })
 * await Effect.runPromise(program.pipe(Effect.provide(keys)))
 * ```
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Schema } from "effect"
import { catalogue, kinds } from "../model/Entity.js"
import type { RecordKind } from "../Store.js"
import * as Aead from "./internal/aead.js"
import { copy, fromBase64Url, fromUtf8, randomIv, toBase64Url, utf8 } from "./internal/bytes.js"
import { locate, mapFields } from "./internal/paths.js"
import { InvalidKey, isCryptoKey, type KeyMaterial } from "./KeyMaterial.js"

/**
 * The sensitive field paths of every record kind, as stored by core: derived from the fields
 * marked `personal(...)` in the model (see `Entity.catalogue`). A path is a chain of
 * property names separated by `.`; `name[]` stands for every element of the array `name`.
 * Absent (optional) fields are skipped. Values are encrypted whole, so `contactDetails` is one
 * ciphertext. Nicknames are encrypted too: look people up by their pseudonymous code (`Pseudonym.code`).
 * @since 0.1.0
 * @category models
 */
export const sensitiveFields: Readonly<Record<RecordKind, ReadonlyArray<string>>> = Object.fromEntries(
  kinds.map((kind) => [kind, catalogue[kind].personal.map((p) => p.path)])
) as unknown as Record<RecordKind, ReadonlyArray<string>>

/**
 * A key id: 1–64 letters, digits, `_`, `.` or `-` (e.g. `2026-11`).
 * @since 0.1.0
 * @category models
 */
export const KeyId = Schema.String.check(
  Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, {
    expected: "a key id of letters, digits, '_', '.', '-' (max 64)"
  })
)

const Base64Url = Schema.String.check(Schema.isPattern(/^[A-Za-z0-9_-]*$/, { expected: "base64url without padding" }))

/**
 * An encrypted value as stored in place of the plain value.
 * @since 0.1.0
 * @category models
 */
export const Envelope = Schema.Struct({
  $enc: Schema.Literal("v1"),
  kid: KeyId,
  iv: Base64Url,
  ct: Base64Url
})
/**
 * @since 0.1.0
 * @category models
 */
export type Envelope = typeof Envelope.Type

/**
 * Whether a value is marked as encrypted (an object with a `$enc` property). A marked value that
 * is not a well-formed {@link Envelope} fails to decrypt as `malformed`.
 * @since 0.1.0
 * @category guards
 */
export const isEncrypted = (value: unknown): value is { readonly $enc: unknown } =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.hasOwn(value, "$enc")

/**
 * Where a value lives: the record kind and id and the concrete field path (array elements by
 * index, e.g. `goals[0].steps[1].description`).
 * @since 0.1.0
 * @category models
 */
export interface FieldContext {
  readonly kind: string
  readonly id: string
  readonly field: string
}

/**
 * A value could not be decrypted. Says which record and field, and why (never the value):
 * - `unknown-key`: the envelope's key id is not configured;
 * - `authentication-failed`: the ciphertext, IV or key id was altered, or it belongs to another
 *   record or field, or the key under that id is not the one that encrypted it;
 * - `malformed`: the value is marked encrypted but is not a well-formed envelope;
 * - `not-encrypted`: a sensitive field holds a plain value.
 * @since 0.1.0
 * @category errors
 */
export class DecryptionFailed extends Schema.TaggedError<DecryptionFailed>("@pomoc/core/privacy/DecryptionFailed")(
  "DecryptionFailed",
  {
    kind: Schema.String,
    id: Schema.String,
    field: Schema.String,
    reason: Schema.Literals(["unknown-key", "authentication-failed", "malformed", "not-encrypted"])
  }
) {
  override get message(): string {
    return `Cannot decrypt ${this.kind} ${this.id} field ${this.field}: ${this.reason}`
  }
}

/**
 * A value could not be encrypted: it is already encrypted (encrypting twice would hide a bug),
 * or it is not JSON. Says which record and field, never the value.
 * @since 0.1.0
 * @category errors
 */
export class EncryptionFailed extends Schema.TaggedError<EncryptionFailed>("@pomoc/core/privacy/EncryptionFailed")(
  "EncryptionFailed",
  {
    kind: Schema.String,
    id: Schema.String,
    field: Schema.String,
    reason: Schema.Literals(["already-encrypted", "not-json"])
  }
) {
  override get message(): string {
    return `Cannot encrypt ${this.kind} ${this.id} field ${this.field}: ${this.reason}`
  }
}

/**
 * The keys: every known key by id (at least one), and the id of the key new values are
 * encrypted with. Raw keys are exactly 32 bytes (AES-256); a `CryptoKey` must be AES-GCM with
 * 256 bits and allow `decrypt` (and `encrypt` for the current key). Keep retired keys here until
 * every value encrypted with them has been rotated (`rotateFields`).
 * @since 0.1.0
 * @category models
 */
export interface Config {
  readonly keys: Readonly<Record<string, KeyMaterial>>
  readonly current: string
}

/**
 * Field encryption with one set of keys.
 * @since 0.1.0
 * @category models
 */
export interface FieldCryptoShape {
  /** The id of the key new values are encrypted with. */
  readonly currentKeyId: string
  /** Encrypts one JSON value for a field of a record. */
  readonly encrypt: (context: FieldContext, value: unknown) => Effect.Effect<Envelope, EncryptionFailed>
  /** Decrypts one envelope of a field of a record back to its JSON value. */
  readonly decrypt: (context: FieldContext, envelope: unknown) => Effect.Effect<unknown, DecryptionFailed>
  /**
   * Encrypts the given field paths (by default {@link sensitiveFields} of `kind`) of an encoded
   * record. The input is not changed; absent fields are skipped.
   */
  readonly encryptFields: (
    kind: RecordKind,
    id: string,
    data: unknown,
    paths?: ReadonlyArray<string>
  ) => Effect.Effect<unknown, EncryptionFailed>
  /** The inverse of `encryptFields`: every present field on the paths must be an envelope. */
  readonly decryptFields: (
    kind: RecordKind,
    id: string,
    data: unknown,
    paths?: ReadonlyArray<string>
  ) => Effect.Effect<unknown, DecryptionFailed>
  /** Decrypts with whichever key each field names and encrypts again with the current key. */
  readonly rotateFields: (
    kind: RecordKind,
    id: string,
    data: unknown,
    paths?: ReadonlyArray<string>
  ) => Effect.Effect<unknown, DecryptionFailed | EncryptionFailed>
}

const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
const IV_BYTES = 12
const TAG_BYTES = 16
const DOMAIN = "pomoc/field/v1"

const additionalData = (kid: string, context: FieldContext): Uint8Array<ArrayBuffer> =>
  utf8(`${DOMAIN}\u0000${kid}\u0000${context.kind}\u0000${context.id}\u0000${context.field}`)

/**
 * AES-256-GCM on a key held as 32 bytes, synchronous: `encrypt` gives the ciphertext followed by
 * the 16-byte tag, `decrypt` takes the same and throws when the tag does not authenticate the
 * ciphertext, the IV (12 bytes) and the associated data.
 * @since 0.2.0
 * @category models
 */
export interface Aes256Gcm {
  /** The ciphertext with its 16-byte tag appended. */
  readonly encrypt: (
    key: Uint8Array,
    iv: Uint8Array,
    additionalData: Uint8Array,
    plaintext: Uint8Array
  ) => Uint8Array
  /** The plaintext; throws when authentication fails. */
  readonly decrypt: (
    key: Uint8Array,
    iv: Uint8Array,
    additionalData: Uint8Array,
    ciphertext: Uint8Array
  ) => Uint8Array
}

/**
 * The AES-256-GCM that field encryption and the case-work layer's data keys use for keys held as
 * bytes: core's portable one (`@noble/ciphers`, which a browser runs too) unless the host
 * provides another. A Node host provides Node's native one (`NodeCipher.layer` of
 * `@pomoc/store-sql`), which gives the same bytes several times faster. Read when
 * {@link make} and the case-work layer are built.
 * @since 0.2.0
 * @category services
 */
export const Cipher: Context.Reference<Aes256Gcm> = Context.Reference<Aes256Gcm>("@pomoc/core/FieldCrypto/Cipher", {
  defaultValue: () => Aead.noble
})

const importKey = (
  kid: string,
  key: KeyMaterial,
  isCurrent: boolean,
  cipher: Aes256Gcm
): Effect.Effect<Aead.AeadKey, InvalidKey> => {
  if (isCryptoKey(key)) {
    const algorithm = key.algorithm as { readonly name?: string; readonly length?: number }
    if (algorithm.name !== "AES-GCM" || algorithm.length !== 256) {
      return Effect.fail(new InvalidKey({ keyId: kid, rule: "a field key must be an AES-GCM key of 256 bits" }))
    }
    if (!key.usages.includes("decrypt") || (isCurrent && !key.usages.includes("encrypt"))) {
      return Effect.fail(
        new InvalidKey({
          keyId: kid,
          rule: isCurrent ? "the current key must allow 'encrypt' and 'decrypt'" : "a field key must allow 'decrypt'"
        })
      )
    }
    return Effect.succeed(Aead.fromCryptoKey(key))
  }
  if (key.length !== 32) {
    return Effect.fail(new InvalidKey({ keyId: kid, rule: "a raw field key must be exactly 32 bytes (AES-256)" }))
  }
  // Raw keys are used by the synchronous cipher (a private copy: the caller's bytes may change).
  return Effect.succeed(Aead.fromBytes(copy(key), cipher))
}

/**
 * The values present on a field path pattern (see {@link sensitiveFields}) of an encoded record,
 * each with its concrete path, e.g. `valuesAt(plan, "goals[].inPersonsWords")`.
 * @since 0.1.0
 * @category combinators
 */
export const valuesAt = (
  data: unknown,
  pattern: string
): ReadonlyArray<{ readonly field: string; readonly value: unknown }> =>
  locate(data, pattern).map(({ field, value }) => ({ field, value }))

/**
 * Builds field encryption from a {@link Config}, checking every key and key id.
 * @since 0.1.0
 * @category constructors
 */
export const make = Effect.fnUntraced(function*(config: Config): Effect.fn.Return<FieldCryptoShape, InvalidKey> {
  const ids = Object.keys(config.keys)
  if (ids.length === 0) return yield* new InvalidKey({ rule: "at least one field key is needed" })
  for (const kid of ids) {
    if (!KEY_ID.test(kid)) {
      return yield* new InvalidKey({ rule: "a key id must be 1-64 letters, digits, '_', '.' or '-'" })
    }
  }
  if (!Object.hasOwn(config.keys, config.current)) {
    return yield* new InvalidKey({ keyId: config.current, rule: "the current key id is not among the keys" })
  }
  const cipher = yield* Cipher
  const keys = new Map<string, Aead.AeadKey>()
  for (const kid of ids) {
    keys.set(kid, yield* importKey(kid, config.keys[kid]!, kid === config.current, cipher))
  }
  const current = config.current
  const currentKey = keys.get(current)!

  const encrypt = (context: FieldContext, value: unknown): Effect.Effect<Envelope, EncryptionFailed> => {
    const failed = (reason: EncryptionFailed["reason"]) =>
      Effect.fail(new EncryptionFailed({ kind: context.kind, id: context.id, field: context.field, reason }))
    if (isEncrypted(value)) return failed("already-encrypted")
    let json: string | undefined
    try {
      json = JSON.stringify(value)
    } catch {
      json = undefined
    }
    if (json === undefined) return failed("not-json")
    const plaintext = utf8(json)
    return Effect.suspend(() => {
      const iv = randomIv(IV_BYTES)
      return Effect.map(
        Aead.encrypt(currentKey, iv, additionalData(current, context), plaintext),
        (ct): Envelope => ({ $enc: "v1", kid: current, iv: toBase64Url(iv), ct: toBase64Url(ct) })
      )
    })
  }

  const decrypt = (context: FieldContext, envelope: unknown): Effect.Effect<unknown, DecryptionFailed> => {
    const failed = (reason: DecryptionFailed["reason"]) =>
      Effect.fail(new DecryptionFailed({ kind: context.kind, id: context.id, field: context.field, reason }))
    if (!isEncrypted(envelope)) return failed("not-encrypted")
    const e = envelope as Record<string, unknown>
    if (
      Object.keys(e).length !== 4 || e.$enc !== "v1" ||
      typeof e.kid !== "string" || typeof e.iv !== "string" || typeof e.ct !== "string"
    ) return failed("malformed")
    const iv = fromBase64Url(e.iv)
    const ct = fromBase64Url(e.ct)
    if (iv === undefined || iv.length !== IV_BYTES || ct === undefined || ct.length < TAG_BYTES) {
      return failed("malformed")
    }
    const key = keys.get(e.kid)
    if (key === undefined || !Object.hasOwn(config.keys, e.kid)) return failed("unknown-key")
    const kid = e.kid
    return Effect.flatMap(
      Effect.mapError(
        Aead.decrypt(key, iv, additionalData(kid, context), ct),
        () =>
          new DecryptionFailed({
            kind: context.kind,
            id: context.id,
            field: context.field,
            reason: "authentication-failed"
          })
      ),
      (plain) => {
        try {
          return Effect.succeed(JSON.parse(fromUtf8(plain)) as unknown)
        } catch {
          return failed("malformed")
        }
      }
    )
  }

  // A kind from untyped callers that is not a record kind has no sensitive fields.
  const defaults = (kind: string): ReadonlyArray<string> =>
    Object.hasOwn(sensitiveFields, kind) ? sensitiveFields[kind as RecordKind] : []
  const encryptFields: FieldCryptoShape["encryptFields"] = (kind, id, data, paths = defaults(kind)) =>
    mapFields(data, paths, (field, value) => encrypt({ kind, id, field }, value))
  const decryptFields: FieldCryptoShape["decryptFields"] = (kind, id, data, paths = defaults(kind)) =>
    mapFields(data, paths, (field, value) => decrypt({ kind, id, field }, value))
  const rotateFields: FieldCryptoShape["rotateFields"] = (kind, id, data, paths = defaults(kind)) =>
    Effect.flatMap(decryptFields(kind, id, data, paths), (plain) => encryptFields(kind, id, plain, paths))

  return { currentKeyId: current, encrypt, decrypt, encryptFields, decryptFields, rotateFields }
})

/**
 * The application's field encryption keys, as a service.
 * @since 0.1.0
 * @category services
 */
export class FieldCrypto extends Context.Service<FieldCrypto, FieldCryptoShape>()("@pomoc/core/privacy/FieldCrypto") {
  /** Provides the service from a {@link Config} (the same as the module's `layer`). */
  static layer(config: Config): Layer.Layer<FieldCrypto, InvalidKey> {
    return Layer.effect(FieldCrypto, make(config))
  }
}

/**
 * Provides {@link FieldCrypto} from a {@link Config}; fails with {@link InvalidKey} when a key or
 * key id is unusable.
 * @since 0.1.0
 * @category layers
 */
export const layer = (config: Config): Layer.Layer<FieldCrypto, InvalidKey> => FieldCrypto.layer(config)

/**
 * Encrypts the sensitive fields of an encoded record with the {@link FieldCrypto} in context.
 * @since 0.1.0
 * @category combinators
 */
export const encryptFields = (
  kind: RecordKind,
  id: string,
  data: unknown,
  paths?: ReadonlyArray<string>
): Effect.Effect<unknown, EncryptionFailed, FieldCrypto> =>
  FieldCrypto.use((c) => c.encryptFields(kind, id, data, paths))

/**
 * Decrypts the sensitive fields of an encoded record with the {@link FieldCrypto} in context.
 * @since 0.1.0
 * @category combinators
 */
export const decryptFields = (
  kind: RecordKind,
  id: string,
  data: unknown,
  paths?: ReadonlyArray<string>
): Effect.Effect<unknown, DecryptionFailed, FieldCrypto> =>
  FieldCrypto.use((c) => c.decryptFields(kind, id, data, paths))

/**
 * Re-encrypts the sensitive fields of an encoded record with the current key of the
 * {@link FieldCrypto} in context (key rotation).
 * @since 0.1.0
 * @category combinators
 */
export const rotateFields = (
  kind: RecordKind,
  id: string,
  data: unknown,
  paths?: ReadonlyArray<string>
): Effect.Effect<unknown, DecryptionFailed | EncryptionFailed, FieldCrypto> =>
  FieldCrypto.use((c) => c.rotateFields(kind, id, data, paths))
