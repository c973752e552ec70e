/**
 * Adding a language to a plugin from a table of texts keyed by label path.
 *
 * @internal
 */
import type { Plugin } from "../Plugin.js"
import { looksLikeLabels } from "./labels.js"

const isPlain = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** The code (indicators, goals) or id (reports, principles) that names a list item, if it has one. */
const nameOf = (item: unknown): string | undefined => {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return undefined
  const record = item as Record<string, unknown>
  return typeof record["code"] === "string"
    ? record["code"]
    : typeof record["id"] === "string"
    ? record["id"]
    : undefined
}

/**
 * The plugin with every label whose path is in `texts` written in `language` too, and
 * `language` among its `languages`. A list item is named by its place (`indicators[0]`, as
 * `MissingLabels` names it) or by its code or id (`indicators.came-back`), so a table need not
 * change when the list's order does. Only plain objects and arrays on the way to a label are
 * copied (and frozen); everything else (rules' functions, schemas) is kept as it is.
 */
export const translate = <const P extends Plugin>(
  plugin: P,
  language: string,
  texts: Readonly<Record<string, string>>
): P => {
  // `paths`: every name of the value (by place and by code), parents' names extended.
  const rewrite = (value: unknown, paths: ReadonlyArray<string>): unknown => {
    if (value === null || typeof value !== "object") return value
    if (Array.isArray(value)) {
      const items: ReadonlyArray<unknown> = value
      const next = items.map((item, i) => {
        const name = nameOf(item)
        return rewrite(
          item,
          paths.flatMap((path) => [`${path}[${i}]`, ...(name === undefined ? [] : [`${path}.${name}`])])
        )
      })
      return next.every((item, i) => item === items[i]) ? value : Object.freeze(next)
    }
    if (!isPlain(value)) return value
    const record = value as Record<string, unknown>
    if (looksLikeLabels(record)) {
      const path = paths.find((p) => Object.hasOwn(texts, p))
      const text = path === undefined ? undefined : texts[path]
      return text === undefined || record[language] === text ? value : Object.freeze({ ...record, [language]: text })
    }
    let changed = false
    const next: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(record)) {
      // A rule's principle is labelled where it is defined (core, or the plugin's extraPrinciples).
      const rewritten = key === "principle" || key === "verdict"
        ? child
        : rewrite(child, paths.map((path) => path === "" ? key : `${path}.${key}`))
      if (rewritten !== child) changed = true
      next[key] = rewritten
    }
    return changed ? Object.freeze(next) : value
  }
  const translated = rewrite(plugin, [""]) as P
  const languages: ReadonlyArray<string> = plugin.languages ?? []
  return Object.freeze({
    ...translated,
    languages: Object.freeze(languages.includes(language) ? [...languages] : [...languages, language])
  })
}
