/**
 * TipTap bodies for sandbox posts, events and comments. A few posts get hand-written bodies so
 * that every node and mark the renderer supports shows up; the rest are composed at random.
 */
import { COMMENTS, SENTENCES } from './content.js';
import { assetUrl, imageSize } from './svg.js';
import type { Mentionable, TipTapNode } from './tiptap.js';
import {
  attachment,
  blockquote,
  bold,
  bulletList,
  code,
  codeBlock,
  doc,
  embed,
  hardBreak,
  heading,
  horizontalRule,
  image,
  italic,
  link,
  mention,
  orderedList,
  paragraph,
  strike,
  underline,
} from './tiptap.js';

/** A tiny seeded PRNG (mulberry32) with the helpers the generator needs. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const result: T[] = [];
    while (result.length < count && pool.length > 0) {
      result.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    }
    return result;
  }

  hex(length: number): string {
    let value = '';
    while (value.length < length) value += Math.floor(this.next() * 16).toString(16);
    return value;
  }
}

/** What a body composer may draw on. */
export interface BodyContext {
  rng: Random;
  title: string;
  spaceSlug: string;
  author: Mentionable;
  me: Mentionable;
  others: Mentionable[];
  /** Returns the next sandbox image number. */
  nextImage: () => number;
}

const imageNode = (n: number, alt: string): TipTapNode => {
  const { width, height } = imageSize(n);
  return image(assetUrl(`/sandbox/images/${n}.svg`), alt, width, height);
};

const FILES = {
  guidelines: attachment(
    assetUrl('/sandbox/files/community-guidelines.pdf'),
    'community-guidelines.pdf',
    'application/pdf',
    248_361,
  ),
  slides: attachment(
    assetUrl('/sandbox/files/talk-slides.pdf'),
    'talk-slides.pdf',
    'application/pdf',
    3_482_112,
  ),
  kickoff: attachment(
    assetUrl('/sandbox/files/project-kickoff.docx'),
    'project-kickoff.docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    41_820,
  ),
  reset: attachment(assetUrl('/sandbox/files/reset.css'), 'reset.css', 'text/css', 2_114),
};

/** Hand-written bodies for titles that showcase every node type. */
const SHOWCASE: Record<string, (ctx: BodyContext) => TipTapNode> = {
  'Welcome to Makers Guild 👋 Start here': (ctx) =>
    doc(
      paragraph(
        'Hi everyone, and ',
        bold('welcome to Makers Guild'),
        '! 🎉 ',
        'This is a place to share what you build, ask for help and meet other makers.',
      ),
      heading(2, 'Where to start'),
      bulletList(
        [
          'Say hello in ',
          link('Introduce yourself', 'https://community.example.com/c/general'),
          ' 👋',
        ],
        ['Read the ', italic('community guidelines'), ' (pinned in this space)'],
        ['Check out upcoming ', link('events', 'https://community.example.com/c/events')],
      ),
      heading(3, 'Who runs this place'),
      paragraph(
        'Ping ',
        mention(ctx.author),
        ' or ',
        mention(ctx.others[0]),
        ' if anything looks off. And a special hello to ',
        mention(ctx.me),
        ', our newest moderator-in-training 😉',
      ),
      horizontalRule(),
      paragraph('See you around,', hardBreak(), 'The Makers Guild team'),
    ),
  'Community guidelines (please read)': () =>
    doc(
      paragraph('A few ground rules so this stays a friendly place:'),
      orderedList(
        [bold('Be kind.'), ' Critique the work, never the person.'],
        [bold('Share generously.'), ' Link to code, write down what you learned.'],
        [bold('No spam.'), ' Self-promotion is welcome in ', underline('Show & Tell'), ' only.'],
        [bold('Respect privacy.'), ' Do not share screenshots of DMs.'],
      ),
      blockquote(paragraph(italic('“Be the member you wish this community had.”'))),
      paragraph(
        strike('Posting job offers in General is fine.'),
        ' Update: please use the Career topic for job offers.',
      ),
      FILES.guidelines,
    ),
  'Open-sourced my CSS reset': (ctx) =>
    doc(
      paragraph(
        'After copying the same 40 lines into every project, I finally published my ',
        code('reset.css'),
        '. It is tiny and opinionated:',
      ),
      codeBlock(
        'css',
        [
          '*, *::before, *::after { box-sizing: border-box; }',
          'body { margin: 0; line-height: 1.5; }',
          'img, svg, video { display: block; max-width: 100%; }',
          ':where(button, input, select, textarea) { font: inherit; }',
        ].join('\n'),
      ),
      paragraph(
        'Repo is on ',
        link('GitHub', 'https://github.com/example/tiny-reset'),
        '. Thanks ',
        mention(ctx.others[1]),
        ' for the review!',
      ),
      FILES.reset,
    ),
  'Generative posters with SVG': (ctx) =>
    doc(
      paragraph(
        'Been playing with generative posters this month 🎨 Every one of these is a ',
        'single SVG built from a seed.',
      ),
      imageNode(ctx.nextImage(), 'Generated poster: hills under an orange sun'),
      imageNode(ctx.nextImage(), 'Generated poster: a pale sky over green hills'),
      paragraph('Here is a 2-minute timelapse of the process:'),
      embed('https://www.youtube.com/watch?v=aqz-KE-bpKQ', 'Generative posters timelapse'),
    ),
  'My first conference talk, slides inside': (ctx) =>
    doc(
      paragraph(
        'I gave my first ever conference talk last week! 😅 Recording below, slides ',
        'attached.',
      ),
      embed('https://vimeo.com/76979871', 'Small components, big wins (recording)'),
      heading(3, 'What I would do differently'),
      bulletList('Fewer slides, more live demos', 'Practise the transitions', [
        'Drink water ',
        italic('before'),
        ' walking on stage',
      ]),
      paragraph('Huge thanks to ', mention(ctx.me), ' for the dry run.'),
      FILES.slides,
    ),
  'TypeScript: narrowing a union inside a callback': () =>
    doc(
      paragraph('Why does TypeScript forget my narrowing inside ', code('forEach'), '?'),
      codeBlock(
        'ts',
        [
          'let current: string | null = getValue();',
          'if (current !== null) {',
          '  items.forEach((item) => {',
          '    item.label = current.toUpperCase(); // error: possibly null',
          '  });',
          '}',
        ].join('\n'),
      ),
      paragraph('I know I can copy it into a ', code('const'), ', but ', italic('why'), '?'),
    ),
  'Checklist: accessible forms': () =>
    doc(
      heading(2, 'Before you ship a form'),
      orderedList(
        ['Every input has a visible ', bold('label')],
        ['Errors are announced and linked with ', code('aria-describedby')],
        'Focus moves to the first error on submit',
        ['Never rely on colour ', underline('alone')],
      ),
      paragraph(strike('Placeholder text is a label.'), ' It is not.'),
      paragraph(
        'More in the ',
        link('WAI forms tutorial', 'https://www.w3.org/WAI/tutorials/forms/'),
        '.',
      ),
    ),
  'Template: project kickoff doc': () =>
    doc(
      paragraph(
        'The template I use for every new client project. Fill it in together on the ',
        'first call.',
      ),
      FILES.kickoff,
    ),
};

