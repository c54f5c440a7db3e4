import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { components } from '../src/api/schema.js';
import { renderRichText, safeUrl } from '../src/rich-text/render.js';
import type { RichTextOptions, TiptapBody } from '../src/rich-text/render.js';

declare global {
  interface Window {
    __xss?: boolean;
  }
}

type Json = Record<string, unknown>;

const doc = (...content: unknown[]): TiptapBody => ({ body: { type: 'doc', content } });
const paragraph = (...content: unknown[]): Json => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]): Json => ({ type: 'text', text: value, marks });
const link = (href: unknown): Json => ({ type: 'link', attrs: { href } });

async function show(
  body: unknown,
  fallbackText?: string | null,
  options?: RichTextOptions,
): Promise<HTMLElement> {
  return fixture<HTMLElement>(
    html`<div>${renderRichText(body as TiptapBody, fallbackText, options)}</div>`,
  );
}

/** Waits for the video cards in `element`, whose code comes on first use, as a reader would. */
async function cardsIn(element: HTMLElement): Promise<HTMLElement> {
  await waitUntil(() => !element.querySelector('.embed[aria-busy]'), 'a video card never came');
  return element;
}

/** Every attribute the renderer may write; anything else came from the input. */
const ALLOWED_ATTRIBUTES = new Set([
  'class',
  'href',
  'target',
  'rel',
  'src',
  'alt',
  'width',
  'height',
  'loading',
  'decoding',
  'start',
  'data-language',
  'data-provider',
  'type',
  'download',
  'title',
  'allow',
  'allowfullscreen',
  'referrerpolicy',
  'sandbox',
  // A video's box while its card's code is on its way, and the alert if that fails.
  'aria-busy',
  'role',
  // Set by the renderer itself, so right-to-left paragraphs and headings read the right way.
  'dir',
]);

function foreignAttributes(root: Element): string[] {
  return [...root.querySelectorAll('*')].flatMap((element) =>
    element.getAttributeNames().filter((name) => !ALLOWED_ATTRIBUTES.has(name)),
  );
}

const DISGUISED_SCRIPT_URLS = [
  'javascript:window.__xss=true',
  'JaVaScRiPt:window.__xss=true',
  ' javascript:window.__xss=true',
  '\u0001javascript:window.__xss=true',
  '\tjavascript:window.__xss=true',
  'java\tscript:window.__xss=true',
  'java\nscript:window.__xss=true',
  'java\rscript:window.__xss=true',
  'javascript&#58;window.__xss=true',
  '&#106;avascript:window.__xss=true',
  'javascript&colon;window.__xss=true',
  '%6A%61%76%61%73%63%72%69%70%74:window.__xss=true',
  'data:text/html,<script>window.__xss=true</script>',
  'DATA:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9dHJ1ZTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/page',
  '/relative/path',
  'evil.example',
];

