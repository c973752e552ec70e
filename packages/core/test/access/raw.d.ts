// Vite's `?raw` imports, used to compare the docs with the data they are generated from.
declare module "*.md?raw" {
  const text: string
  export default text
}
