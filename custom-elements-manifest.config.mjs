// Generates custom-elements.json from the elements' source and JSDoc.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  // The staleness check writes elsewhere and compares.
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  packagejson: false,
};
