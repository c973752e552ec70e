// The one tsup configuration of every package (each package's tsup.config.ts calls it): ESM,
// ES2022, declarations from tsc (one .d.ts per module, exactly as the sources export them).
import { defineConfig } from "tsup"

/**
 * @param {{ entry?: Array<string>, platform?: "node" | "neutral" }} [options]
 */
export const pomocTsup = (options = {}) =>
  defineConfig({
    entry: options.entry ?? ["src/index.ts"],
    format: ["esm"],
    target: "es2022",
    platform: options.platform ?? "node",
    tsconfig: "tsconfig.build.json",
    dts: false,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true
  })
