/**
 * docs/privacy.md, "Encrypting fast on Node": the case-work layer built as the doc shows seals and
 * opens with Node's AES-256-GCM (the person's data key and their fields), and a database written
 * that way is read by a layer with core's portable cipher.
 */
import { Casework, FieldCrypto, KeyMaterial, StaffDirectory } from "@pomoc/core"
import { NodeCipher } from "@pomoc/store-sql"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Layer, ManagedRuntime } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it, vi } from "vitest"
import { admin, club, eva, type Harness, kuba, organisation, registry } from "./daily-fixture.js"

const dir = mkdtempSync(join(tmpdir(), "pomoc-node-cipher-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("NodeCipher in the case-work layer (docs/privacy.md)", () => {
  it("seals and opens with Node's cipher; the portable cipher reads what it wrote", async () => {
    const filename = join(dir, "pomoc.db")
    const key = KeyMaterial.generate()
    const open = (native: boolean) => {
      // --- from docs/privacy.md (the configuration, the file and the staff are the test's)
      const app = Casework.layer(Casework.configFromRegistry(registry)).pipe(
        Layer.provideMerge(FieldCrypto.layer({ keys: { k1: key }, current: "k1" })),
        Layer.provideMerge(SqliteStore.layer({ filename })),
        Layer.provide(native ? NodeCipher.layer : Layer.empty)
      )
      // --- end
      const runtime = ManagedRuntime.make(app.pipe(Layer.provide(StaffDirectory.layerList([admin, eva]))))
      const h = { run: (f) => runtime.runPromise(Casework.Casework.use(f)) } as Pick<Harness, "run">
      return { h: h as Harness, dispose: () => runtime.dispose() }
    }
    const encrypt = vi.spyOn(NodeCipher.aes256Gcm, "encrypt")
    const decrypt = vi.spyOn(NodeCipher.aes256Gcm, "decrypt")
    try {
      const native = open(true)
      await organisation(native.h)
      await club(native.h)
      await kuba(native.h)
      // The data key wrapped, the nickname sealed.
      expect(encrypt.mock.calls.length).toBeGreaterThanOrEqual(2)
      expect(await native.h.run((api) => api.getPerson(eva, "kuba"))).toMatchObject({ nickname: "Kuba" })
      expect(decrypt.mock.calls.length).toBeGreaterThanOrEqual(2)
      await native.dispose()
      const calls = encrypt.mock.calls.length + decrypt.mock.calls.length
      const portable = open(false)
      expect(await portable.h.run((api) => api.getPerson(eva, "kuba"))).toMatchObject({ nickname: "Kuba" })
      expect(encrypt.mock.calls.length + decrypt.mock.calls.length).toBe(calls)
      await portable.dispose()
    } finally {
      encrypt.mockRestore()
      decrypt.mockRestore()
    }
  })
})
