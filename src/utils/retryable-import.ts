/**
 * `importModule`, an `import()` of one module, made worth calling again after it failed; every
 * caller shares the first success.
 *
 * Chromium remembers a module that failed to arrive and fails each later import of its address at
 * once, without asking the network again (browsers that follow the HTML standard's newer rule
 * fetch again). So while the browser says it is offline an attempt fails without asking, leaving
 * nothing to remember, and after a real failure each new attempt asks for the same file at another
 * address: the one the error names, with a query added.
 */
export function retryableImport<T>(importModule: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  let failedAddress: string | undefined;
  let attempts = 0;

  const attempt = (): Promise<T> => {
    if (navigator.onLine === false) return Promise.reject(new Error('The browser is offline.'));

    // TODO: Safari's error names no address, so there a retry repeats the same import, which an
    // older Safari answers with the remembered failure until the page reloads. And a chunk this
    // module imports (the core, the rich text) that is the one that failed stays failed in
    // Chromium: the module asked for again imports it from its remembered address.
    if (!failedAddress) return importModule();

    attempts += 1;
    const address = new URL(failedAddress);
    address.searchParams.set('retry', String(attempts));
    return import(/* @vite-ignore */ /* webpackIgnore: true */ address.href) as Promise<T>;
  };

  return () => {
    loaded ??= attempt().catch((error: unknown) => {
      loaded = undefined;
      failedAddress ??= moduleAddress(error);
      throw error;
    });
    return loaded;
  };
}

/**
 * The address of the module a failed import() names, in the words Chromium and Firefox use for a
 * module that did not arrive. A bundler's own chunk loader (webpack's, in an app that bundles the
 * npm modules) words its failures otherwise and fetches again by itself, so there the import is
 * simply made again.
 */
function moduleAddress(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  return /dynamically imported module:?\s*(https?:\/\/[^\s'"()]+)/i.exec(message)?.[1];
}
