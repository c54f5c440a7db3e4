import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { delay, http } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { axeViolations, captureWarnings, shadow, waitFor } from './support/dom.js';
import type { CircleElement } from '../src/elements/circle-element.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import '../src/elements/circle-feed/circle-feed.js';
import '../src/elements/circle-post/circle-post.js';
import '../src/elements/circle-events/circle-events.js';
import '../src/elements/circle-notifications/circle-notifications.js';
import '../src/elements/circle-notification-preferences/circle-notification-preferences.js';

const API = 'https://app.circle.so/api/headless/v1';
const WAIT = { timeout: 4000 };

const PRESETS = ['circle', 'minimal', 'contrast'] as const;
const THEMES = ['light', 'dark'] as const;

// -------------------------------------------------------------------------------------------
// Colours as the browser resolved them

type Rgba = [number, number, number, number];

const canvas = document.createElement('canvas');
canvas.width = canvas.height = 1;
const paint = canvas.getContext('2d', { willReadFrequently: true })!;

/** Any CSS colour the browser computed (rgb(), color(srgb …), …) as 8-bit RGBA. */
function rgba(color: string): Rgba {
  paint.clearRect(0, 0, 1, 1);
  paint.fillStyle = '#010203';
  paint.fillStyle = color;
  if (paint.fillStyle === '#010203' && !/^rgb\(1, 2, 3\)$/.test(color)) {
    throw new Error(`the canvas could not read the colour ${color}`);
  }
  paint.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** `top` laid over `bottom`, which is opaque. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const alpha = top[3];
  const mix = (i: number) => top[i] * alpha + bottom[i] * (1 - alpha);
  return [mix(0), mix(1), mix(2), 1];
}

