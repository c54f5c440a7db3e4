import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the `theme` attribute takes; `auto` follows the page, then the system. */
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The theme an element ends up drawn in. */
export type ResolvedTheme = 'light' | 'dark';

/** What the `preset` attribute takes: ready palettes, each with light and dark values. */
export const PRESETS = ['circle', 'minimal', 'contrast'] as const;
export type ThemePreset = (typeof PRESETS)[number];

/** The values `--circle-density` takes; anything else counts as comfortable. */
export type Density = 'comfortable' | 'compact';

/** Classes and attributes with which sites switch their own theme, on <html> or <body>. */
const DARK_CLASSES = ['dark', 'theme-dark', 'dark-mode'];
const LIGHT_CLASSES = ['light', 'theme-light', 'light-mode'];
const THEME_ATTRIBUTES = ['data-theme', 'data-bs-theme', 'data-mode'];

/** `style` too: an inline `color-scheme` or custom property can switch the theme as well. */
const WATCHED_ATTRIBUTES = ['class', 'style', ...THEME_ATTRIBUTES];

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The scheme the page's `<meta name="color-scheme">` names, when it names just one. */
function metaScheme(): ResolvedTheme | undefined {
  const meta = document.head?.querySelector<HTMLMetaElement>('meta[name="color-scheme" i]');
  return meta ? singleScheme(meta.content.trim().toLowerCase()) : undefined;
}

/** The theme the page declares with a class or data attribute on <body> or <html>, if any. */
export function declaredPageTheme(): ResolvedTheme | undefined {
  for (const node of [document.body, document.documentElement]) {
    const declared = node ? declaredTheme(node) : undefined;
    if (declared) return declared;
  }
  return undefined;
}

function declaredTheme(node: HTMLElement): ResolvedTheme | undefined {
  for (const name of THEME_ATTRIBUTES) {
    const value = node.getAttribute(name)?.trim().toLowerCase();
    if (value === 'dark' || value === 'light') return value;
  }
  if (DARK_CLASSES.some((name) => node.classList.contains(name))) return 'dark';
  if (LIGHT_CLASSES.some((name) => node.classList.contains(name))) return 'light';
  return undefined;
}

/** The scheme a computed `color-scheme` names when it names just one ("light dark" names two). */
function singleScheme(colorScheme: string): ResolvedTheme | undefined {
  const words = colorScheme.split(/\s+/);
  const dark = words.includes('dark');
  const light = words.includes('light');
  if (dark === light) return undefined;
  return dark ? 'dark' : 'light';
}

type Listener = () => void;

/**
 * Watches the page's theme switches once for every element on it: the classes, data attributes
 * and inline styles of <html> and <body>, what is added to <head> (a `color-scheme` meta tag or
 * a style sheet that sets `color-scheme`), and the system's colour scheme. It runs only while
 * some element listens.
 */
class PageThemeWatcher {
  private readonly listeners = new Set<Listener>();
  private observer?: MutationObserver;
  private headObserver?: MutationObserver;
  private media?: MediaQueryList;
  private observedBody?: HTMLElement;
  private observedHead?: HTMLHeadElement;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    else this.observeBody();

    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  private readonly notify = (): void => {
    this.observeBody();
    for (const listener of [...this.listeners]) listener();
  };

  /**
   * A meta tag or style sheet added, removed or switched may change the scheme; the text that
   * CSS-in-JS libraries keep writing into their own sheets is left alone, as reading every
   * element's styles again after each of those would slow such pages down.
   */
  private readonly onHeadChange = (records: MutationRecord[]): void => {
    const head = document.head;
    if (records.some((record) => record.type === 'attributes' || record.target === head)) {
      this.notify();
    }
  };

  private start(): void {
    this.observer = new MutationObserver(this.notify);
    this.observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    this.headObserver = new MutationObserver(this.onHeadChange);
    this.observeBody();

    this.media = matchMedia(DARK_QUERY);
    this.media.addEventListener('change', this.notify);
  }

  /** <body> may not exist yet when the first element connects, or may be replaced later. */
  private observeBody(): void {
    const body = document.body;
    if (this.observer && body && body !== this.observedBody) {
      this.observedBody = body;
      this.observer.observe(body, { attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
    }

    const head = document.head;
    if (this.headObserver && head && head !== this.observedHead) {
      this.observedHead = head;
      this.headObserver.observe(head, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['name', 'content', 'media', 'disabled'],
      });
    }
  }

  private stop(): void {
    this.observer?.disconnect();
    this.headObserver?.disconnect();
    this.media?.removeEventListener('change', this.notify);
    this.observer = this.headObserver = this.media = undefined;
    this.observedBody = this.observedHead = undefined;
  }
}

const pageThemeWatcher = new PageThemeWatcher();

/** What the controller needs from its element. */
export interface ThemedHost extends ReactiveControllerHost, HTMLElement {
  theme: string;
}

/**
 * Works out an element's theme and density and writes them on the host as
 * `data-circle-theme="light|dark"` and `data-circle-density="compact"`, which its CSS switches
 * on. It works them out again when the element's `theme` changes and whenever the page's
 * switches do, before the next frame is drawn, so a change of theme never flashes.
 *
 * For `auto`, the page's own switch wins: a dark or light class or data attribute on <body> or
 * <html>, then a single `color-scheme` on the element's parent, then a single scheme in the
 * page's `<meta name="color-scheme">`, then the system's setting.
 */
export class ThemeController implements ReactiveController {
  private unsubscribe?: () => void;
  private appliedSetting?: string;

  constructor(private readonly host: ThemedHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe ??= pageThemeWatcher.subscribe(this.apply);
    this.apply();
  }

  hostUpdate(): void {
    if (this.host.theme !== this.appliedSetting) this.apply();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Works the theme and density out again, and writes them on the host when they changed. */
  readonly apply = (): void => {
    this.appliedSetting = this.host.theme;

    const theme = this.resolveTheme();
    if (this.host.dataset.circleTheme !== theme) this.host.dataset.circleTheme = theme;

    const compact = this.readDensity() === 'compact';
    const markedCompact = this.host.dataset.circleDensity === 'compact';
    if (compact && !markedCompact) this.host.dataset.circleDensity = 'compact';
    if (!compact && markedCompact) delete this.host.dataset.circleDensity;
  };

  private resolveTheme(): ResolvedTheme {
    const { theme } = this.host;
    if (theme === 'light' || theme === 'dark') return theme;

    return (
      declaredPageTheme() ??
      this.parentScheme() ??
      metaScheme() ??
      (matchMedia(DARK_QUERY).matches ? 'dark' : 'light')
    );
  }

  // TODO: a `color-scheme` that changes on a wrapper other than <html> or <body> is read when
  // the element connects and when the page's switches change, not the moment it changes.
  /** The parent's single `color-scheme`: the element's own follows its theme, so it can't say. */
  private parentScheme(): ResolvedTheme | undefined {
    const root = this.host.getRootNode();
    const parent = this.host.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
    return parent ? singleScheme(getComputedStyle(parent).colorScheme) : undefined;
  }

  // TODO: a `--circle-density` set by a style sheet is read when the element connects and when
  // the page's theme switches change, not when only the style sheet changes.
  /** CSS can't turn a keyword into a number, so `--circle-density` is read here. */
  private readDensity(): Density {
    const value = getComputedStyle(this.host).getPropertyValue('--circle-density');
    return value.trim().toLowerCase() === 'compact' ? 'compact' : 'comfortable';
  }
}
