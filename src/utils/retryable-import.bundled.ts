// retryable-import.ts for the builds whose imports no browser loads by address (vite.config.ts
// swaps it in): the classic CDN file inlines every import(), which then can't fail, and an app
// bundling the npm modules loads their chunks with its own bundler's runtime, which fetches a
// failed chunk again by itself. Either way trying again is only importing again.
export function retryableImport<T>(importModule: () => Promise<T>): () => Promise<T> {
  return importModule;
}
