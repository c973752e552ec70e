// After `changeset version`: write @pomoc/core's new version into packages/core/src/version.ts,
// the version plugins' `requires.core` ranges are checked against.
import { readFileSync, writeFileSync } from "node:fs"

const { version } = JSON.parse(readFileSync("packages/core/package.json", "utf8"))
const file = "packages/core/src/version.ts"
const source = readFileSync(file, "utf8")
const next = source.replace(/export const version = "[^"]*"/, `export const version = ${JSON.stringify(version)}`)
if (next === source && !source.includes(`"${version}"`)) throw new Error(`could not update ${file}`)
writeFileSync(file, next)
console.log(`@pomoc/core version constant: ${version}`)
