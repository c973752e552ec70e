// Ajv and ajv-formats are CommonJS modules whose default export TypeScript sees as the module
// namespace under NodeNext: unwrap once, here.
import ajvFormats from "ajv-formats"
import ajv2020 from "ajv/dist/2020.js"

export type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js"

type Ajv2020Class = typeof ajv2020.default
type Formats = typeof ajvFormats.default

export const Ajv2020: Ajv2020Class = (ajv2020 as unknown as { default?: Ajv2020Class }).default ??
  (ajv2020 as unknown as Ajv2020Class)
export const addFormats: Formats = ajvFormats.default ?? (ajvFormats as unknown as Formats)

/** Upstream compiles with `--set-additional-properties-false-everywhere`: so do we. */
export const closed = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(closed)
  if (node === null || typeof node !== "object") return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) out[key] = key === "example" ? value : closed(value)
  if ((out["type"] === "object" || out["properties"] !== undefined) && out["additionalProperties"] === undefined) {
    out["additionalProperties"] = false
  }
  return out
}
