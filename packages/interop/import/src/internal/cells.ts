// Reading one cell as the mapping's column says. A failure is a rule, never the cell's value.
import type { Column } from "../Mapping.js"
import type { Cell } from "../Sheet.js"

export type Read = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly rule: string }

const ok = (value: unknown): Read => ({ ok: true, value })
const no = (rule: string): Read => ({ ok: false, rule })

const TRUE = new Set(["true", "yes", "y", "1", "x", "ano", "a"])
const FALSE = new Set(["false", "no", "n", "0", "ne"])

const pad = (n: number) => String(n).padStart(2, "0")

/** A valid calendar day, or undefined. */
const day = (y: number, m: number, d: number): Date | undefined => {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const DOTTED_DAY = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/
const DAY_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/

const parseDay = (text: string): Date | undefined => {
  const iso = ISO_DAY.exec(text)
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const dotted = DOTTED_DAY.exec(text)
  if (dotted) return day(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]))
  return undefined
}

const parseDateTime = (text: string): Date | undefined => {
  const m = DAY_TIME.exec(text)
  if (m === null) return parseDay(text)
  const d = day(Number(m[1]), Number(m[2]), Number(m[3]))
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)]
  if (d === undefined || h > 23 || min > 59 || s > 59) return undefined
  // Without an offset the time is taken as UTC (say so in the mapping's docs).
  const iso = `${m[1]}-${m[2]}-${m[3]}T${pad(h)}:${pad(min)}:${pad(s)}${
    m[7] === undefined || m[7] === "Z" ? "Z" : m[7]
  }`
  const parsed = new Date(iso)
  return Number.isNaN(parsed.getTime()) ? undefined : parsed
}

const numberOf = (cell: Cell): number | undefined => {
  if (typeof cell === "number") return cell
  if (typeof cell !== "string") return undefined
  const text = cell.replace(/\s/g, "").replace(",", ".")
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined
  return Number(text)
}

/** Is the cell empty (absent, null, or only spaces)? */
export const isEmpty = (cell: Cell | undefined): boolean =>
  cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "")

/** Reads a non-empty cell as the column says (translating it through `values` first). */
export const read = (column: Column, raw: Cell): Read => {
  const translate = (text: string) =>
    column.values !== undefined && Object.prototype.hasOwnProperty.call(column.values, text)
      ? column.values[text]!
      : text
  const cell: Cell = typeof raw === "string" ? translate(raw.trim()) : raw
  switch (column.type ?? "text") {
    case "text":
      return ok(cell instanceof Date ? cell.toISOString() : String(cell))
    case "list": {
      const text = cell instanceof Date ? cell.toISOString() : String(cell)
      return ok(text.split(column.separator ?? ";").map((s) => translate(s.trim())).filter((s) => s !== ""))
    }
    case "integer": {
      const n = numberOf(cell)
      return n !== undefined && Number.isInteger(n) ? ok(n) : no("is not a whole number")
    }
    case "number": {
      const n = numberOf(cell)
      return n !== undefined && Number.isFinite(n) ? ok(n) : no("is not a number")
    }
    case "boolean": {
      if (typeof cell === "boolean") return ok(cell)
      const text = String(cell).toLowerCase()
      return TRUE.has(text) ? ok(true) : FALSE.has(text) ? ok(false) : no("is not yes or no")
    }
    case "date": {
      if (cell instanceof Date) {
        return ok(new Date(Date.UTC(cell.getUTCFullYear(), cell.getUTCMonth(), cell.getUTCDate())).toISOString())
      }
      const d = typeof cell === "string" ? parseDay(cell) : undefined
      return d !== undefined ? ok(d.toISOString()) : no("is not a date (YYYY-MM-DD or D.M.YYYY)")
    }
    case "datetime": {
      if (cell instanceof Date) return ok(cell.toISOString())
      const d = typeof cell === "string" ? parseDateTime(cell) : undefined
      return d !== undefined ? ok(d.toISOString()) : no("is not a date and time (YYYY-MM-DD HH:MM or ISO 8601)")
    }
  }
}
