// The built CDN files must show exactly what the sources show. The build compacts the text of
// every html`` and css`` template (scripts/compact-templates.mjs) and minifies the code; here each
// element renders twice, from the sources in one frame and from the built loader in another, and
// every node of its shadow tree must match: tag, part, class, text, and the computed styles a
// reader would notice. Needs `npm run build`.
import { expect, waitUntil } from '@open-wc/testing';

import { sandbox } from './support/sandbox.js';

/** Computed styles compared on every node: layout, box, colour and type. */
const STYLES = [
  'display',
  'position',
  'width',
  'height',
  'margin',
  'padding',
  'gap',
  'border-width',
  'border-style',
  'border-color',
  'border-radius',
  'color',
  'background-color',
  'background-image',
  'box-shadow',
  'font-size',
  'font-weight',
  'line-height',
  'text-align',
  'white-space',
  'overflow',
  'opacity',
  'visibility',
  'outline-style',
] as const;

interface Frame {
  element: HTMLIFrameElement;
  document: Document;
  window: Window;
}

async function openFrame(name: 'source' | 'built'): Promise<Frame> {
  const element = document.createElement('iframe');
  element.style.cssText = 'display: block; width: 960px; height: 700px; border: 0';
  const loaded = new Promise((resolve) =>
    element.addEventListener('load', resolve, { once: true }),
  );
  element.src = `/test/fixtures/same-look/${name}.html`;
  document.body.append(element);
  await loaded;
  return { element, document: element.contentDocument!, window: element.contentWindow! };
}

/** One line per element of `root`'s shadow tree, in tree order: what a reader sees of it. */
function describeTree(frame: Frame, host: Element): string[] {
  const lines: string[] = [];
  const visit = (node: Element, depth: number) => {
    const style = frame.window.getComputedStyle(node);
    const ownText = [...node.childNodes]
      .filter((child) => child.nodeType === Node.TEXT_NODE)
      .map((child) => child.textContent)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    const styles = STYLES.map((property) => `${property}:${style.getPropertyValue(property)}`);
    lines.push(
      [
        `${'  '.repeat(depth)}<${node.localName}>`,
        `part="${node.getAttribute('part') ?? ''}"`,
        `class="${node.getAttribute('class') ?? ''}"`,
        `text="${ownText}"`,
        styles.join('; '),
      ].join(' '),
    );
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const child of host.shadowRoot?.children ?? []) {
    if (child.localName !== 'style') visit(child, 0);
  }
  return lines;
}

/** The first line where the two trees differ, or null when they are the same. */
function firstDifference(source: string[], built: string[]): string | null {
  const length = Math.max(source.length, built.length);
  for (let index = 0; index < length; index += 1) {
    if (source[index] !== built[index]) {
      return `node ${index}:\n  source: ${source[index]}\n  built:  ${built[index]}`;
    }
  }
  return null;
}

const frames: Frame[] = [];
let source: Frame;
let built: Frame;

before(async function () {
  this.timeout(20_000);
  source = await openFrame('source');
  built = await openFrame('built');
  frames.push(source, built);
});

after(() => {
  for (const frame of frames) frame.element.remove();
});

/**
 * Puts `markup` in both frames and waits until every element in it shows `ready` and both
 * frames draw the same trees; fails with the first node that still differs.
 */
async function expectSameLook(markup: string, ready: string): Promise<void> {
  for (const frame of [source, built]) {
    frame.document.body.innerHTML = markup;
    frame.window.scrollTo(0, 0);
  }
  const hosts = (frame: Frame) => [...frame.document.body.children];
  const isReady = (frame: Frame) =>
    hosts(frame).every((host) => host.shadowRoot?.querySelector(ready));
  try {
    await waitUntil(() => isReady(source) && isReady(built), '', { timeout: 8000 });
  } catch {
    const shown = (frame: Frame) =>
      hosts(frame).map((host) => host.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim());
    expect.fail(`never showed ${ready}: source ${shown(source)}; built ${shown(built)}`);
  }

  let difference: string | null = 'not compared yet';
  try {
    await waitUntil(
      () => {
        difference = null;
        hosts(source).forEach((host, index) => {
          difference ??= firstDifference(
            describeTree(source, host),
            describeTree(built, hosts(built)[index]!),
          );
        });
        return difference === null;
      },
      '',
      { timeout: 4000, interval: 200 },
    );
  } catch {
    expect.fail(`the built element differs from the source one at ${difference}`);
  }
}

describe('the built elements look exactly like the source ones', function () {
  this.timeout(20_000);

  it('<circle-feed>, in the default and the dark contrast themes', async () => {
    await expectSameLook('<circle-feed per-page="3" paging="button"></circle-feed>', 'article h3');
    await expectSameLook(
      '<circle-feed per-page="2" paging="button" theme="dark" preset="contrast"></circle-feed>',
      'article h3',
    );
  });

  it('<circle-post> with its comments', async () => {
    const post = sandbox.db.posts.find(
      (candidate) => candidate.is_comments_enabled && !candidate.is_comments_closed,
    )!;
    await expectSameLook(
      `<circle-post space="${post.space.slug}" post="${post.slug}"></circle-post>`,
      '[part~="comments"]',
    );
  });

  it('<circle-events> as a list, a month and a compact column', async () => {
    await expectSameLook(
      '<circle-events per-page="3" paging="button"></circle-events>',
      '[part~="item"]',
    );
    await expectSameLook('<circle-events view="month"></circle-events>', '[role="grid"]');
    await expectSameLook(
      '<circle-events view="compact" limit="3" preset="minimal"></circle-events>',
      '[part~="item"]',
    );
  });

  it('<circle-notifications> inline and as a bell', async () => {
    await expectSameLook(
      '<circle-notifications variant="inline" per-page="50"></circle-notifications>',
      '[part~="item"]',
    );
    await expectSameLook('<circle-notifications></circle-notifications>', '[part~="bell"]');
  });

  it('<circle-notification-preferences>', async () => {
    await expectSameLook(
      '<circle-notification-preferences></circle-notification-preferences>',
      '[part~="switch"]',
    );
  });
});
