/** The Promise quickstart on a SQLite file in the temporary folder. */
import { KeyMaterial } from "@pomoc/core"
import { SqliteStore } from "@pomoc/store-sqlite"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { connect, session } from "./quickstart.js"

const filename = process.env["POMOC_DB"] ?? join(mkdtempSync(join(tmpdir(), "pomoc-")), "promise.db")
const pomoc = connect(SqliteStore.layer({ filename }), KeyMaterial.generate())
try {
  const outcome = await session(pomoc)
  console.log(`contacts recorded: ${outcome.contacts}; in the person's history: ${outcome.historyContacts}`)
  for (const line of outcome.caught) console.log(`caught: ${line}`)
  console.log(`audit chain ${outcome.auditIntact ? "intact" : "BROKEN"}`)
} finally {
  await pomoc.dispose()
}
