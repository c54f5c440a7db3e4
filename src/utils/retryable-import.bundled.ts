// retryable-import.ts for the classic CDN file (vite.config.ts swaps it in), which inlines every
// import(): nothing is fetched, so nothing can fail for a browser to remember.
export function retryableImport<T>(importModule: () => Promise<T>): () => Promise<T> {
  return importModule;
}
