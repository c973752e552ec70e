/**
 * A person's data key, as stored: 32 random bytes, wrapped (AES-256-GCM) by the application's
 * field key. Every personal field of the records about the person is encrypted with it; erasing
 * the person deletes it, and with it every copy of their personal data becomes unreadable
 * (crypto-shredding). The record holds no personal data: a random id, the person's id (so the
 * key can be found and destroyed) and the wrapped key.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { PersonId } from "./Ids.js"

const Base64Url = Schema.String.check(Schema.isPattern(/^[A-Za-z0-9_-]*$/, { expected: "base64url without padding" }))

/**
 * A data key's id: `dk-` and 22 base64url characters (128 random bits).
 * @since 0.2.0
 * @category models
 */
export const DataKeyId = Schema.String.check(Schema.isPattern(/^dk-[A-Za-z0-9_-]{22}$/, { expected: "a data key id" }))

/**
 * A stored data key.
 * @since 0.2.0
 * @category models
 */
export class DataKey extends Schema.Class<DataKey>("@pomoc/core/DataKey")({
  id: DataKeyId,
  personId: PersonId,
  /** The key wrapped by the application's field key `kid` (an envelope `{ $enc: "v1", kid, iv, ct }`). */
  wrapped: Schema.Struct({ $enc: Schema.Literal("v1"), kid: Schema.String, iv: Base64Url, ct: Base64Url })
}) {}
