/**
 * Per-person data keys and crypto-shredding. Every personal field (see `personal(...)` and
 * `Entity.catalogue`) of a record about one person is encrypted with that person's own data key:
 * 32 random bytes, wrapped by the application's field key (`FieldCrypto`) and stored as a
 * `data-key` record. Erasing the person deletes their data key; from then on every copy of their
 * personal fields (old row versions, free pages, the WAL, dead tuples, backups that are restored
 * after the erasure is replayed) is ciphertext nobody can decrypt, without rewriting their records.
 *
 * A field encrypted with a data key is stored as `{ "$enc": "v2", dk, iv, ct }`: AES-256-GCM, a
 * fresh 96-bit IV, associated data binding it to the data key id, record kind, record id and field
 * path. Records about no single person (an activity, a location, a contact with several known
 * participants) keep the application key's `v1` envelopes. A field whose data key is gone reads
 * as erased: an optional field is left out, a required one reads `"[erased]"`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FieldCrypto, Store, Vault } from "@pomoc/core"
 *
 * const program = Effect.gen(function* () {
 *   const vault = Vault.make(yield* Store.Store, yield* FieldCrypto.FieldCrypto)
 *   const writes = yield* vault.seal([{ write, owner: "p-1" }]) // + the new data key's record
 *   yield* (yield* Store.Store).commit({ writes, audit: [] })
 * })
 * ```
 *
 * @since 0.2.0
 */
import { Effect, Option, Result, Schema } from "effect"
import { DataKey } from "../model/DataKey.js"
import { catalogue } from "../model/Entity.js"
import type { PersonalPath } from "../model/Personal.js"
import type { RecordDelete, RecordKind, RecordWrite, StoredRecord, StoreError, StoreShape } from "../Store.js"
import { CorruptData, fail as storeFail } from "../Store.js"
import { ERASED } from "./Erasure.js"
import {
  type Aes256Gcm,
  DecryptionFailed,
  EncryptionFailed,
  type FieldCryptoShape,
  isEncrypted
} from "./FieldCrypto.js"
import * as Aead from "./internal/aead.js"
import { fromBase64Url, fromUtf8, randomIv, toBase64Url, utf8 } from "./internal/bytes.js"
import { locate, mapFields, mapFieldsNow, REMOVE } from "./internal/paths.js"

/**
 * A field encrypted with a person's data key, as stored in place of the plain value.
 * @since 0.2.0
 * @category models
 */
export interface DataKeyEnvelope {
  readonly $enc: "v2"
  readonly dk: string
  readonly iv: string
  readonly ct: string
}

/**
 * A write to seal, and the person whose data key encrypts its personal fields (`undefined`:
 * the application's key).
 * @since 0.2.0
 * @category models
 */
export interface Sealable {
  readonly write: RecordWrite
  readonly owner: string | undefined
}

/**
 * Opening and sealing for one unit of work, sharing what they learn: a person's data key read to
 * open their record is the key their new records are sealed with, without looking it up again.
 * @since 0.2.0
 * @category models
 */
export interface VaultSession {
  /** Decrypts the personal fields of a stored record (see {@link VaultShape.opener}). */
  readonly open: (record: StoredRecord) => Effect.Effect<unknown, DecryptionFailed | StoreError>
  /** Encrypts the personal fields of the writes (see {@link VaultShape.seal}). */
  readonly seal: (
    changes: ReadonlyArray<Sealable>
  ) => Effect.Effect<ReadonlyArray<RecordWrite>, EncryptionFailed | DecryptionFailed | StoreError>
}

/**
 * Sealing and opening records.
 * @since 0.2.0
 * @category models
 */
export interface VaultShape {
  /**
   * Encrypts the personal fields of the writes; returns them followed by the records of any data
   * key it had to create (commit them in the same unit of work).
   */
  readonly seal: (
    changes: ReadonlyArray<Sealable>
  ) => Effect.Effect<ReadonlyArray<RecordWrite>, EncryptionFailed | DecryptionFailed | StoreError>
  /**
   * A function that decrypts the personal fields of stored records; it remembers the data keys it
   * has read, so use one per operation (a key erased meanwhile is not used beyond it).
   */
  readonly opener: () => (record: StoredRecord) => Effect.Effect<unknown, DecryptionFailed | StoreError>
  /** The deletions that destroy every data key of a person (crypto-shredding). */
  readonly keysOf: (personId: string) => Effect.Effect<ReadonlyArray<RecordDelete>, StoreError>
  /**
   * Opening and sealing for one unit of work (one per unit: a key erased meanwhile is not used
   * beyond it, and a commit that rests on the person's record fails if they were erased).
   * @since 0.2.0
   */
  readonly session: () => VaultSession
}

const IV_BYTES = 12
const TAG_BYTES = 16
const DOMAIN = "pomoc/field/v2"

const additionalData = (dk: string, kind: string, id: string, field: string): Uint8Array<ArrayBuffer> =>
  utf8(`${DOMAIN}\u0000${dk}\u0000${kind}\u0000${id}\u0000${field}`)

