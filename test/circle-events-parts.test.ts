// <circle-events> fetches the code of its detail, its calendar options and its month view only
// when a reader is about to need it, shows that it is loading meanwhile, and offers to try again
// when the code could not be fetched (circle-events-unreachable and circle-events-offline). A
// browser fetches a module once per page, so the order of these tests matters: the first ones see
// each part's code fetched for the first time.
import { worker } from './support/sandbox.js';
import { holdModule } from './support/held-module.js';
import {
  calendar,
  CODE,
  ENDPOINT,
  firstUpcoming,
  focusOf,
  loaded,
  part,
  parts,
  recordCodeRequests,
  text,
  titleLink,
  WAIT,
} from './support/events.js';
import { axeViolations } from './support/dom.js';
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { http } from 'msw';

import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';

// -------------------------------------------------------------------------------------------
// The parts' code, as the page asks for it

let codeRequests: ReturnType<typeof recordCodeRequests> | undefined;

/** Whether the page has asked for the module `name` (such as 'event-detail') so far. */
function askedFor(name: string): boolean {
  return codeRequests?.asked.includes(`${name}.ts`) ?? false;
}

/** Holds back the code of part `name` until the test releases it. */
const holdCode = (name: string) => holdModule(`${CODE}${name}.ts`);

/** Long enough for a request that should not come, to come. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('<circle-events> parts fetched on demand', () => {
  beforeEach(() => {
    resetSessions();
    resetWarnings();
    codeRequests = recordCodeRequests();
  });

  afterEach(async () => {
    codeRequests?.stop();
    await resetMouse();
  });

  it('a list fetches no part; pointing at a title fetches the detail, shown loading meanwhile', async () => {
    const held = holdCode('event-detail');
    const post = firstUpcoming();
    const element = await calendar();
    await loaded(element);
    await settle();
    for (const name of ['event-detail', 'calendar-menu', 'month-view']) {
      expect(askedFor(name), `${name} was fetched before anyone asked`).to.equal(false);
    }

    const link = titleLink(element, post);
    link.scrollIntoView({ block: 'center' });
    const box = link.getBoundingClientRect();
    const point: [number, number] = [Math.round(box.x + 5), Math.round(box.y + box.height / 2)];
    await sendMouse({ type: 'move', position: point });
    await waitUntil(() => askedFor('event-detail'), 'pointing did not fetch the detail', WAIT);
    expect(askedFor('calendar-menu')).to.equal(false);

    // The click comes before the code: the dialog opens on the event's title over "Loading…".
    link.click();
    const dialog = part(element, 'detail') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'the detail did not open', WAIT);
    expect(text(part(dialog, 'title'))).to.equal(post.name);
    expect(text(dialog)).to.include(msg('loading'));
    expect(dialog.querySelector('.details')!.getAttribute('aria-busy')).to.equal('true');
    expect(element.shadowRoot!.activeElement, focusOf(element)).to.equal(
      part(dialog, 'detail-close'),
    );
    expect(await axeViolations(element)).to.deep.equal([]);

    held.release();
    await waitUntil(() => part(dialog, 'body'), 'the event did not show', WAIT);
    expect(dialog.querySelector('.details')!.hasAttribute('aria-busy')).to.equal(false);
    expect(text(part(dialog, 'title'))).to.equal(post.name);
    expect(element.shadowRoot!.activeElement, focusOf(element)).to.equal(
      part(dialog, 'detail-close'),
    );
    dialog.close();
  });

  it('tabbing to "Add to calendar" fetches its options, which show once they have come', async () => {
    const held = holdCode('calendar-menu');
    const element = await calendar();
    await loaded(element);
    const item = part(element, 'item')!;
    const button = part(item, 'calendar-button')!;
    const menu = part(item, 'calendar-menu')!;
    expect(askedFor('calendar-menu')).to.equal(false);

    button.focus();
    await waitUntil(() => askedFor('calendar-menu'), 'focus did not fetch the options', WAIT);
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.hidden, 'the options showed before they came').to.equal(true);
    expect(part(item, 'calendar')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(part(item, 'calendar'))).to.include(msg('loading'));

    held.release();
    await waitUntil(() => !menu.hidden, 'the options did not show', WAIT);
    expect(parts(menu, 'calendar-option').map(text)).to.deep.equal([
      msg('downloadIcs'),
      msg('googleCalendar'),
      msg('outlookCalendar'),
    ]);
    expect(part(item, 'calendar')!.hasAttribute('aria-busy')).to.equal(false);
    expect(text(part(item, 'calendar'))).not.to.include(msg('loading'));
    expect(element.shadowRoot!.activeElement, focusOf(element)).to.equal(button);
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement, focusOf(element)).to.equal(
      part(menu, 'calendar-option'),
    );
  });

  it("a month asks for its view's code and the session's token at once", async () => {
    let tokenAsked = false;
    let releaseToken!: () => void;
    const tokenGate = new Promise<void>((resolve) => (releaseToken = resolve));
    worker.use(
      http.post(ENDPOINT, async () => {
        tokenAsked = true;
        await tokenGate;
        return undefined;
      }),
    );
    const held = holdCode('month-view');
    const element = await calendar('view="month"');

    // Both requests are out before either has answered; the skeleton shows meanwhile.
    await waitUntil(() => askedFor('month-view'), 'the month view was not fetched', WAIT);
    await waitUntil(() => tokenAsked, 'the token waited for the code', WAIT);
    const skeleton = element.shadowRoot!.querySelector('[aria-busy="true"]');
    expect(text(skeleton)).to.equal(msg('loading'));
    expect(part(element, 'month-grid') === null, 'a grid before its code').to.equal(true);

    // Then the grid, with "Loading…" under it until the month's events are in.
    held.release();
    await waitUntil(() => part(element, 'month-grid'), 'the grid did not show', WAIT);
    expect(text(part(element, 'loading'))).to.equal(msg('loading'));
    releaseToken();
    await waitUntil(() => part(element, 'day-event'), "the month's events did not show", WAIT);
    expect(part(element, 'loading') === null, 'still loading').to.equal(true);
    expect(await axeViolations(element)).to.deep.equal([]);
  });
});
