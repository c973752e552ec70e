#!/usr/bin/env node
// The `pomoc-import` executable: see Cli.ts.
import { main } from "./Cli.js"

process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  tty: process.stderr.isTTY === true,
  cwd: process.cwd()
})
