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

/**
 * The plugin with every label whose path is in `texts` written in `language` too, and
 * `language` among its `languages`. Only plain objects and arrays on the way to a label are
 * copied (and frozen); everything else (rules' functions, schemas) is kept as it is.
 */
export const translate = <const P extends Plugin>(
  plugin: P,
  language: string,
  texts: Readonly<Record<string, string>>
): P => {
  const rewrite = (value: unknown, path: string): unknown => {
    if (value === null || typeof value !== "object") return value
    if (Array.isArray(value)) {
      const items: ReadonlyArray<unknown> = value
      const next = items.map((item, i) => rewrite(item, `${path}[${i}]`))
      return next.every((item, i) => item === items[i]) ? value : Object.freeze(next)
    }
    if (!isPlain(value)) return value
    const record = value as Record<string, unknown>
    if (looksLikeLabels(record)) {
      const text = Object.hasOwn(texts, path) ? texts[path] : undefined
      return text === undefined || record[language] === text ? value : Object.freeze({ ...record, [language]: text })
    }
    let changed = false
    const next: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(record)) {
      // A rule's principle is labelled where it is defined (core, or the plugin's extraPrinciples).
      const rewritten = key === "principle" || key === "verdict"
        ? child
        : rewrite(child, path === "" ? key : `${path}.${key}`)
      if (rewritten !== child) changed = true
      next[key] = rewritten
    }
    return changed ? Object.freeze(next) : value
  }
  const translated = rewrite(plugin, "") as P
  const languages: ReadonlyArray<string> = plugin.languages ?? []
  return Object.freeze({
    ...translated,
    languages: Object.freeze(languages.includes(language) ? [...languages] : [...languages, language])
  })
}
