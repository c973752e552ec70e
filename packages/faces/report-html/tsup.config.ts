import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  target: "es2022",
  platform: "node",
  tsconfig: "tsconfig.build.json",
  // Declarations come from tsc (one .d.ts per module, exactly as the sources export them).
  dts: false,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true
})
