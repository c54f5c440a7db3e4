/**
 * The CDN entry point: one module script that defines only the elements a page uses, fetching
 * each one's code the first time its tag shows up, whether in the HTML or added later.
 *
 *   <script type="module" src="…/dist/cdn/loader.js" data-token-endpoint="/api/circle-token">
 *
 * It imports nothing at load time, so a page without any of the tags pays for this file only.
 * Elements inside shadow roots are not seen: such a page imports the tags' modules itself.
 */

/** Each tag's registering module; the build gives each one its own content-hashed chunk. */
const elementModules: Record<string, () => Promise<unknown>> = {
  'circle-feed': () => import('./define/circle-feed.js'),
  'circle-post': () => import('./define/circle-post.js'),
  'circle-events': () => import('./define/circle-events.js'),
  'circle-notifications': () => import('./define/circle-notifications.js'),
  'circle-notification-preferences': () => import('./define/circle-notification-preferences.js'),
};

// Keys shared with other copies and with the elements (src/config.ts reads the script key): a
// static import of config.ts would pull it into this file, and every chunk would import the
// loader, which runs again if the page's address for it differs from theirs.
const loaderScriptKey = Symbol.for('circle-widgets.loader-script');
const runningKey = Symbol.for('circle-widgets.loader');

/** Tags whose module has been neither asked for nor defined by another copy of the bundle. */
const waiting = new Set<string>();
const done = new Set<string>();
let observer: MutationObserver | undefined;
let waitingForOnline = false;

function markDone(tag: string): void {
  done.add(tag);
  if (done.size === Object.keys(elementModules).length) observer?.disconnect();
}

/**
 * Fetches and runs `tag`'s module; a failed fetch is retried when the tag next appears. While the
 * browser says it is offline nothing is fetched: the waiting tags load once it is back online.
 * TODO: Chromium remembers a module that failed to arrive for the rest of the page, so there a
 * chunk that failed while the browser thought it was online (a CDN outage) stays failed until
 * the page reloads; asking again under another address would still meet the remembered failure
 * of the core chunk it imports.
 */
function load(tag: string): void {
  // Another copy of the bundle (the classic file, say) may have defined it meanwhile.
  if (customElements.get(tag)) {
    waiting.delete(tag);
    markDone(tag);
    return;
  }

  if (navigator.onLine === false) {
    if (!waitingForOnline) addEventListener('online', loadWaiting, { once: true });
    waitingForOnline = true;
    return;
  }
  waiting.delete(tag);

  // The shared core (config.ts is in it) starts downloading now, not once the element's chunk
  // has arrived and named it; the browser fetches each module once either way, and a failure
  // shows up below as the element's.
  import('./config.js').catch(() => undefined);
  elementModules[tag]().then(
    () => markDone(tag),
    (error: unknown) => {
      waiting.add(tag);
      console.error(`[circle-widgets] could not load <${tag}>`, error);
    },
  );
}

/** Back online: loads the tags that showed while the browser was offline. */
function loadWaiting(): void {
  waitingForOnline = false;
  loadWithin(document);
}

/** Loads the modules of the waiting tags that `root` is or holds. */
function loadWithin(root: Element | Document): void {
  if (root instanceof Element && waiting.has(root.localName)) load(root.localName);
  if (waiting.size === 0 || !root.firstElementChild) return;

  for (const element of root.querySelectorAll([...waiting].join(','))) {
    if (waiting.has(element.localName)) load(element.localName);
  }
}

/** The loader's own script tag, whose `data-` attributes hold the page-wide settings. */
function ownScript(): HTMLScriptElement | undefined {
  const scripts = document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]');
  return [...scripts].find((script) => script.src === import.meta.url);
}

function start(): void {
  const scope = globalThis as unknown as Record<symbol, unknown>;

  // A second loader on the page (a plugin and a theme both adding it) leaves it to the first.
  if (scope[runningKey]) return;
  scope[runningKey] = true;
  scope[loaderScriptKey] ??= ownScript();

  for (const tag of Object.keys(elementModules)) {
    if (customElements.get(tag)) done.add(tag);
    else waiting.add(tag);
  }
  if (waiting.size === 0) return;

  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) loadWithin(node);
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  loadWithin(document);
}

start();
