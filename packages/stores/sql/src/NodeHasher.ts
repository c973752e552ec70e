/**
 * Node's native SHA-256 for the audit chain: the same digests as core's portable one
 * (`@noble/hashes`), several times faster on the short texts the chain hashes. The SQL store seals
 * its commits with it; a Node host provides {@link layer} so that `pomoc.verifyAudit` (which reads
 * `Audit.Hasher`) verifies with it too.
 *
 * @example
 * ```ts
 * import { Audit } from "@pomoc/core"
 * import { NodeHasher } from "@pomoc/store-sql"
 *
 * NodeHasher.sha256("abc") === "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * // program.pipe(Effect.provide(NodeHasher.layer)): Audit.verifyPages hashes natively
 * ```
 *
 * @since 0.2.0
 */
import { Audit } from "@pomoc/core"
import { Layer } from "effect"
import * as crypto from "node:crypto"

type OneShot = (algorithm: string, data: string, encoding: "hex") => string
// `crypto.hash` (Node 20.12+, 21.7+) hashes in one call; `createHash` where it is missing.
const oneShot = (crypto as { readonly hash?: OneShot }).hash

/**
 * SHA-256 of a text's UTF-8 bytes as lower-case hex, by Node's crypto (an `Audit.Sha256`).
 * @since 0.2.0
 * @category hashing
 */
export const sha256: Audit.Sha256 = oneShot === undefined
  ? (text) => crypto.createHash("sha256").update(text, "utf8").digest("hex")
  : (text) => oneShot("sha256", text, "hex")

/**
 * Provides {@link sha256} as `Audit.Hasher`.
 * @since 0.2.0
 * @category layers
 */
export const layer: Layer.Layer<never> = Layer.succeed(Audit.Hasher, sha256)
