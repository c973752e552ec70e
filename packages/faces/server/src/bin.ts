#!/usr/bin/env node
/**
 * The `pomoc-server` command (see `Cli`).
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { main } from "./Cli.js"

let program
try {
  program = main(process.argv.slice(2))
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(2)
}
NodeRuntime.runMain(program)
