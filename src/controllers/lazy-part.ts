import { adoptStyles, supportsAdoptingStyleSheets } from 'lit';
import type { CSSResultOrNative, ReactiveController, ReactiveElement } from 'lit';

import { CircleApiError } from '../api/errors.js';

/** What a lazily fetched module may bring besides its code: styles for the host's shadow root. */
export interface LazyModule {
  styles?: CSSResultOrNative[];
}

/**
 * What a part whose code could not be fetched shows: a lost connection, so the reader is told to
 * check it, offered a retry, and the retry runs by itself once the browser is back online.
 */
export const codeUnreachable = new CircleApiError(
  'network',
  'A part of the widget could not be fetched.',
);

/**
 * Code that an element needs only in some views or after a click, such as a dialog: fetched the
 * first time it is wanted, so it stays out of the element's first download. Its styles join the
 * element's own, and the host updates once it is in. A fetch that fails sets `failed` and
 * updates the host, which can offer to try again with another `load()`. Give it an import
 * wrapped in `retryableImport()`, once per module: a browser may answer a second `import()` of an
 * address that failed with the same failure, without fetching.
 */
export class LazyPart<T extends LazyModule> implements ReactiveController {
  /** The module, once it is in. */
  module?: T;

  /** Whether the last fetch failed (offline, or the CDN could not be reached). */
  failed = false;

  /** Whether a `retry()` is on its way; `failed` stays set until it is answered. */
  retrying = false;

  private loading?: Promise<T | undefined>;

  /** Whether a reader asked for the part (not only a prefetch) since the last fetch ended. */
  private asked = false;

  /**
   * @param fetchModule The module's `import()`, wrapped in `retryableImport()` once per module.
   * @param onFailure Called once for each failed fetch that a reader asked for, to tell the page;
   *   a prefetch that fails is left for the reader's own request to report.
   */
  constructor(
    private readonly host: ReactiveElement,
    private readonly fetchModule: () => Promise<T>,
    private readonly onFailure?: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // A module that came in before the element first connected has no shadow root to style yet.
    if (this.module) this.adoptStyles(this.module);
  }

  /**
   * Fetches the module unless it is in or on its way; resolves with it, or undefined on failure.
   * A new fetch after a failed one clears `failed` and updates the host, which can show that it
   * is loading again rather than the old failure.
   */
  load(): Promise<T | undefined> {
    this.asked = true;
    return this.fetch();
  }

  /**
   * Fetches a failed part again, keeping `failed` set (and so its error and the reader's focus on
   * its retry button) until the answer comes; `retrying` says that it is on its way.
   */
  retry(): Promise<T | undefined> {
    if (!this.failed || this.retrying) return this.load();

    this.asked = true;
    this.retrying = true;
    this.host.requestUpdate();
    return this.fetch(true);
  }

  /**
   * Starts the fetch when a reader shows they are about to need the part (a pointer or focus
   * reaching its button), so that the click rarely waits. A part whose fetch failed waits for the
   * reader's own retry instead, so that nothing opens unasked.
   */
  prefetch(): void {
    if (!this.module && !this.failed) void this.fetch();
  }

  private fetch(keepFailed = false): Promise<T | undefined> {
    if (!this.loading && this.failed && !keepFailed) {
      this.failed = false;
      this.host.requestUpdate();
    }
    this.loading ??= this.fetchModule().then(
      (module) => {
        this.module = module;
        this.failed = false;
        this.retrying = false;
        this.adoptStyles(module);
        this.host.requestUpdate();
        return module;
      },
      () => {
        this.loading = undefined;
        this.failed = true;
        this.retrying = false;
        this.host.requestUpdate();
        if (this.asked) this.onFailure?.();
        this.asked = false;
        return undefined;
      },
    );
    return this.loading;
  }

  private adoptStyles(module: T): void {
    const root = this.host.renderRoot;
    if (module.styles && root instanceof ShadowRoot) adoptPartStyles(root, module.styles);
  }
}

/** The part styles each shadow root has been given, so that none is added twice. */
const adoptedParts = new WeakMap<ShadowRoot, Set<CSSResultOrNative>>();

/**
 * Adds a lazily fetched part's styles after those a shadow root already has, once per root: also
 * for code that draws into a root without being its element's controller (the rich-text renderer).
 */
export function adoptPartStyles(root: ShadowRoot, styles: CSSResultOrNative[]): void {
  let adopted = adoptedParts.get(root);
  if (!adopted) adoptedParts.set(root, (adopted = new Set()));
  const added = styles.filter((style) => !adopted.has(style));
  if (added.length === 0) return;

  added.forEach((style) => adopted.add(style));
  if (supportsAdoptingStyleSheets) {
    const sheets = added.map((style) =>
      style instanceof CSSStyleSheet ? style : style.styleSheet!,
    );
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  } else {
    // Without constructable style sheets Lit adds <style> elements, after the host's own.
    adoptStyles(root, added);
  }
}
