// retryable-import.ts for the classic CDN file (vite.config.ts swaps it in): that file inlines
// every import(), which then can't fail, so there is nothing to try again, and a classic script
// must not import anything.
export function retryableImport<T>(importModule: () => Promise<T>): () => Promise<T> {
  return importModule;
}