const personalOf = (kind: string): ReadonlyArray<PersonalPath> =>
  Object.hasOwn(catalogue, kind) ? catalogue[kind as RecordKind].personal : []

const isDataKeyEnvelope = (value: unknown): value is DataKeyEnvelope => {
  if (!isEncrypted(value)) return false
  const e = value as Record<string, unknown>
  return e.$enc === "v2" && Object.keys(e).length === 4 && typeof e.dk === "string" && typeof e.iv === "string" &&
    typeof e.ct === "string"
}

const corrupt = (detail: string): StoreError => storeFail("get", new CorruptData({ detail }))

const newKeyId = (): string => `dk-${toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)))}`

/**
 * Builds the vault over a store (where wrapped data keys are kept) and the application's field
 * keys (which wrap them, and encrypt records about no single person). Data keys are used with
 * `cipher` (the host's `FieldCrypto.Cipher`; core's portable one by default).
 * @since 0.2.0
 * @category constructors
 */
export const make = (store: StoreShape, crypto: FieldCryptoShape, cipher: Aes256Gcm = Aead.noble): VaultShape => {
  const wrapContext = (dk: string) => ({ kind: "data-key", id: dk, field: "wrapped" })
  const decodeKey = Schema.decodeUnknownEffect(DataKey)

  const unwrap = (record: StoredRecord): Effect.Effect<Aead.AeadKey, DecryptionFailed | StoreError> =>
    decodeKey(record.data).pipe(
      Effect.mapError(() => corrupt("a stored data key does not decode")),
      Effect.flatMap((key) => crypto.decrypt(wrapContext(key.id), key.wrapped)),
      Effect.flatMap((raw) => {
        const bytes = typeof raw === "string" ? fromBase64Url(raw) : undefined
        return bytes === undefined || bytes.length !== 32
          ? Effect.fail(corrupt("a stored data key is not 32 bytes"))
          : Effect.succeed(Aead.fromBytes(bytes, cipher))
      })
    )

  /** A person's current data key, or a new one with the record that stores it. */
  const keyOf = Effect.fnUntraced(function*(owner: string) {
    const found = yield* store.list({ kind: "data-key", personId: owner, limit: 1 })
    const existing = found[0]
    if (existing !== undefined) return { dk: existing.id, key: yield* unwrap(existing), write: undefined }
    const dk = newKeyId()
    const raw = globalThis.crypto.getRandomValues(new Uint8Array(32))
    const wrapped = yield* crypto.encrypt(wrapContext(dk), toBase64Url(raw))
    // The synchronous cipher keeps the key's bytes (in memory only, never stored unwrapped).
    const key = Aead.fromBytes(raw, cipher)
    const entity = new DataKey({ id: dk, personId: owner as DataKey["personId"], wrapped })
    const m = catalogue["data-key"]
    const write: RecordWrite = {
      kind: m.kind,
      id: dk,
      expectedVersion: 0,
      ...m.index(entity),
      data: Schema.encodeSync(m.schema)(entity)
    }
    return { dk, key, write }
  })

  /** A field's plaintext (its JSON), or why it cannot be encrypted. */
  const plaintextOf = (
    kind: string,
    id: string,
    field: string,
    value: unknown
  ): Result.Result<Uint8Array<ArrayBuffer>, EncryptionFailed> => {
    if (isEncrypted(value)) return Result.fail(new EncryptionFailed({ kind, id, field, reason: "already-encrypted" }))
    let json: string | undefined
    try {
      json = JSON.stringify(value)
    } catch {
      json = undefined
    }
    return json === undefined
      ? Result.fail(new EncryptionFailed({ kind, id, field, reason: "not-json" }))
      : Result.succeed(utf8(json))
  }
  const envelope = (dk: string, iv: Uint8Array, ct: Uint8Array): DataKeyEnvelope => ({
    $enc: "v2",
    dk,
    iv: toBase64Url(iv),
    ct: toBase64Url(ct)
  })

  const encryptWith = (dk: string, key: Aead.AeadKey, kind: string, id: string, field: string, value: unknown) => {
    const plaintext = plaintextOf(kind, id, field, value)
    if (Result.isFailure(plaintext)) return Effect.fail(plaintext.failure)
    return Effect.suspend(() => {
      const iv = randomIv(IV_BYTES)
      return Effect.map(
        Aead.encrypt(key, iv, additionalData(dk, kind, id, field), plaintext.success),
        (ct) => envelope(dk, iv, ct)
      )
    })
  }

  /** The same with a key held as bytes, without an effect per field (the cipher is synchronous). */
  const encryptNow = (dk: string, key: Aead.BytesKey, kind: string, id: string, field: string, value: unknown) =>
    Result.map(plaintextOf(kind, id, field, value), (plaintext) => {
      const iv = randomIv(IV_BYTES)
      return envelope(dk, iv, key.cipher.encrypt(key.bytes, iv, additionalData(dk, kind, id, field), plaintext))
    })

  /** Seals with the data keys already known by owner (learnt when their records were opened). */
  const sealWith =
    (keys: Map<string, { readonly dk: string; readonly key: Aead.AeadKey }>): VaultShape["seal"] => (changes) =>
      Effect.gen(function*() {
        const created: Array<RecordWrite> = []
        const sealed: Array<RecordWrite> = []
        for (const { write, owner } of changes) {
          const paths = personalOf(write.kind).map((p) => p.path)
          const present = paths.some((p) => locate(write.data, p).length > 0)
          if (!present) {
            sealed.push(write)
          } else if (owner === undefined) {
            sealed.push({ ...write, data: yield* crypto.encryptFields(write.kind, write.id, write.data, paths) })
          } else {
            let entry = keys.get(owner)
            if (entry === undefined) {
              const found = yield* keyOf(owner)
              if (found.write !== undefined) created.push(found.write)
              entry = { dk: found.dk, key: found.key }
              keys.set(owner, entry)
            }
            const { dk, key } = entry
            const now = key._tag === "bytes"
              ? mapFieldsNow(
                write.data,
                paths,
                (field, value) => encryptNow(dk, key, write.kind, write.id, field, value)
              )
              : undefined
            if (now !== undefined && Result.isFailure(now)) return yield* Effect.fail(now.failure)
            const data = now !== undefined
              ? now.success
              : yield* mapFields(
                write.data,
                paths,
                (field, value) => encryptWith(dk, key, write.kind, write.id, field, value)
              )
            sealed.push({ ...write, data })
          }
        }
        return [...sealed, ...created]
      })

  const seal: VaultShape["seal"] = (changes) => sealWith(new Map())(changes)

  /** Opens records; a person's record opened with a data key makes it that person's known key. */
  const openWith = (owners: Map<string, { readonly dk: string; readonly key: Aead.AeadKey }>) => {
    const keys = new Map<string, Option.Option<Aead.AeadKey>>()
    const keyById = (dk: string) =>
      Effect.suspend(() => {
        const known = keys.get(dk)
        if (known !== undefined) return Effect.succeed(known)
        return store.get("data-key", dk).pipe(
          Effect.flatMap(Option.match({
            onNone: () => Effect.succeed(Option.none<Aead.AeadKey>()),
            onSome: (record) => Effect.map(unwrap(record), Option.some)
          })),
          Effect.tap((key) => Effect.sync(() => keys.set(dk, key)))
        )
      })
    return (record: StoredRecord): Effect.Effect<unknown, DecryptionFailed | StoreError> => {
      const personal = personalOf(record.kind)
      if (personal.length === 0) return Effect.succeed(record.data)
      const optional = new Map(personal.map((p) => [p.path, p.optional]))
      const failed = (field: string, reason: DecryptionFailed["reason"]) =>
        Effect.fail(new DecryptionFailed({ kind: record.kind, id: record.id, field, reason }))
      return mapFields(record.data, personal.map((p) => p.path), (field, value, path) => {
        if (!isEncrypted(value)) return failed(field, "not-encrypted")
        if ((value as { $enc: unknown }).$enc !== "v2") {
          return crypto.decrypt({ kind: record.kind, id: record.id, field }, value)
        }
        if (!isDataKeyEnvelope(value)) return failed(field, "malformed")
        const iv = fromBase64Url(value.iv)
        const ct = fromBase64Url(value.ct)
        if (iv === undefined || iv.length !== IV_BYTES || ct === undefined || ct.length < TAG_BYTES) {
          return failed(field, "malformed")
        }
        return Effect.flatMap(keyById(value.dk), (key): Effect.Effect<unknown, DecryptionFailed> => {
          // The data key was destroyed: the person was erased, and so is this field.
          if (Option.isNone(key)) return Effect.succeed(optional.get(path) === true ? REMOVE : ERASED)
          return Aead.decrypt(key.value, iv, additionalData(value.dk, record.kind, record.id, field), ct).pipe(
            Effect.mapError(() =>
              new DecryptionFailed({ kind: record.kind, id: record.id, field, reason: "authentication-failed" })
            ),
            Effect.flatMap((plain) => {
              // Authenticated: this person's record is sealed with this key of theirs.
              if (record.kind === "person" && !owners.has(record.id)) {
                owners.set(record.id, { dk: value.dk, key: key.value })
              }
              try {
                return Effect.succeed(JSON.parse(fromUtf8(plain)) as unknown)
              } catch {
                return Effect.fail(
                  new DecryptionFailed({ kind: record.kind, id: record.id, field, reason: "malformed" })
                )
              }
            })
          )
        })
      })
    }
  }

  const keysOf: VaultShape["keysOf"] = (personId) =>
    Effect.map(
      store.list({ kind: "data-key", personId }),
      (records) => records.map((r): RecordDelete => ({ kind: "data-key", id: r.id, expectedVersion: r.version }))
    )

  const opener: VaultShape["opener"] = () => openWith(new Map())

  const session: VaultShape["session"] = () => {
    const owners = new Map<string, { readonly dk: string; readonly key: Aead.AeadKey }>()
    return { open: openWith(owners), seal: sealWith(owners) }
  }

  return { seal, opener, keysOf, session }
}
