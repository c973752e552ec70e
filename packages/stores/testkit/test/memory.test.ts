import { Store } from "@pomoc/core"
import { StoreProbe, suite } from "@pomoc/store-testkit"
import type { RawProbe } from "@pomoc/store-testkit"
import { Context, Effect, Layer } from "effect"

/** Core's memory store (`Store.layerMemory`) and a probe reading its internal map through the inspector. */
const layer = Layer.effectContext(
  Effect.map(Store.makeMemoryWithInspector(), ({ inspector, store }) => {
    const probe: RawProbe = {
      record: async (kind, id) => {
        const r = inspector.record(kind, id)
        return r === undefined ? undefined : { version: r.version, data: r.data }
      },
      auditCount: async () => inspector.audit().length,
      tamperAudit: async (seq, field, value) => inspector.tamperAudit(seq, field, value),
      truncateAudit: async (keep) => inspector.truncateAudit(keep)
    }
    return Context.make(Store.Store, store).pipe(Context.add(StoreProbe, probe))
  })
)

suite("memory", { layer })
