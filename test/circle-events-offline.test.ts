// <circle-events> on a page that goes offline before a reader first opens a part: the part's code
// is not asked for while the browser says it is offline, the part shows the element's error with
// its retry, and it comes once the browser is back online. A module fetched once stays for the
// page, so these tests live apart from those that fetch the parts' code.
import {
  calendar,
  expectUnreachable,
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
import { axeViolations, captureWarnings } from './support/dom.js';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';

/** Makes the browser say it is offline, until the returned function brings it back. */
function goOffline(): (announce: boolean) => void {
  const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
  Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
  return (announce) => {
    Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    if (announce) window.dispatchEvent(new Event('online'));
  };
}

/** The requests for the element's own code, by file name, all through the page. */
const { asked } = recordCodeRequests();

describe('<circle-events> parts on a page that went offline first', () => {
  let backOnline: ((announce: boolean) => void) | undefined;

  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  afterEach(() => {
    backOnline?.(false);
    backOnline = undefined;
  });

  it('offline, the detail shows the error with its retry, and the event once retried', async () => {
    const post = firstUpcoming();
    const element = await calendar();
    await loaded(element);

    backOnline = goOffline();
    titleLink(element, post).click();
    const dialog = part(element, 'detail') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'the detail did not open', WAIT);
    await waitUntil(() => part(dialog, 'error'), 'no error in the detail', WAIT);
    expectUnreachable(part(dialog, 'error'), 'the detail');
    expect(text(part(dialog, 'title'))).to.equal(post.name);
    expect(dialog.querySelector('.details')!.hasAttribute('aria-busy')).to.equal(false);
    expect(element.shadowRoot!.activeElement, focusOf(element)).to.equal(
      part(dialog, 'detail-close'),
    );
    expect(await axeViolations(element)).to.deep.equal([]);
    expect(asked, 'asked for code while offline').not.to.include('event-detail.ts');

    backOnline(false);
    part(dialog, 'retry-button')!.click();
    await waitUntil(() => part(dialog, 'body'), 'the retry did not show the event', WAIT);
    expect(part(dialog, 'error')).to.equal(null);
    await waitUntil(
      () => dialog.querySelector('.attendee-section, [part~="series"]'),
      'the attendees did not load',
      WAIT,
    );

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Esc did not close the detail', WAIT);
  });

  it('offline, the calendar options show the error, and come once the browser is online', async () => {
    const element = await calendar();
    await loaded(element);
    const item = part(element, 'item')!;
    const menu = part(item, 'calendar-menu')!;

    backOnline = goOffline();
    part(item, 'calendar-button')!.click();
    await waitUntil(() => part(item, 'error'), 'no error under the button', WAIT);
    expectUnreachable(part(item, 'error'), 'the calendar options');
    expect(menu.hidden).to.equal(true);

    // Back online, the element tries again by itself.
    backOnline(true);
    await waitUntil(() => !menu.hidden, 'the options did not show once online', WAIT);
    expect(part(item, 'error')).to.equal(null);
    expect(parts(menu, 'calendar-option')).to.have.length(3);
  });

  it('offline, a month shows the error instead of its grid, and the month once retried', async () => {
    backOnline = goOffline();
    const warnings = await captureWarnings(async () => {
      const element = await calendar('view="month"');
      await waitUntil(() => part(element, 'error'), 'no error instead of the month', WAIT);
      expectUnreachable(part(element, 'error'), 'the month view');
      expect(part(element, 'month-grid')).to.equal(null);

      backOnline!(false);
      part(element, 'retry-button')!.click();
      await waitUntil(() => part(element, 'day-event'), 'the retry did not show the month', WAIT);
      expect(part(element, 'error')).to.equal(null);
    });
    expect(warnings).to.deep.equal([]);
  });
});