/** Relative luminance, as WCAG 2 defines it. */
function luminance([r, g, b]: Rgba): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(foreground: Rgba, background: Rgba): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/** The parent in the flat tree: out of a shadow root, to its host. */
function parentOf(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** What shows behind `node`: its and its ancestors' backgrounds, laid over the white page. */
function backdrop(node: Element | null): Rgba {
  const layers: Rgba[] = [];
  for (let current = node; current; current = parentOf(current)) {
    const color = rgba(getComputedStyle(current).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] === 1) break;
  }
  return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/** The contrast of `node`'s text against what shows behind it. */
function textContrast(node: Element): number {
  const background = backdrop(node);
  return contrast(over(rgba(getComputedStyle(node).color), background), background);
}

/** The contrast of a line drawn around `node` (a border or outline) against its surroundings. */
function lineContrast(node: Element, color: string): number {
  const background = backdrop(parentOf(node));
  return contrast(over(rgba(color), background), background);
}

const backgroundOf = (node: Element) => rgba(getComputedStyle(node).backgroundColor);
const colorOf = (node: Element) => rgba(getComputedStyle(node).color);

// -------------------------------------------------------------------------------------------
// The elements, loaded from the sandbox community

interface Subject {
  tag: string;
  /** Attributes besides the token endpoint. */
  attributes: () => string;
  /** Waits until the element shows its content, opening it first if it must be opened. */
  show: (element: CircleElement) => Promise<void>;
  /** A line of secondary text. */
  muted: string;
  /** Something painted with the surface colour. */
  surface: string;
  /** Form fields whose borders must stand out. */
  fields?: string;
}

const part = (element: Element, name: string) => shadow(element, `[part~="${name}"]`);

const openPost = () =>
  sandbox.db.posts.find(
    (post) =>
      post.name &&
      post.is_comments_enabled &&
      !post.is_comments_closed &&
      sandbox.db.comments.some((comment) => comment.post_id === post.id),
  )!;

const SUBJECTS: Subject[] = [
  {
    tag: 'circle-feed',
    attributes: () => '',
    show: async (element) => {
      await waitFor(element, '[part~="item"] [part~="title"]');
    },
    muted: 'meta',
    surface: 'item',
  },
  {
    tag: 'circle-post',
    attributes: () => {
      const post = openPost();
      return `space="${post.space.slug}" post="${post.slug}"`;
    },
    show: async (element) => {
      await waitFor(element, '[part~="textarea"]');
    },
    muted: 'meta',
    surface: 'textarea',
    fields: '[part~="textarea"], [part~="sort"]',
  },
  {
    tag: 'circle-events',
    attributes: () => '',
    show: async (element) => {
      await waitFor(element, '[part~="item"] [part~="title"]');
    },
    muted: 'time',
    surface: 'item',
  },
  {
    tag: 'circle-notifications',
    attributes: () => '',
    show: async (element) => {
      await waitFor(element, '[part~="badge"]');
      part(element, 'bell')!.click();
      await waitFor(element, '[part~="item"] [part~="meta"]');
    },
    muted: 'meta',
    surface: 'panel',
  },
  {
    tag: 'circle-notification-preferences',
    attributes: () => '',
    show: async (element) => {
      await waitFor(element, '[part~="space-item"]');
    },
    muted: 'intro',
    surface: 'section',
    fields: '[part~="select"], [part~="switch"]',
  },
];

async function create(subject: Subject, extra = ''): Promise<CircleElement> {
  const container = await fixture<HTMLDivElement>(
    `<div><${subject.tag} token-endpoint="/api/circle-token" ${subject.attributes()} ${extra}>
    </${subject.tag}></div>`,
  );
  return container.querySelector<CircleElement>(subject.tag)!;
}

async function feed(extra = '', wrapper = ''): Promise<CircleElement> {
  const container = await fixture<HTMLDivElement>(
    `<div ${wrapper}><circle-feed token-endpoint="/api/circle-token" ${extra}></circle-feed></div>`,
  );
  const element = container.querySelector<CircleElement>('circle-feed')!;
  await waitFor(element, '[part~="item"] [part~="title"]');
  return element;
}

/**
 * Reads something off a feed, then takes the feed away: the feed only draws the cards near the
 * viewport, so a second one below it would show nothing.
 */
async function readFeed<T>(extra: string, read: (element: CircleElement) => T, wrapper = '') {
  const element = await feed(extra, wrapper);
  try {
    return read(element);
  } finally {
    element.parentElement!.remove();
  }
}

const base = (element: Element) => part(element, 'base')!;
const firstCard = (element: Element) => shadow(element, '[part~="item"]')!;

/** Nodes added to the element's own shadow tree, styled by its own CSS, to read a colour. */
function withProbe<T>(element: Element, markup: string, read: (probe: HTMLElement) => T): T {
  const probe = document.createElement('div');
  probe.innerHTML = markup;
  base(element).append(probe);
  try {
    return read(probe);
  } finally {
    probe.remove();
  }
}

// -------------------------------------------------------------------------------------------

const documentElement = document.documentElement;

/** Undoes whatever a test switched on the page. */
async function resetPage(): Promise<void> {
  for (const node of [documentElement, document.body]) {
    node.classList.remove('dark', 'light', 'theme-dark', 'dark-mode');
    for (const name of ['data-theme', 'data-bs-theme', 'data-mode']) node.removeAttribute(name);
    node.style.removeProperty('color-scheme');
  }
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
}

describe('theming', () => {
  beforeEach(async () => {
    resetSessions();
    resetWarnings();
    await resetPage();
  });

  after(resetPage);

  describe('tokens', () => {
    it('lets --circle-* properties set colours, shape, type and spacing inside the shadow root', async () => {
      const element = await feed(
        `style="--circle-color-surface: rgb(10, 20, 30); --circle-color-text: rgb(250, 240, 230);
          --circle-radius: 3px; --circle-space: 10px; --circle-shadow: none;
          --circle-heading-weight: 800; --circle-font-family: monospace;
          --circle-feed-gap: 7px"`,
      );
      const card = firstCard(element);
      const title = card.querySelector('[part~="title"]')!;
      const style = getComputedStyle(card);

      expect(style.backgroundColor).to.equal('rgb(10, 20, 30)');
      expect(style.borderTopLeftRadius).to.equal('3px');
      expect(style.paddingTop).to.equal('10px');
      expect(style.boxShadow).to.equal('none');
      expect(getComputedStyle(title).color).to.equal('rgb(250, 240, 230)');
      expect(getComputedStyle(title).fontWeight).to.equal('800');
      expect(getComputedStyle(title).fontFamily).to.equal('monospace');

      const cards = [...element.shadowRoot!.querySelectorAll('[part~="item"]')];
      const gap = cards[1].getBoundingClientRect().top - cards[0].getBoundingClientRect().bottom;
      expect(Math.round(gap)).to.equal(7);
    });

    it('uses the host page font unless --circle-font-family names another', async () => {
      const inherited = await feed('', 'style="font-family: Georgia, serif"');
      const title = firstCard(inherited).querySelector('[part~="title"]')!;
      expect(getComputedStyle(title).fontFamily).to.equal('Georgia, serif');

      inherited.style.setProperty('--circle-font-family', '"Courier New", monospace');
      expect(getComputedStyle(title).fontFamily).to.equal('"Courier New", monospace');
    });

    it('tightens spacing with --circle-density: compact', async () => {
      const padding = (element: CircleElement) => getComputedStyle(firstCard(element)).paddingTop;
      const comfortable = await readFeed('style="--circle-space: 20px"', padding);
      const compact = await readFeed(
        'style="--circle-space: 20px; --circle-density: compact"',
        padding,
      );

      expect(comfortable).to.equal('20px');
      expect(compact).to.equal('15px');
    });

    it('reaches every element: text, accent, surface and background tokens', async () => {
      for (const subject of SUBJECTS) {
        resetSessions();
        const element = await create(
          subject,
          `style="--circle-color-text: rgb(1, 2, 3); --circle-color-accent: rgb(4, 5, 6);
            --circle-color-surface: rgb(7, 8, 9); --circle-color-background: rgb(10, 11, 12)"`,
        );
        await subject.show(element);

        const shownBase = base(element);
        const surface = part(element, subject.surface)!;
        expect(getComputedStyle(shownBase).color, subject.tag).to.equal('rgb(1, 2, 3)');
        expect(getComputedStyle(surface).backgroundColor, subject.tag).to.equal('rgb(7, 8, 9)');
        // The notification panel paints the surface around its list instead.
        const background = subject.surface === 'panel' ? 'rgba(0, 0, 0, 0)' : 'rgb(10, 11, 12)';
        expect(getComputedStyle(shownBase).backgroundColor, subject.tag).to.equal(background);
        const linkColor = withProbe(
          element,
          '<a href="#probe">link</a>',
          (probe) => getComputedStyle(probe.firstElementChild!).color,
        );
        expect(linkColor, subject.tag).to.equal('rgb(4, 5, 6)');
      }
    });
  });

  describe('theme', () => {
    it('draws theme="dark" and theme="light" whatever the system prefers', async () => {
      const look = (element: CircleElement) => ({
        theme: element.dataset.circleTheme,
        card: luminance(backgroundOf(firstCard(element))),
        text: luminance(colorOf(base(element))),
        colorScheme: getComputedStyle(element).colorScheme,
      });
      await emulateMedia({ colorScheme: 'dark' });
      const light = await readFeed('theme="light"', look);
      await emulateMedia({ colorScheme: 'light' });
      const dark = await readFeed('theme="dark"', look);

      expect(light.theme).to.equal('light');
      expect(light.card).to.be.above(0.9);
      expect(light.text).to.be.below(0.05);
      expect(dark.theme).to.equal('dark');
      expect(dark.card).to.be.below(0.05);
      expect(dark.text).to.be.above(0.7);
      expect(dark.colorScheme).to.equal('dark');
    });

    it('follows the system colour scheme in auto, live', async () => {
      const element = await feed();
      const card = firstCard(element);
      expect(element.dataset.circleTheme).to.equal('light');
      const lightBackground = getComputedStyle(card).backgroundColor;

      await emulateMedia({ colorScheme: 'dark' });
      await waitUntil(() => element.dataset.circleTheme === 'dark', 'did not turn dark', WAIT);
      expect(firstCard(element)).to.equal(card);
      expect(getComputedStyle(card).backgroundColor).not.to.equal(lightBackground);
      expect(luminance(backgroundOf(card))).to.be.below(0.05);

      await emulateMedia({ colorScheme: 'light' });
      await waitUntil(() => element.dataset.circleTheme === 'light', 'did not turn light', WAIT);
      expect(getComputedStyle(card).backgroundColor).to.equal(lightBackground);
    });

    it("follows the host page's dark class on <html> before the next frame", async () => {
      const element = await feed();
      const card = firstCard(element);
      const lightBackground = getComputedStyle(card).backgroundColor;

      documentElement.classList.add('dark');
      // The watcher's mutation callback runs before this await returns: no frame in between.
      await Promise.resolve();
      expect(element.dataset.circleTheme).to.equal('dark');
      expect(getComputedStyle(card).backgroundColor).not.to.equal(lightBackground);
      expect(luminance(backgroundOf(card))).to.be.below(0.05);

      documentElement.classList.remove('dark');
      await Promise.resolve();
      expect(element.dataset.circleTheme).to.equal('light');
      expect(getComputedStyle(card).backgroundColor).to.equal(lightBackground);
      expect(firstCard(element)).to.equal(card);
    });

    it("follows the page's other dark switches, and its light one over the system's", async () => {
      const element = await feed();
      const switches: [HTMLElement, string, string][] = [
        [document.body, 'class', 'theme-dark'],
        [document.body, 'class', 'dark-mode'],
        [documentElement, 'data-theme', 'dark'],
        [document.body, 'data-bs-theme', 'dark'],
        [documentElement, 'data-mode', 'dark'],
      ];
      for (const [node, name, value] of switches) {
        if (name === 'class') node.classList.add(value);
        else node.setAttribute(name, value);
        await Promise.resolve();
        expect(element.dataset.circleTheme, `${name}="${value}"`).to.equal('dark');

        if (name === 'class') node.classList.remove(value);
        else node.removeAttribute(name);
        await Promise.resolve();
        expect(element.dataset.circleTheme, `without ${name}="${value}"`).to.equal('light');
      }

      await emulateMedia({ colorScheme: 'dark' });
      await waitUntil(() => element.dataset.circleTheme === 'dark', 'did not turn dark', WAIT);
      documentElement.setAttribute('data-theme', 'light');
      await Promise.resolve();
      expect(element.dataset.circleTheme).to.equal('light');
    });

    it("follows the parent's color-scheme", async () => {
      const theme = (element: CircleElement) => element.dataset.circleTheme;
      expect(await readFeed('', theme, 'style="color-scheme: dark"')).to.equal('dark');
      expect(await readFeed('', theme, 'style="color-scheme: light dark"')).to.equal('light');
    });

    it("follows a change of the page's color-scheme live, with no class or data switch", async () => {
      const element = await feed('theme="auto"');
      const card = firstCard(element);
      expect(element.dataset.circleTheme).to.equal('light');
      const lightBackground = getComputedStyle(card).backgroundColor;

      documentElement.style.colorScheme = 'dark';
      // Re-themed before the next frame is drawn, so the old theme never flashes.
      await Promise.resolve();
      expect(element.dataset.circleTheme).to.equal('dark');
      expect(firstCard(element), 'the same card, not a reload').to.equal(card);
      expect(getComputedStyle(card).backgroundColor).not.to.equal(lightBackground);
      expect(luminance(backgroundOf(card))).to.be.below(0.05);
      expect(getComputedStyle(element).colorScheme).to.equal('dark');

      documentElement.style.colorScheme = 'light';
      await Promise.resolve();
      expect(element.dataset.circleTheme).to.equal('light');
      expect(getComputedStyle(card).backgroundColor).to.equal(lightBackground);
      expect(firstCard(element)).to.equal(card);
    });

    it('follows a color-scheme meta tag or style sheet that the page adds to <head>, live', async () => {
      const element = await feed('theme="auto"');
      expect(element.dataset.circleTheme).to.equal('light');

      const meta = document.createElement('meta');
      meta.name = 'color-scheme';
      meta.content = 'dark';
      document.head.append(meta);
      try {
        await Promise.resolve();
        expect(element.dataset.circleTheme, 'meta dark').to.equal('dark');
        meta.content = 'light dark';
        await Promise.resolve();
        expect(element.dataset.circleTheme, 'meta light dark, a light system').to.equal('light');
      } finally {
        meta.remove();
      }

      const sheet = document.createElement('style');
      sheet.textContent = ':root { color-scheme: dark; }';
      document.head.append(sheet);
      try {
        await Promise.resolve();
        expect(element.dataset.circleTheme, 'a style sheet').to.equal('dark');
        expect(luminance(backgroundOf(firstCard(element)))).to.be.below(0.05);
      } finally {
        sheet.remove();
      }
      await Promise.resolve();
      expect(element.dataset.circleTheme).to.equal('light');
    });

    it('keeps an explicit theme when the page switches', async () => {
      const element = await feed('theme="light"');
      documentElement.classList.add('dark');
      await Promise.resolve();
      expect(element.dataset.circleTheme).to.equal('light');

      element.theme = 'auto';
      await element.updateComplete;
      expect(element.dataset.circleTheme).to.equal('dark');
    });

    it('stops listening while removed, and catches up when put back', async () => {
      const element = await feed();
      element.remove();
      documentElement.classList.add('dark');
      await Promise.resolve();
      expect(element.dataset.circleTheme).to.equal('light');

      document.body.append(element);
      expect(element.dataset.circleTheme).to.equal('dark');
      element.remove();
    });

    it('says so, and draws the defaults, for an unknown theme or preset', async () => {
      const look = (element: CircleElement) => {
        const style = getComputedStyle(firstCard(element));
        return [element.dataset.circleTheme, style.backgroundColor, style.borderTopLeftRadius];
      };
      let unknown: (string | undefined)[] = [];
      const warnings = await captureWarnings(async () => {
        unknown = await readFeed('theme="neon" preset="retro"', look);
      });

      expect(warnings.some((warning) => warning.includes('theme="neon"'))).to.equal(true);
      expect(warnings.some((warning) => warning.includes('preset="retro"'))).to.equal(true);
      expect(unknown).to.deep.equal(await readFeed('', look));
    });
  });

  describe('presets', () => {
    it('change palette, radius and shadows, live', async () => {
      const element = await feed();
      const card = firstCard(element);
      const seen = new Map<string, string>();

      for (const preset of PRESETS) {
        for (const theme of THEMES) {
          element.preset = preset;
          element.theme = theme;
          await element.updateComplete;
          expect(element.getAttribute('preset')).to.equal(preset);

          const style = getComputedStyle(card);
          const look = [style.backgroundColor, style.borderTopColor, style.borderTopLeftRadius];
          seen.set(`${preset} ${theme}`, look.join(' '));
        }
      }

      expect(new Set(seen.values()).size, [...seen].join('\n')).to.equal(seen.size);
    });

    it('round corners and cast shadows by preset', async () => {
      const look = (element: CircleElement) => {
        const style = getComputedStyle(firstCard(element));
        return { radius: parseFloat(style.borderTopLeftRadius), shadow: style.boxShadow };
      };
      const circle = await readFeed('', look);
      const minimal = await readFeed('preset="minimal"', look);
      const contrast = await readFeed('preset="contrast"', look);

      expect(circle.radius).to.be.above(minimal.radius);
      expect(minimal.radius).to.be.above(contrast.radius);
      expect(circle.shadow).not.to.equal('none');
      expect(minimal.shadow).to.equal('none');
      expect(contrast.shadow).to.equal('none');
    });
  });

  describe('contrast', () => {
    for (const subject of SUBJECTS) {
      it(`meets WCAG AA in <${subject.tag}> in every preset, light and dark`, async () => {
        const element = await create(subject);
        await subject.show(element);
        // A key press makes the page's last input a keyboard one, so a focused control shows
        // its ring whatever input the page before this one had last.
        await sendKeys({ press: 'Shift' });
        const failures: string[] = [];

        for (const preset of PRESETS) {
          for (const theme of THEMES) {
            element.preset = preset;
            element.theme = theme;
            await element.updateComplete;
            const key = `${preset} ${theme}`;

            const check = (what: string, ratio: number, minimum: number) => {
              if (ratio < minimum) failures.push(`${key}: ${what} is ${ratio.toFixed(2)}:1`);
            };

            const title = part(element, 'title')!;
            const darkBehind = luminance(backdrop(title)) < 0.1;
            if (element.dataset.circleTheme !== theme || darkBehind !== (theme === 'dark')) {
              failures.push(`${key}: not drawn in the ${theme} theme`);
            }
            check('title text', textContrast(title), 4.5);
            check('base text', textContrast(base(element)), 4.5);
            check('muted text', textContrast(part(element, subject.muted)!), 4.5);

            const body = shadow(element, '.rich-text');
            if (body) check('rich text', textContrast(body), 4.5);

            withProbe(
              element,
              `<a href="#probe">link</a>
              <button class="button primary" type="button">primary</button>
              <p class="notice">danger</p>
              <p class="meta">muted</p>
              <p style="background: var(--_surface-2)"><a href="#probe">link</a></p>
              <p style="background: var(--_surface-2)"><span class="meta">muted</span></p>`,
              (probe) => {
                const [link, primary, notice, meta, chipLink, chipMuted] = [...probe.children];
                check('link', textContrast(link), 4.5);
                check('accent text on accent', textContrast(primary), 4.5);
                check('danger notice', textContrast(notice), 4.5);
                check('muted probe', textContrast(meta), 4.5);
                check('link on surface-2', textContrast(chipLink.firstElementChild!), 4.5);
                check('muted on surface-2', textContrast(chipMuted.firstElementChild!), 4.5);
              },
            );

            const button = shadow<HTMLElement>(
              element,
              '[part~="button"]:not([disabled]), [part~="switch"]',
            )!;
            button.focus();
            if (!button.matches(':focus-visible')) failures.push(`${key}: no focus-visible ring`);
            const ring = getComputedStyle(button).outlineColor;
            check('focus ring', lineContrast(button, ring), 3);
            button.blur();

            const fields = subject.fields
              ? [...element.shadowRoot!.querySelectorAll(subject.fields)]
              : [];
            for (const field of fields) {
              const border = getComputedStyle(field).borderTopColor;
              check(`${field.getAttribute('part')} border`, lineContrast(field, border), 3);
            }
          }
        }

        expect(failures).to.deep.equal([]);
      });
    }
  });

  describe('the notification badge', () => {
    it('keeps its count readable in every preset, light and dark', async () => {
      const element = await fixture<CircleElement>(
        '<circle-notifications token-endpoint="/api/circle-token"></circle-notifications>',
      );
      const badge = await waitFor(element, '[part~="badge"]');
      const failures: string[] = [];

      for (const preset of PRESETS) {
        for (const theme of THEMES) {
          element.preset = preset;
          element.theme = theme;
          await element.updateComplete;
          const ratio = textContrast(badge);
          if (ratio < 4.5) failures.push(`${preset} ${theme}: ${ratio.toFixed(2)}:1`);
        }
      }

      expect(failures).to.deep.equal([]);
    });
  });

  describe('accessibility in the dark', () => {
    for (const subject of SUBJECTS) {
      it(`passes axe in <${subject.tag}> with every preset, dark`, async () => {
        const element = await create(subject, 'theme="dark"');
        await subject.show(element);

        for (const preset of PRESETS) {
          element.preset = preset;
          await element.updateComplete;
          expect(await axeViolations(element), preset).to.deep.equal([]);
        }
      });
    }
  });

  describe('reduced motion', () => {
    /** A feed whose first page never arrives, so it keeps its loading placeholders. */
    async function loadingFeed(): Promise<CircleElement> {
      worker.use(http.get(`${API}/home`, () => delay('infinite')));
      const container = await fixture<HTMLDivElement>(
        `<div><circle-feed token-endpoint="/api/circle-token"></circle-feed></div>`,
      );
      const element = container.querySelector<CircleElement>('circle-feed')!;
      await waitFor(element, '.skeleton');
      return element;
    }

    it('keeps the loading placeholders still', async () => {
      const moving = await loadingFeed();
      expect(moving.shadowRoot!.getAnimations().length).to.be.above(0);

      await emulateMedia({ reducedMotion: 'reduce' });
      resetSessions();
      const still = await loadingFeed();
      expect(still.shadowRoot!.getAnimations()).to.deep.equal([]);
      expect(moving.shadowRoot!.getAnimations()).to.deep.equal([]);
      expect(getComputedStyle(shadow(still, '.skeleton')!).animationName).to.equal('none');
    });

    it('turns off transitions', async () => {
      const subject = SUBJECTS.find(
        (candidate) => candidate.tag === 'circle-notification-preferences',
      )!;
      const element = await create(subject);
      await subject.show(element);
      const toggle = part(element, 'switch')!;
      expect(parseFloat(getComputedStyle(toggle).transitionDuration)).to.be.above(0);

      await emulateMedia({ reducedMotion: 'reduce' });
      expect(parseFloat(getComputedStyle(toggle).transitionDuration)).to.equal(0);
    });
  });
});
