// The repository's formatter: dprint's TypeScript plugin (the formatter Effect's own repository
// runs), one style and a line width of 120 for every TypeScript file under version control.
//   npm run format         rewrites the files that differ
//   npm run format:check   lists them and fails (CI runs this)
// Snippet files (`*.snippet.ts`) are left as the README shows them: a test compares the two.
// Written as a script rather than an eslint rule because the type-checked lint of the whole
// repository takes minutes, and formatting needs no types.
import { createFromBuffer } from "@dprint/formatter"
import { getPath } from "@dprint/typescript"
import { execFileSync } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import { resolve } from "node:path"

const check = process.argv.includes("--check")
const config = {
  indentWidth: 2,
  lineWidth: 120,
  semiColons: "asi",
  quoteStyle: "alwaysDouble",
  trailingCommas: "never",
  operatorPosition: "maintain",
  "arrowFunction.useParentheses": "force",
  // export order carries the doc comments above it (typedoc reads them): keep it as written
  "module.sortExportDeclarations": "maintain"
}

const formatter = createFromBuffer(readFileSync(getPath()))
formatter.setConfig({ indentWidth: 2, lineWidth: 120 }, config)

const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "*.ts", "*.mts", "*.cts"], {
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024
})
  .split("\0")
  .filter((f) => f !== "" && !f.endsWith(".snippet.ts") && !f.endsWith(".d.ts"))

const differing = []
for (const file of files) {
  const path = resolve(file)
  let text
  try {
    text = readFileSync(path, "utf8")
  } catch {
    continue // listed but deleted in the working tree
  }
  const formatted = formatter.formatText({ filePath: path, fileText: text })
  if (formatted === text) continue
  differing.push(file)
  if (!check) writeFileSync(path, formatted)
}

if (check && differing.length > 0) {
  console.error(`${differing.length} file(s) not formatted (run npm run format):\n${differing.map((f) => `  ${f}`).join("\n")}`)
  process.exit(1)
}
console.log(check ? `${files.length} files formatted` : `${differing.length} of ${files.length} files rewritten`)
