import { expect, fixture, waitUntil } from '@open-wc/testing';

import './support/sandbox.js';
import { captureWarnings, shadow, shadowAll, textOf } from './support/dom.js';
import {
  en,
  loadLocale,
  msg,
  resetStrings,
  setStrings,
  shippedTranslations,
  textDirection,
} from '../src/i18n/strings.js';
import type { StringKey, StringValue } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import type { CircleEvents } from '../src/elements/circle-events/circle-events.js';
import type { CircleFeed } from '../src/elements/circle-feed/circle-feed.js';
import '../src/elements/circle-events/circle-events.js';
import '../src/elements/circle-feed/circle-feed.js';

const WAIT = { timeout: 4000 };
const ZONE = 'Europe/Berlin';

type Table = Record<string, StringValue>;

/**
 * Every shipped translation, read from the list the elements load them from, so a locale added
 * there is checked here too. Each is imported by the test itself, so the first test sees none
 * loaded into the string table.
 */
const TRANSLATIONS = shippedTranslations;

async function translation(tag: string): Promise<Table> {
  return (await TRANSLATIONS[tag]!()).strings as Table;
}

/** A string of a table that has no plural forms. */
function plain(table: Table, key: StringKey): string {
  const value = table[key];
  expect(value, key).to.be.a('string');
  return value as string;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

function forms(value: StringValue): string[] {
  return typeof value === 'string' ? [value] : Object.values(value);
}

async function events(attributes: Record<string, string>): Promise<CircleEvents> {
  const element = document.createElement('circle-events');
  element.setAttribute('token-endpoint', '/api/circle-token');
  element.setAttribute('time-zone', ZONE);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return fixture<CircleEvents>(element);
}

async function feed(lang: string): Promise<CircleFeed> {
  const container = await fixture<HTMLDivElement>(
    `<div><circle-feed token-endpoint="/api/circle-token" lang=${lang}></circle-feed></div>`,
  );
  return container.querySelector('circle-feed')!;
}

function part(element: Element, name: string): HTMLElement | null {
  return shadow(element, `[part~="${name}"]`);
}

async function loaded(element: Element): Promise<void> {
  await waitUntil(() => part(element, 'item'), 'nothing was shown', WAIT);
}

/** Waits until the "Load more" button reads `text`. */
async function loadMoreReads(element: Element, text: string): Promise<void> {
  await waitUntil(
    () => textOf(part(element, 'load-more')) === text,
    `"Load more" never read "${text}" (it reads "${textOf(part(element, 'load-more'))}")`,
    WAIT,
  );
}

/** The first event's start, from the date block's `datetime`. */
function firstStart(element: Element): Date {
  const date = part(element, 'date');
  expect(date, 'no date block').to.exist;
  return new Date(date!.getAttribute('datetime')!);
}

afterEach(() => {
  resetStrings();
  resetWarnings();
  resetSessions();
  document.documentElement.lang = 'en';
});

describe('translations load on demand', () => {
  it('shows English until the language arrives, then updates itself', async () => {
    const element = document.createElement('circle-events');
    element.setAttribute('token-endpoint', '/api/circle-token');
    element.setAttribute('lang', 'fr');
    document.body.append(element);

    try {
      await element.updateComplete;
      const skeleton = shadow(element, '[aria-busy="true"]');
      expect(skeleton?.getAttribute('aria-label')).to.equal(en.loading);

      const french = await translation('fr');
      await waitUntil(
        () =>
          shadowAll(element, '[aria-label]').some((node) => node.ariaLabel === french.eventsLabel),
        'the French text never showed',
        WAIT,
      );
    } finally {
      element.remove();
    }
  });

  it('serves a regional or bare tag from its language, and anything else in English', async () => {
    await Promise.all(['pt-PT', 'es-MX', 'de-AT'].map((tag) => loadLocale(tag)));
    const brazilian = await translation('pt-BR');
    const spanish = await translation('es');
    const german = await translation('de');

    expect(msg('loadMore', {}, 'pt-PT')).to.equal(plain(brazilian, 'loadMore'));
    expect(msg('loadMore', {}, 'pt')).to.equal(plain(brazilian, 'loadMore'));
    expect(msg('loadMore', {}, 'es-MX')).to.equal(plain(spanish, 'loadMore'));
    expect(msg('loadMore', {}, 'de-AT')).to.equal(plain(german, 'loadMore'));
    expect(msg('loadMore', {}, 'en-GB')).to.equal(en.loadMore);
    expect(msg('loadMore', {}, 'this is not a tag')).to.equal(en.loadMore);
  });
});

describe('the shipped translations', () => {
  it('include the promised languages, one of them written right to left', () => {
    const tags = Object.keys(TRANSLATIONS);
    expect(tags).to.include.members(['es', 'pt-BR', 'fr', 'de', 'ja']);
    expect(tags.filter((tag) => textDirection(tag) === 'rtl')).not.to.be.empty;
  });

  for (const tag of Object.keys(TRANSLATIONS)) {
    it(`${tag} has exactly the English keys`, async () => {
      const table = await translation(tag);
      expect(Object.keys(table).sort()).to.deep.equal(Object.keys(en).sort());
    });

    it(`${tag} keeps each string's placeholders`, async () => {
      const table = await translation(tag);
      for (const key of Object.keys(en) as StringKey[]) {
        const english = new Set(forms(en[key]).flatMap(placeholders));
        const value = table[key]!;
        expect(typeof value, key).to.equal(typeof en[key]);

        if (typeof value === 'string') {
          expect(new Set(placeholders(value)), key).to.deep.equal(english);
          continue;
        }
        // A form for one thing or two may say so in words instead of with the {count} numeral.
        for (const [category, form] of Object.entries(value)) {
          const used = new Set(placeholders(form));
          const expected = new Set(english);
          if (category !== 'other') {
            used.delete('count');
            expected.delete('count');
          }
          expect(used, `${key}.${category}`).to.deep.equal(expected);
        }
      }
    });

    it(`${tag} has the plural forms its language uses`, async () => {
      const table = await translation(tag);
      const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
      for (const [key, value] of Object.entries(en)) {
        if (typeof value === 'string') continue;
        expect(Object.keys(table[key]!).sort(), key).to.deep.equal([...categories].sort());
      }
    });
  }

  it('chooses Arabic plural forms by count', async () => {
    await loadLocale('ar');
    const arabic = await translation('ar');
    const comments = arabic.comments as Record<Intl.LDMLPluralRule, string>;
    const number = new Intl.NumberFormat('ar');

    expect(msg('comments', { count: 1 }, 'ar')).to.equal(comments.one);
    expect(msg('comments', { count: 2 }, 'ar')).to.equal(comments.two);
    expect(msg('comments', { count: 3 }, 'ar')).to.equal(
      comments.few.replace('{count}', number.format(3)),
    );
    expect(msg('comments', { count: 11 }, 'ar')).to.equal(
      comments.many.replace('{count}', number.format(11)),
    );
  });
});

describe('elements in a language', () => {
  it('words a configuration mistake in the page language, inside and out', async () => {
    const german = await translation('de');
    const container = await fixture<HTMLDivElement>(
      `<div lang="de"><circle-feed></circle-feed>
        <circle-feed token-endpoint="javascript:alert(1)"></circle-feed></div>`,
    );
    const [missing, unusable] = container.querySelectorAll('circle-feed');
    await waitUntil(() => part(missing, 'error') && part(unusable, 'error'), 'no message', WAIT);

    const fill = (key: StringKey, values: Record<string, string> = {}) =>
      plain(german, key).replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
    const expected = (problem: string) => fill('configProblem', { problem });
    // The German table loads on demand; the expectation below then says what was shown instead.
    const inGerman = expected(fill('noTokenEndpoint'));
    const settled = () => textOf(part(missing, 'error')) === inGerman;
    await waitUntil(settled, 'not in German', WAIT).catch(() => undefined);
    expect(textOf(part(missing, 'error'))).to.equal(inGerman);
    const values = { name: 'token-endpoint', value: 'javascript:alert(1)' };
    expect(textOf(part(unusable, 'error'))).to.equal(expected(fill('badUrlAttribute', values)));
    expect(textOf(part(missing, 'error'))).not.to.include(en.noTokenEndpoint);
  });

  it('<circle-events lang="de"> shows German text and German dates', async () => {
    const german = await translation('de');
    const element = await events({ lang: 'de', paging: 'button', 'per-page': '2' });
    await loaded(element);
    await loadMoreReads(element, plain(german, 'loadMore'));
    expect(plain(german, 'loadMore')).not.to.equal(en.loadMore);

    const start = firstStart(element);
    const month = (lang: string, style: 'short' | 'long') =>
      new Intl.DateTimeFormat(lang, { month: style, timeZone: ZONE }).format(start);
    expect(month('de', 'short')).not.to.equal(month('en', 'short'));
    expect(textOf(shadow(element, '.date-month'))).to.equal(month('de', 'short'));
    expect(textOf(part(element, 'day-heading'))).to.include(month('de', 'long'));
  });

  it('<circle-events lang="ja"> shows Japanese text and dates', async () => {
    const japanese = await translation('ja');
    const element = await events({ lang: 'ja' });
    await loaded(element);

    const rsvp = part(element, 'rsvp-button');
    expect(rsvp, 'no RSVP button').to.exist;
    await waitUntil(
      () => [japanese.rsvp, japanese.cancelRsvp].includes(textOf(rsvp)),
      `the RSVP button reads "${textOf(rsvp)}"`,
      WAIT,
    );
    const month = new Intl.DateTimeFormat('ja', { month: 'short', timeZone: ZONE });
    expect(textOf(shadow(element, '.date-month'))).to.equal(month.format(firstStart(element)));
  });

  it('lays Arabic out right to left: the avatar is right of the name', async () => {
    const arabic = await translation('ar');
    expect(textDirection('ar')).to.equal('rtl');

    // One feed at a time: a second one would sit below the first, out of view and unrendered.
    const layout = async (lang: string) => {
      const element = await feed(lang);
      await loaded(element);
      const header = part(element, 'header')!;
      const avatar = header.querySelector('[part~="avatar"]')!.getBoundingClientRect();
      const name = header.querySelector('.author')!.getBoundingClientRect();
      const direction = getComputedStyle(element).direction;
      const label = part(element, 'list')?.getAttribute('aria-label');
      element.parentElement!.remove();
      return { avatar, name, direction, label };
    };

    await loadLocale('ar');
    const rtl = await layout('ar');
    expect(rtl.label).to.equal(arabic.feedLabel);
    expect(rtl.direction).to.equal('rtl');
    expect(rtl.avatar.left).to.be.at.least(rtl.name.right);

    const ltr = await layout('en');
    expect(ltr.direction).to.equal('ltr');
    expect(ltr.avatar.right).to.be.at.most(ltr.name.left);
  });

  it('keeps a dir set nearer than the lang', async () => {
    const container = await fixture<HTMLDivElement>(
      `<div dir="rtl"><circle-feed token-endpoint="/api/circle-token"></circle-feed></div>`,
    );
    const element = container.querySelector('circle-feed')!;
    await element.updateComplete;
    expect(element.hasAttribute('dir')).to.equal(false);
    expect(getComputedStyle(element).direction).to.equal('rtl');
  });
});

describe('replacing strings', () => {
  it('setStrings() rewords page-wide, and for one language only when given one', async () => {
    const [english, german] = [
      await events({ paging: 'button', 'per-page': '2' }),
      await events({ lang: 'de', paging: 'button', 'per-page': '2' }),
    ];
    await Promise.all([loaded(english), loaded(german)]);

    setStrings({ loadMore: 'More from the team' });
    await loadMoreReads(english, 'More from the team');
    await loadMoreReads(german, 'More from the team');

    setStrings({ loadMore: 'Mehr vom Team' }, 'de');
    await loadMoreReads(german, 'Mehr vom Team');
    await loadMoreReads(english, 'More from the team');
  });

  it('an element’s strings property wins, for that element only', async () => {
    const [mine, other] = [
      await events({ paging: 'button', 'per-page': '2' }),
      await events({ paging: 'button', 'per-page': '2' }),
    ];
    await Promise.all([loaded(mine), loaded(other)]);
    setStrings({ loadMore: 'Page-wide' });

    mine.strings = { loadMore: 'Just this one' };
    await loadMoreReads(mine, 'Just this one');
    await loadMoreReads(other, 'Page-wide');
  });

  it('a string missing in a language shows in English, with one warning', async () => {
    setStrings({ loadMore: 'Carica altri' }, 'it');
    let element!: CircleEvents;

    const warnings = await captureWarnings(async () => {
      element = await events({ lang: 'it', paging: 'button', 'per-page': '2' });
      await loaded(element);
      await loadMoreReads(element, 'Carica altri');
      for (let round = 0; round < 3; round++) {
        element.requestUpdate();
        await element.updateComplete;
      }
    });

    expect(textOf(part(element, 'rsvp-button'))).to.be.oneOf([en.rsvp, en.cancelRsvp]);
    const aboutRsvp = warnings.filter((warning) => /"(rsvp|cancelRsvp)"/.test(warning));
    expect(aboutRsvp).to.have.length(1);
    expect(aboutRsvp[0]).to.include('it');
  });

  it('warns once about a key that does not exist, and ignores it', async () => {
    const warnings = await captureWarnings(() => {
      setStrings({ lodMore: 'typo' } as never);
      setStrings({ lodMore: 'typo' } as never);
    });
    expect(warnings.filter((warning) => warning.includes('lodMore'))).to.have.length(1);
    expect(msg('loadMore')).to.equal(en.loadMore);
  });
});

describe('changing the language', () => {
  it('re-renders when <html lang> changes', async () => {
    const german = await translation('de');
    const element = await events({ paging: 'button', 'per-page': '2' });
    await loaded(element);
    await loadMoreReads(element, en.loadMore);

    document.documentElement.lang = 'de';
    await loadMoreReads(element, plain(german, 'loadMore'));
  });

  it('re-renders when the element’s own lang changes, and turns right to left for Arabic', async () => {
    const arabic = await translation('ar');
    const element = await events({ paging: 'button', 'per-page': '2' });
    await loaded(element);

    element.lang = 'ar';
    await loadMoreReads(element, plain(arabic, 'loadMore'));
    expect(element.getAttribute('dir')).to.equal('rtl');

    element.lang = 'en';
    await loadMoreReads(element, en.loadMore);
    expect(element.hasAttribute('dir')).to.equal(false);
  });
});
