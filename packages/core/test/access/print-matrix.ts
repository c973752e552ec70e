// Prints the permission matrix as the Markdown table that docs/access.md must hold between its
// `access-matrix` markers: `npx tsx packages/core/test/access/print-matrix.ts`.
import * as Access from "../../src/access/index.js"

console.log(Access.toMarkdown())