describe('renderRichText', () => {
  describe('nodes', () => {
    it('renders paragraphs with their text', async () => {
      const element = await show(doc(paragraph(text('First')), paragraph(text('Second'))));

      const paragraphs = [...element.querySelectorAll('p')].map((p) => p.textContent);
      expect(paragraphs).to.deep.equal(['First', 'Second']);
    });

    it('wraps the output in a .rich-text container', async () => {
      const element = await show(doc(paragraph(text('Hi'))));

      expect(element.querySelector('.rich-text > p')?.textContent).to.equal('Hi');
    });

    it('shifts headings below the page: h1 → h3 … h4 and deeper → h6', async () => {
      const levels = [1, 2, 3, 4, 5, 6];
      const element = await show(
        doc(
          ...levels.map((level) => ({
            type: 'heading',
            attrs: { level },
            content: [text(`Level ${level}`)],
          })),
        ),
      );

      const headings = [...element.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
        (heading) => `${heading.localName}:${heading.textContent}`,
      );
      expect(headings).to.deep.equal([
        'h3:Level 1',
        'h4:Level 2',
        'h5:Level 3',
        'h6:Level 4',
        'h6:Level 5',
        'h6:Level 6',
      ]);
    });

    it('never skips a heading level, so an h3 straight after the title becomes an h3', async () => {
      const element = await show(
        doc(
          { type: 'heading', attrs: { level: 3 }, content: [text('Agenda')] },
          { type: 'heading', attrs: { level: 2 }, content: [text('Notes')] },
        ),
      );

      const headings = [...element.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
        (heading) => `${heading.localName}:${heading.textContent}`,
      );
      expect(headings).to.deep.equal(['h3:Agenda', 'h4:Notes']);
    });

    it('starts headings below the heading level it is given', async () => {
      const body = doc({ type: 'heading', attrs: { level: 1 }, content: [text('Intro')] });
      const element = await fixture(
        html`<div>${renderRichText(body, null, { headingLevel: 3 })}</div>`,
      );

      expect(element.querySelector('h4')?.textContent).to.equal('Intro');
    });

    it('renders bullet and ordered lists, keeping the start number', async () => {
      const item = (value: string): Json => ({
        type: 'listItem',
        content: [paragraph(text(value))],
      });
      const element = await show(
        doc(
          { type: 'bulletList', content: [item('Apples'), item('Pears')] },
          { type: 'orderedList', attrs: { start: 3 }, content: [item('Third'), item('Fourth')] },
          { type: 'orderedList', attrs: { start: 1 }, content: [item('One')] },
        ),
      );

      const bullets = element.querySelectorAll('ul > li');
      expect([...bullets].map((li) => li.textContent)).to.deep.equal(['Apples', 'Pears']);

      const [numbered, fromOne] = element.querySelectorAll('ol');
      expect(numbered.getAttribute('start')).to.equal('3');
      expect([...numbered.children].map((li) => li.textContent)).to.deep.equal(['Third', 'Fourth']);
      expect(fromOne.hasAttribute('start')).to.equal(false);
    });

    it('renders blockquotes, code blocks, rules and line breaks', async () => {
      const element = await show(
        doc(
          { type: 'blockquote', content: [paragraph(text('Quoted'))] },
          { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('const a = 1;\nlet b;')] },
          { type: 'horizontalRule' },
          paragraph(text('Line one'), { type: 'hardBreak' }, text('Line two')),
        ),
      );

      expect(element.querySelector('blockquote > p')?.textContent).to.equal('Quoted');

      const pre = element.querySelector('pre')!;
      expect(pre.dataset.language).to.equal('ts');
      expect(pre.hasAttribute('class')).to.equal(false);
      expect(pre.querySelector('code')?.textContent).to.equal('const a = 1;\nlet b;');

      expect(element.querySelectorAll('hr')).to.have.length(1);
      const lines = element.querySelector<HTMLElement>('.rich-text > p:last-of-type')!;
      expect(lines.querySelector('br')).to.exist;
      expect(lines.innerText).to.equal('Line one\nLine two');
    });

    it('renders images lazily with numeric dimensions only', async () => {
      const element = await show(
        doc(
          {
            type: 'image',
            attrs: { src: 'https://cdn.example/a.png', alt: 'A cat', width: 640, height: '480' },
          },
          { type: 'image', attrs: { url: 'https://cdn.example/b.png', width: '100%', height: -5 } },
        ),
      );

      const [first, second] = element.querySelectorAll('img');
      expect(first.getAttribute('src')).to.equal('https://cdn.example/a.png');
      expect(first.alt).to.equal('A cat');
      expect(first.getAttribute('width')).to.equal('640');
      expect(first.getAttribute('height')).to.equal('480');
      expect(first.getAttribute('loading')).to.equal('lazy');
      expect(first.getAttribute('decoding')).to.equal('async');

      expect(second.getAttribute('src')).to.equal('https://cdn.example/b.png');
      expect(second.getAttribute('alt')).to.equal('');
      expect(second.hasAttribute('width')).to.equal(false);
      expect(second.hasAttribute('height')).to.equal(false);
    });

    it('renders attachments as download links with a readable size', async () => {
      const element = await show(
        doc(
          {
            type: 'attachment',
            attrs: {
              url: 'https://files.example/report.pdf',
              filename: 'report.pdf',
              content_type: 'application/pdf',
              byte_size: 2_500_000,
            },
          },
          {
            type: 'file',
            attrs: {
              url: 'https://files.example/notes.txt',
              filename: 'notes.txt',
              byte_size: 2048,
            },
          },
        ),
        null,
        { lang: 'en' },
      );

      const [pdf, notes] = element.querySelectorAll<HTMLAnchorElement>('.attachment a');
      expect(pdf.href).to.equal('https://files.example/report.pdf');
      expect(pdf.querySelector('.attachment-name')?.textContent).to.equal('report.pdf');
      expect(pdf.querySelector('.attachment-size')?.textContent).to.equal('2.5 MB');
      expect(pdf.rel).to.equal('noopener noreferrer ugc');
      expect(notes.querySelector('.attachment-name')?.textContent).to.equal('notes.txt');
      expect(notes.querySelector('.attachment-size')?.textContent).to.equal('2 kB');
    });

    it("keeps an attachment's name but drops an unsafe link", async () => {
      const element = await show(
        doc({
          type: 'attachment',
          attrs: { url: 'javascript:window.__xss=true', filename: 'evil.pdf' },
        }),
      );

      expect(element.querySelector('a')).to.equal(null);
      expect(element.querySelector('.attachment')?.textContent).to.contain('evil.pdf');
    });
  });

  describe('marks', () => {
    it('maps each mark to its element', async () => {
      const element = await show(
        doc(
          paragraph(
            text('bold', [{ type: 'bold' }]),
            text('italic', [{ type: 'italic' }]),
            text('strike', [{ type: 'strike' }]),
            text('underline', [{ type: 'underline' }]),
            text('code', [{ type: 'code' }]),
          ),
        ),
      );

      const p = element.querySelector('p')!;
      expect(
        [...p.children].map((child) => `${child.localName}:${child.textContent}`),
      ).to.deep.equal(['strong:bold', 'em:italic', 's:strike', 'u:underline', 'code:code']);
    });

    it('nests marks in the order given, first outermost', async () => {
      const element = await show(
        doc(
          paragraph(
            text('both', [{ type: 'bold' }, { type: 'italic' }]),
            text('reversed', [{ type: 'italic' }, { type: 'bold' }]),
          ),
        ),
      );

      expect(element.querySelector('strong > em')?.textContent).to.equal('both');
      expect(element.querySelector('em > strong')?.textContent).to.equal('reversed');
    });

    it('ignores unknown marks but keeps their text', async () => {
      const element = await show(
        doc(
          paragraph(
            text('highlighted', [{ type: 'highlight', attrs: { color: 'red' } }, 'junk', null]),
          ),
        ),
      );

      const p = element.querySelector('p')!;
      expect(p.textContent).to.equal('highlighted');
      expect(p.children).to.have.length(0);
    });

    it('renders safe links that open in a new tab', async () => {
      const element = await show(
        doc(
          paragraph(
            text('Circle', [link('https://circle.so/'), { type: 'bold' }]),
            text(' or '),
            text('mail us', [link('mailto:team@example.com')]),
          ),
        ),
      );

      const [web, mail] = element.querySelectorAll('a');
      expect(web.getAttribute('href')).to.equal('https://circle.so/');
      expect(web.target).to.equal('_blank');
      expect(web.rel).to.equal('noopener noreferrer ugc');
      expect(web.querySelector('strong')?.textContent).to.equal('Circle');
      expect(mail.getAttribute('href')).to.equal('mailto:team@example.com');
    });

    it('drops links with unsafe or relative URLs in every disguise, keeping the text', async () => {
      const element = await show(
        doc(
          ...DISGUISED_SCRIPT_URLS.map((href, index) =>
            paragraph(text(`link ${index}`, [link(href)])),
          ),
        ),
      );

      expect(element.querySelectorAll('a')).to.have.length(0);
      const texts = [...element.querySelectorAll('p')].map((p) => p.textContent);
      expect(texts).to.deep.equal(DISGUISED_SCRIPT_URLS.map((_, index) => `link ${index}`));
    });
  });

  describe('hostile input', () => {
    beforeEach(() => {
      window.__xss = false;
    });

    it('drops unsafe image sources and shows the alt text instead', async () => {
      const element = await show(
        doc(
          ...DISGUISED_SCRIPT_URLS.map((src) => ({
            type: 'image',
            attrs: { src, alt: 'picture' },
          })),
        ),
      );

      expect(element.querySelectorAll('img')).to.have.length(0);
      expect(element.querySelectorAll('.image-alt')).to.have.length(DISGUISED_SCRIPT_URLS.length);
    });

    it('never copies event handlers or other attributes from attrs to the DOM', async () => {
      const handlers = {
        onerror: 'window.__xss=true',
        onclick: 'window.__xss=true',
        onload: 'window.__xss=true',
        style: 'background:url(javascript:window.__xss=true)',
        srcdoc: '<script>window.__xss=true</script>',
      };
      const element = await show(
        doc(
          {
            type: 'paragraph',
            attrs: handlers,
            content: [text('x', [{ type: 'bold', attrs: handlers }])],
          },
          { type: 'image', attrs: { ...handlers, src: 'https://cdn.example/a.png' } },
          { type: 'heading', attrs: { ...handlers, level: 2 }, content: [text('Title')] },
          { type: 'codeBlock', attrs: { ...handlers, language: 'js' }, content: [text('code')] },
          { type: 'embed', attrs: { ...handlers, url: 'https://youtu.be/dQw4w9WgXcQ' } },
          { type: 'attachment', attrs: { ...handlers, url: 'https://files.example/a.pdf' } },
          { type: 'mention', attrs: { ...handlers, sgid: 'nobody' } },
        ),
      );

      expect(foreignAttributes(element)).to.deep.equal([]);
      await cardsIn(element);
      expect(foreignAttributes(element)).to.deep.equal([]);
      element.querySelector<HTMLButtonElement>('.embed-load')!.click();
      await Promise.resolve();
      expect(foreignAttributes(element)).to.deep.equal([]);
    });

    it('shows markup inside text as literal text', async () => {
      const payload = '<img src=x onerror="window.__xss=true"><script>window.__xss=true</script>';
      const element = await show(doc(paragraph(text(payload))));

      expect(element.querySelector('p')?.textContent).to.equal(payload);
      expect(element.querySelector('img, script')).to.equal(null);
    });

    it('keeps the canary false after rendering payloads and loading an embed', async () => {
      const payload = '<img src=x onerror="window.__xss=true">';
      const element = await show({
        body: {
          type: 'doc',
          content: [
            paragraph(text(payload, [link('javascript:window.__xss=true')])),
            { type: 'image', attrs: { src: 'x', onerror: 'window.__xss=true', alt: payload } },
            {
              type: 'codeBlock',
              attrs: { language: '"><img src=x onerror=window.__xss=true>' },
              content: [text(payload)],
            },
            { type: 'html', attrs: { html: payload }, content: [text(payload)] },
            { type: 'mention', attrs: { sgid: 'sgid-1' } },
            { type: 'embed', attrs: { url: 'https://youtu.be/dQw4w9WgXcQ', title: payload } },
            { type: 'embed', attrs: { url: 'javascript:window.__xss=true', title: 'Bad embed' } },
          ],
        },
        community_members: [{ id: 1, name: payload, rich_text_field_sgid: 'sgid-1' }],
      });

      // Image errors fire asynchronously; give them a chance.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await cardsIn(element);
      element.querySelectorAll<HTMLButtonElement>('button').forEach((button) => button.click());
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect(window.__xss).to.equal(false);
      expect(element.querySelector('script, img')).to.equal(null);
      expect(element.textContent).to.contain('Bad embed');
      const hrefs = [...element.querySelectorAll('a')].map((anchor) => anchor.protocol);
      expect(hrefs.every((protocol) => protocol === 'https:')).to.equal(true);
    });

    it('renders unknown nodes as their text, never as their own element', async () => {
      const element = await show(
        doc(
          {
            type: 'table',
            content: [
              {
                type: 'tableRow',
                content: [
                  { type: 'tableCell', content: [paragraph(text('Cell A'))] },
                  { type: 'tableCell', content: [paragraph(text('Cell B', [{ type: 'bold' }]))] },
                ],
              },
            ],
          },
          { type: 'script', content: [text('shown as text')] },
          { type: 'iframe', attrs: { src: 'https://evil.example/' }, text: 'frame text' },
          paragraph({ type: 'emoji', attrs: { name: 'wave' }, circle_ios_fallback_text: '👋' }),
          { type: 'listItem', content: [paragraph(text('Stray item'))] },
        ),
      );

      expect(element.querySelector('table, tr, td, script, iframe, li')).to.equal(null);
      const texts = [...element.querySelectorAll('p')].map((p) => p.textContent);
      expect(texts).to.deep.equal(['Cell A', 'Cell B', '👋', 'Stray item']);
      expect(element.querySelector('strong')?.textContent).to.equal('Cell B');
      expect(element.textContent).to.contain('shown as text');
      expect(element.textContent).to.contain('frame text');
    });

    it('renders what it can from malformed input without throwing', async () => {
      const element = await show(
        doc(
          null,
          42,
          'a string',
          [paragraph(text('inside an array'))],
          { type: 'paragraph', content: 'not an array' },
          { type: 'paragraph', attrs: 'nope', content: [text('Kept'), { text: 7 }, { type: 'x' }] },
          { type: 'heading', attrs: { level: 'huge' }, content: [text('Odd heading')] },
          { type: 'orderedList', attrs: { start: 'javascript:' }, content: [] },
          paragraph(text('marks not an array', { type: 'bold' } as unknown as unknown[])),
        ),
      );

      expect(element.textContent).to.contain('Kept');
      expect(element.querySelector('h3')?.textContent).to.equal('Odd heading');
      expect(element.querySelector('ol')?.hasAttribute('start')).to.equal(false);
      expect(element.textContent).to.contain('marks not an array');
      expect(element.textContent).not.to.contain('inside an array');
    });

    it('survives cycles in the document', async () => {
      const looping: Json = { type: 'blockquote', content: [] };
      (looping.content as unknown[]).push(paragraph(text('Before the loop')), looping);
      const selfParagraph: Json = { type: 'paragraph', content: [text('Self')] };
      (selfParagraph.content as unknown[]).push(selfParagraph);

      const element = await show(doc(looping, selfParagraph));

      expect(element.querySelectorAll('blockquote')).to.have.length(1);
      expect(element.textContent).to.contain('Before the loop');
      expect(element.textContent).to.contain('Self');
    });

    it('flattens absurdly deep nesting to text instead of overflowing the stack', async () => {
      let node: Json = paragraph(text('Deep down'));
      for (let level = 0; level < 10_000; level += 1) {
        node = { type: 'blockquote', content: [node] };
      }

      const element = await show(doc(node));

      expect(element.querySelectorAll('blockquote').length).to.be.at.most(50);
      expect(element.textContent).to.contain('Deep down');
    });

    it('stops a document that reuses nodes from multiplying without end', async () => {
      // 2^60 paths if every reference were rendered.
      let node: Json = paragraph(text('leaf'));
      for (let level = 0; level < 60; level += 1) {
        node = { type: 'blockquote', content: [node, node] };
      }

      const element = await show(doc(node));

      expect(element.textContent).to.contain('leaf');
    });

    it('falls back to plain text for bodies that are not objects', async () => {
      const bodies = [null, undefined, 'text', 5, [], { body: 'doc' }, { body: { content: [] } }];
      for (const body of bodies) {
        const element = await show(body, 'Plain');
        expect(element.querySelector('p')?.textContent).to.equal('Plain');
      }
    });
  });

  describe('mentions', () => {
    const members = {
      community_members: [
        { id: 7, name: 'Ada Lovelace', rich_text_field_sgid: 'sgid-ada' },
        { id: 8, name: 'Alan Turing', rich_text_field_sgid: 'sgid-alan' },
      ],
      sgids_to_object_map: { 'sgid-grace': { id: 9, name: 'Grace Hopper' }, 'sgid-space': 'Space' },
    };
    const mentions = (...sgids: unknown[]): TiptapBody => ({
      body: {
        type: 'doc',
        content: [paragraph(...sgids.map((sgid) => ({ type: 'mention', attrs: { sgid } })))],
      },
      ...members,
    });

    it('resolves members from community_members and sgids_to_object_map', async () => {
      const element = await show(mentions('sgid-alan', 'sgid-grace'));

      const names = [...element.querySelectorAll('.mention')].map((mention) => mention.textContent);
      expect(names).to.deep.equal(['@Alan Turing', '@Grace Hopper']);
      expect(element.querySelector('a')).to.equal(null);
    });

    it('links mentions through mentionHref', async () => {
      const element = await show(mentions('sgid-ada'), null, {
        mentionHref: (member) => `https://host.example/members/${member.id}?name=${member.name}`,
      });

      const anchor = element.querySelector<HTMLAnchorElement>('a.mention')!;
      expect(anchor.textContent).to.equal('@Ada Lovelace');
      expect(anchor.href).to.equal('https://host.example/members/7?name=Ada%20Lovelace');
    });

    it('links by the member id when Circle sends it beside the user id', async () => {
      const body = mentions('sgid-ada');
      body.community_members = [
        { id: 7, community_member_id: 70, name: 'Ada Lovelace', rich_text_field_sgid: 'sgid-ada' },
      ] as unknown as TiptapBody['community_members'];
      const element = await show(body, null, { mentionHref: (member) => `/members/${member.id}` });

      expect(element.querySelector<HTMLAnchorElement>('a.mention')!.pathname).to.equal(
        '/members/70',
      );
    });

    it('resolves relative mention links against the host page', async () => {
      const element = await show(mentions('sgid-ada'), null, {
        mentionHref: (member) => `/members/${member.id}`,
      });

      expect(element.querySelector<HTMLAnchorElement>('a.mention')!.href).to.equal(
        new URL('/members/7', document.baseURI).href,
      );
    });

    it('shows an unsafe mention link as plain text', async () => {
      const element = await show(mentions('sgid-ada'), null, {
        mentionHref: () => 'javascript:window.__xss=true',
      });

      expect(element.querySelector('a')).to.equal(null);
      expect(element.querySelector('.mention')?.textContent).to.equal('@Ada Lovelace');
    });

    it('shows a neutral name for mentions it cannot resolve', async () => {
      const element = await show(mentions('unknown', 'sgid-space', '__proto__', 42), null, {
        strings: { unknownMember: 'Mitglied' },
      });

      const names = [...element.querySelectorAll('.mention')].map((mention) => mention.textContent);
      expect(names).to.deep.equal(['@Mitglied', '@Mitglied', '@Mitglied', '@Mitglied']);
    });
  });

  describe('embeds', () => {
    const embed = (url: string, title?: string): TiptapBody =>
      doc({ type: 'embed', attrs: { url, title } });

    it('shows a YouTube card and creates the player only when asked', async () => {
      const url = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m5s';
      const element = await cardsIn(await show(embed(url, 'A song')));

      expect(element.querySelector('iframe')).to.equal(null);
      expect(element.querySelector('.embed')?.textContent).to.contain('A song');
      expect(element.querySelector('.embed-host')?.textContent).to.equal('youtube.com');

      element.querySelector<HTMLButtonElement>('.embed button')!.click();
      await Promise.resolve();

      const frames = element.querySelectorAll('iframe');
      expect(frames).to.have.length(1);
      const src = new URL(frames[0].src);
      expect(src.origin + src.pathname).to.equal(
        'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      );
      expect(src.searchParams.get('start')).to.equal('65');
      expect(frames[0].title).to.equal('A song');
      expect(element.querySelector('button')).to.equal(null);
    });

    it('parses short and embed YouTube links', async () => {
      const urls = ['https://youtu.be/dQw4w9WgXcQ', 'https://youtube.com/shorts/dQw4w9WgXcQ'];
      for (const url of urls) {
        const element = await cardsIn(await show(embed(url)));
        element.querySelector<HTMLButtonElement>('.embed button')!.click();
        await Promise.resolve();

        expect(element.querySelector('iframe')?.src).to.match(
          /^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ\?/,
        );
      }
    });

    it('builds Vimeo players from the numeric id', async () => {
      const element = await cardsIn(await show(embed('https://vimeo.com/76979871/abcdef1234')));
      element.querySelector<HTMLButtonElement>('.embed button')!.click();
      await Promise.resolve();

      const src = new URL(element.querySelector('iframe')!.src);
      expect(src.origin + src.pathname).to.equal('https://player.vimeo.com/video/76979871');
      expect(src.searchParams.get('h')).to.equal('abcdef1234');
    });

    it('links other providers and malformed ids without a player', async () => {
      const urls = [
        'https://example.com/article',
        'https://www.youtube.com/watch?v=short',
        'https://www.youtube.com/watch?v=dQw4w9WgXc"><b',
        'https://evil.example/watch?v=dQw4w9WgXcQ',
        'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
        'https://vimeo.com/about',
      ];
      const element = await cardsIn(
        await show(doc(...urls.map((url) => ({ type: 'embed', attrs: { url } })))),
      );

      expect(element.querySelectorAll('button, iframe')).to.have.length(0);
      const hrefs = [...element.querySelectorAll('a')].map((anchor) => anchor.href);
      expect(hrefs).to.deep.equal(urls.map((url) => new URL(url).href));
    });

    it('keeps only the title of an embed with an unsafe URL', async () => {
      const element = await show(embed('javascript:window.__xss=true', 'Title only'));

      expect(element.querySelectorAll('a, button, iframe')).to.have.length(0);
      expect(element.textContent).to.contain('Title only');
    });

    it('uses the passed-in button text', async () => {
      const element = await cardsIn(
        await show(embed('https://youtu.be/dQw4w9WgXcQ'), null, {
          strings: { loadEmbed: 'Video laden' },
        }),
      );

      expect(element.querySelector('button')?.textContent?.trim()).to.equal('Video laden');
    });
  });

  describe('plain text fallback', () => {
    it('splits paragraphs on blank lines and keeps single newlines as breaks', async () => {
      const element = await show(null, 'First line\nsecond line\n\n  \nNext paragraph\r\n\r\nLast');

      const paragraphs = [...element.querySelectorAll('p')];
      expect(paragraphs.map((p) => p.innerText)).to.deep.equal([
        'First line\nsecond line',
        'Next paragraph',
        'Last',
      ]);
      expect(paragraphs[0].querySelectorAll('br')).to.have.length(1);
    });

    it('shows markup in the fallback as literal text', async () => {
      const element = await show(undefined, '<img src=x onerror="window.__xss=true">');

      expect(element.querySelector('img')).to.equal(null);
      expect(element.textContent).to.contain('<img src=x onerror="window.__xss=true">');
    });

    it('uses the fallback for an empty document, and renders nothing without one', async () => {
      expect((await show(doc(), 'From plain text')).textContent).to.contain('From plain text');
      expect((await show(null, null)).querySelector('.rich-text')?.textContent).to.equal('');
    });
  });

  it('renders a document of 5,000 paragraphs', async () => {
    const paragraphs = Array.from({ length: 5000 }, (_, index) =>
      paragraph(text(`Paragraph ${index}`, index % 2 ? [{ type: 'bold' }] : undefined)),
    );

    const element = await show(doc(...paragraphs));

    const rendered = element.querySelectorAll('p');
    expect(rendered).to.have.length(5000);
    expect(rendered[4999].textContent).to.equal('Paragraph 4999');
  });

  it("accepts the API's own tiptap_body type", async () => {
    const post: components['schemas']['basic_post'] = {
      tiptap_body: { body: { type: 'doc', content: [] } },
      body_plain_text: 'Typed',
    };

    const element = await fixture<HTMLElement>(
      html`<div>${renderRichText(post.tiptap_body, post.body_plain_text)}</div>`,
    );

    expect(element.textContent).to.contain('Typed');
  });
});

describe('safeUrl', () => {
  it('accepts absolute http, https and mailto URLs, normalized', () => {
    expect(safeUrl('https://example.com')).to.equal('https://example.com/');
    expect(safeUrl('  HTTP://Example.com/a b')).to.equal('http://example.com/a%20b');
    expect(safeUrl('mailto:someone@example.com')).to.equal('mailto:someone@example.com');
  });

  it('rejects script schemes, relative URLs and non-strings', () => {
    for (const url of [...DISGUISED_SCRIPT_URLS, '', '   ', null, undefined, 42, {}]) {
      expect(safeUrl(url), String(url)).to.equal(undefined);
    }
  });

  it('honours a narrower allowlist', () => {
    expect(safeUrl('mailto:someone@example.com', ['http', 'https'])).to.equal(undefined);
    expect(safeUrl('https://example.com/', ['https:'])).to.equal('https://example.com/');
    expect(safeUrl('http://example.com/', ['https'])).to.equal(undefined);
  });
});
