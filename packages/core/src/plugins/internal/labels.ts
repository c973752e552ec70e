/**
 * What a label is, wherever it sits in a plugin: an object whose keys are all language tags,
 * one of them at least one of the four every label carries.
 *
 * @internal
 */
import { languages } from "../../model/Common.js"

/** A BCP 47 language tag, as plugins write them (`en`, `uk`, `pt-BR`). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

/** The four languages every label carries. */
export const languageSet: ReadonlySet<string> = new Set(languages)

/** Labels: every key a language tag, one of them at least one of the four. */
export const looksLikeLabels = (value: Record<string, unknown>): boolean => {
  const keys = Object.keys(value)
  return keys.some((key) => languageSet.has(key)) && keys.every((key) => LANGUAGE_TAG.test(key))
}
