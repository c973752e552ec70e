// RFC 4180 CSV: fields separated by commas, quoted with `"` when they hold a comma, a quote or a
// line break, quotes doubled inside quotes; records end with CRLF (LF accepted when reading).

const needsQuotes = /[",\r\n]/

/** Writes rows (the first being the header) as RFC 4180 CSV. */
export const write = (rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  rows.map((row) => row.map((f) => (needsQuotes.test(f) ? `"${f.replaceAll("\"", "\"\"")}"` : f)).join(",")).join(
    "\r\n"
  ) + "\r\n"

/** Reads RFC 4180 CSV into rows of fields; `undefined` when a quote is never closed. */
export const read = (text: string): Array<Array<string>> | undefined => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let field = ""
  let i = 0
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  while (i < source.length) {
    const c = source[i]!
    if (c === "\"" && field === "") {
      i++
      let value = ""
      for (;;) {
        const end = source.indexOf("\"", i)
        if (end < 0) return undefined
        value += source.slice(i, end)
        if (source[end + 1] === "\"") {
          value += "\""
          i = end + 2
        } else {
          i = end + 1
          break
        }
      }
      field = value
      continue
    }
    if (c === ",") {
      row.push(field)
      field = ""
    } else if (c === "\n" || c === "\r") {
      row.push(field)
      rows.push(row)
      row = []
      field = ""
      if (c === "\r" && source[i + 1] === "\n") i++
    } else {
      field += c
    }
    i++
  }
  if (field !== "" || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}
