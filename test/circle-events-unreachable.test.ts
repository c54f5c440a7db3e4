// When the code of a part of <circle-events> cannot be fetched (the CDN is unreachable), the part
// shows the element's error with its retry, and the retry shows the part once the code can be
// fetched. A part's code is fetched once for the page, so each is tested once.
import { worker } from './support/sandbox.js';
import { calendar, CODE, expectUnreachable, part, text, WAIT } from './support/events.js';
import { axeViolations } from './support/dom.js';
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';

import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';

/** Makes every fetch of the module `name` (such as 'event-detail') fail, as if offline. */
function unreachable(name: string): void {
  worker.use(http.get(`${CODE}${name}.ts`, () => HttpResponse.error()));
}

// Anything thrown out of the element's callbacks or left unhandled would land here.
const thrown: string[] = [];
window.addEventListener('error', (event) => thrown.push(event.message));
window.addEventListener('unhandledrejection', (event) => thrown.push(String(event.reason)));

describe('<circle-events> parts whose code cannot be fetched', () => {
  beforeEach(() => {
    resetSessions();
    resetWarnings();
    thrown.length = 0;
  });

  afterEach(() => {
    expect(thrown, 'thrown or unhandled').to.deep.equal([]);
  });

  it('the detail opens on the title with the error and its retry', async () => {
    unreachable('event-detail');
    const element = await calendar();
    await waitUntil(() => part(element, 'item'), 'no events shown', WAIT);
    const title = part(part(element, 'item')!, 'title')!;

    title.querySelector<HTMLElement>('a, button')!.click();
    const dialog = part(element, 'detail') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'the detail did not open', WAIT);
    await waitUntil(() => part(dialog, 'error'), 'no error in the detail', WAIT);
    expectUnreachable(part(dialog, 'error'), 'the detail');
    expect(text(part(dialog, 'title'))).to.equal(text(title));
    expect(element.shadowRoot!.activeElement === part(dialog, 'detail-close')).to.equal(true);
    expect(await axeViolations(element)).to.deep.equal([]);

    worker.resetHandlers();
    part(dialog, 'retry-button')!.click();
    await waitUntil(() => part(dialog, 'body'), 'the retry did not show the event', WAIT);
    dialog.close();
  });

  it('the calendar options stay hidden, with the error and its retry under their button', async () => {
    unreachable('calendar-menu');
    const element = await calendar();
    await waitUntil(() => part(element, 'item'), 'no events shown', WAIT);
    const item = part(element, 'item')!;
    const button = part(item, 'calendar-button')!;
    const menu = part(item, 'calendar-menu')!;

    button.click();
    await waitUntil(() => part(item, 'error'), 'no error under the button', WAIT);
    expectUnreachable(part(item, 'error'), 'the calendar options');
    expect(menu.hidden).to.equal(true);
    expect(part(item, 'calendar')!.hasAttribute('aria-busy')).to.equal(false);

    worker.resetHandlers();
    part(item, 'retry-button')!.click();
    await waitUntil(() => !menu.hidden, 'the retry did not show the options', WAIT);
  });

  it('a month shows the error and its retry instead of its grid', async () => {
    unreachable('month-view');
    const element = await calendar('view="month"');
    await waitUntil(() => part(element, 'error'), 'no error instead of the month', WAIT);
    expectUnreachable(part(element, 'error'), 'the month view');
    expect(part(element, 'month-grid') === null, 'a grid without its code').to.equal(true);
    expect(await axeViolations(element)).to.deep.equal([]);

    worker.resetHandlers();
    part(element, 'retry-button')!.click();
    await waitUntil(() => part(element, 'day-event'), 'the retry did not show the month', WAIT);
  });
});
