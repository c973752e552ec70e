// The workspace packages of the monorepo, read from the root package.json's "workspaces" globs.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")

/** Expands "a/b" and "a/*" (the only forms the root package.json uses). */
const expand = (pattern) => {
  if (!pattern.endsWith("/*")) return [join(root, pattern)]
  const parent = join(root, pattern.slice(0, -2))
  if (!existsSync(parent)) return []
  return readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(parent, entry.name))
}

/** @returns {Array<{ name: string, dir: string, rel: string, private: boolean, manifest: Record<string, unknown> }>} */
export const workspaces = () => {
  const { workspaces: patterns } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))
  return patterns
    .flatMap(expand)
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
      return { name: manifest.name, dir, rel: relative(root, dir), private: manifest.private === true, manifest }
    })
}

/** Public packages under `packages/`: the ones we publish. */
export const publicPackages = () => workspaces().filter((w) => !w.private && w.rel.startsWith("packages/"))

export const bin = (name) => join(root, "node_modules", ".bin", name)