const sentence = (rng: Random): string => rng.pick(SENTENCES);

function proseParagraph(ctx: BodyContext): TipTapNode {
  const { rng } = ctx;
  const parts: (TipTapNode | string)[] = [sentence(rng) + ' '];
  if (rng.chance(0.2)) parts.push(bold(sentence(rng)), ' ');
  if (rng.chance(0.15)) parts.push(italic(sentence(rng)), ' ');
  if (rng.chance(0.2)) parts.push(link('More details here', 'https://example.com/notes'), '. ');
  if (rng.chance(0.2)) parts.push('cc ', mention(rng.chance(0.4) ? ctx.me : rng.pick(ctx.others)));
  parts.push(sentence(rng));
  return paragraph(...parts);
}

const SNIPPETS: [string, string][] = [
  ['ts', 'const debounced = debounce(save, 300);\ninput.addEventListener("input", debounced);'],
  [
    'css',
    [
      '.card {',
      '  container-type: inline-size;',
      '}',
      '@container (width > 30rem) {',
      '  .card { display: grid; }',
      '}',
    ].join('\n'),
  ],
  [
    'html',
    [
      '<dialog id="confirm">',
      '  <form method="dialog">',
      '    <button>Close</button>',
      '  </form>',
      '</dialog>',
    ].join('\n'),
  ],
  ['bash', 'npm run build -- --profile\nnpx vite-bundle-visualizer'],
  ['sql', 'CREATE INDEX posts_title_trgm ON posts USING gin (title gin_trgm_ops);'],
];

/** A body for an ordinary post: mostly prose, with a random mix of richer blocks. */
export function postBody(ctx: BodyContext): TipTapNode {
  const showcase = SHOWCASE[ctx.title];
  if (showcase) return showcase(ctx);

  const { rng } = ctx;
  const blocks: TipTapNode[] = [proseParagraph(ctx)];
  if (rng.chance(0.25)) {
    blocks.push(heading(rng.chance(0.5) ? 2 : 3, rng.pick(['Context', 'What I tried', 'Details'])));
    blocks.push(
      bulletList(sentence(rng), sentence(rng), [underline('Important:'), ' ', sentence(rng)]),
    );
  }
  if (ctx.spaceSlug === 'help' || (ctx.spaceSlug === 'show-and-tell' && rng.chance(0.4))) {
    const [language, source] = rng.pick(SNIPPETS);
    blocks.push(codeBlock(language, source));
  }
  if (rng.chance(0.15)) blocks.push(blockquote(paragraph(sentence(rng))));
  if (ctx.spaceSlug === 'show-and-tell' && rng.chance(0.5)) {
    blocks.push(imageNode(ctx.nextImage(), `Screenshot for “${ctx.title}”`));
  }
  if (rng.chance(0.15)) blocks.push(orderedList(sentence(rng), sentence(rng), sentence(rng)));
  if (rng.chance(0.6)) blocks.push(proseParagraph(ctx));
  if (rng.chance(0.1)) blocks.push(horizontalRule());
  if (rng.chance(0.15)) blocks.push(paragraph('Thanks!', hardBreak(), `— ${ctx.author.name}`));
  return doc(...blocks);
}

/** A body for an event post: what, agenda, who hosts. */
export function eventBody(ctx: BodyContext, where: string): TipTapNode {
  const { rng } = ctx;
  return doc(
    paragraph(
      `Join us for ${ctx.title.replace(/\s*\p{Extended_Pictographic}/gu, '')} `,
      bold(where),
      '. ',
      sentence(rng),
    ),
    heading(3, 'Agenda'),
    bulletList('Quick intros 👋', sentence(rng), 'Open Q&A'),
    paragraph('Hosted by ', mention(ctx.author), '. Bring questions!'),
  );
}

/** A short comment body; replies often mention the member they answer. */
export function commentBody(rng: Random, replyTo?: Mentionable): TipTapNode {
  const parts: (TipTapNode | string)[] = [];
  if (replyTo && rng.chance(0.5)) parts.push(mention(replyTo), ' ');
  parts.push(rng.pick(COMMENTS));
  if (rng.chance(0.15)) parts.push(' ', bold(rng.pick(['+1', 'Agreed.', 'Yes!'])));
  return doc(paragraph(...parts));
}
