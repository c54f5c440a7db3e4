// When the code of a part of <circle-events> cannot be fetched (the CDN is unreachable), the part
// shows the element's error with its retry, the page hears of each failed fetch once through
// `circle-error`, and the retry shows the part once the code can be fetched. A part's code is
// fetched once for the page, so each is tested once.
import { worker } from './support/sandbox.js';
import {
  calendar,
  CODE,
  expectUnreachable,
  part,
  recordCodeRequests,
  text,
  WAIT,
} from './support/events.js';
import { axeViolations } from './support/dom.js';
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';

import type { CircleErrorDetail } from '../src/events.js';
import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';

/** Where the test server serves the iCalendar writer, which an .ics download fetches. */
const ICAL_GENERATOR = '/node_modules/ical-generator/';

/** Makes every fetch of the module `name` (such as 'event-detail') fail, as if offline. */
function unreachable(name: string): void {
  worker.use(http.get(`${CODE}${name}.ts`, () => HttpResponse.error()));
}

/** Moves the pointer onto `target`, as a reader about to click it. */
async function pointAt(target: HTMLElement): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  const point: [number, number] = [Math.round(box.x + 5), Math.round(box.y + box.height / 2)];
  await sendMouse({ type: 'move', position: point });
}

/** Long enough for a request or an event that should not come, to come. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
}

// Anything thrown out of the element's callbacks or left unhandled would land here.
const thrown: string[] = [];
window.addEventListener('error', (event) => thrown.push(event.message));
window.addEventListener('unhandledrejection', (event) => thrown.push(String(event.reason)));

// What the page hears through `circle-error`, which bubbles out of the element to the document.
const reported: string[] = [];
document.addEventListener('circle-error', (event) => {
  reported.push((event as CustomEvent<CircleErrorDetail>).detail.kind);
});

const { asked } = recordCodeRequests();

/** How many times the page has asked for the module `name`, whatever the query. */
const requestsFor = (name: string) => asked.filter((file) => file === `${name}.ts`).length;

describe('<circle-events> parts whose code cannot be fetched', () => {
  beforeEach(() => {
    resetSessions();
    resetWarnings();
    thrown.length = 0;
    reported.length = 0;
  });

  afterEach(async () => {
    await resetMouse();
    expect(thrown, 'thrown or unhandled').to.deep.equal([]);
  });

  it('the detail opens on the title with the error and its retry, told to the page', async () => {
    unreachable('event-detail');
    const element = await calendar();
    await waitUntil(() => part(element, 'item'), 'no events shown', WAIT);
    const title = part(part(element, 'item')!, 'title')!;
    const link = title.querySelector<HTMLElement>('a, button')!;

    link.click();
    const dialog = part(element, 'detail') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'the detail did not open', WAIT);
    await waitUntil(() => part(dialog, 'error'), 'no error in the detail', WAIT);
    expectUnreachable(part(dialog, 'error'), 'the detail');
    expect(text(part(dialog, 'title'))).to.equal(text(title));
    expect(element.shadowRoot!.activeElement === part(dialog, 'detail-close')).to.equal(true);
    expect(await axeViolations(element)).to.deep.equal([]);
    await settle();
    expect(reported, 'circle-error for one failed fetch').to.deep.equal(['network']);

    // Closed, a pointer on the title does not try again unasked.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Esc did not close the detail', WAIT);
    await pointAt(link);
    await settle();
    expect(requestsFor('event-detail'), 'fetched again unasked').to.equal(1);

    // Opening the event again is the reader asking: a second failed fetch, told once more.
    link.click();
    await waitUntil(() => requestsFor('event-detail') === 2, 'the click did not try again', WAIT);
    await waitUntil(() => part(dialog, 'error'), 'no error in the detail again', WAIT);
    await settle();
    expect(reported).to.deep.equal(['network', 'network']);

    worker.resetHandlers();
    part(dialog, 'retry-button')!.click();
    await waitUntil(() => part(dialog, 'body'), 'the retry did not show the event', WAIT);
    expect(reported, 'circle-error once the part came').to.deep.equal(['network', 'network']);
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
    await settle();
    expect(reported, 'circle-error for one failed fetch').to.deep.equal(['network']);

    worker.resetHandlers();
    part(item, 'retry-button')!.click();
    await waitUntil(() => !menu.hidden, 'the retry did not show the options', WAIT);
  });

  it('a failed .ics download says so; the next click fetches the writer', async function () {
    // Its waits (events, options, the notice, the file) can add up on a busy machine.
    this.timeout(12_000);
    const writerRequests: string[] = [];
    const recordWriterRequest = ({ request }: { request: Request }) => {
      if (request.url.includes(ICAL_GENERATOR)) writerRequests.push(request.url);
    };
    worker.events.on('request:start', recordWriterRequest);
    worker.use(http.get(new RegExp(ICAL_GENERATOR), () => HttpResponse.error()));
    const files: Blob[] = [];
    const { createObjectURL } = URL;
    URL.createObjectURL = (blob: Blob) => {
      files.push(blob);
      return createObjectURL(blob);
    };
    // The download's own link would leave the test page.
    const keepPage = (click: Event) => click.preventDefault();
    document.addEventListener('click', keepPage, true);

    try {
      const element = await calendar();
      await waitUntil(() => part(element, 'item'), 'no events shown', WAIT);
      const item = part(element, 'item')!;
      part(item, 'calendar-button')!.click();
      const menu = part(item, 'calendar-menu')!;
      await waitUntil(() => !menu.hidden, 'the options did not show', WAIT);

      part(menu, 'calendar-option')!.click();
      await waitUntil(() => part(element, 'notice'), 'the failed download said nothing', WAIT);
      expect(text(part(element, 'notice'))).to.equal(msg('icsFailed'));
      expect(files, 'a file without its writer').to.have.length(0);
      expect(reported, 'circle-error for the failed download').to.deep.equal(['network']);

      worker.resetHandlers();
      const asked = writerRequests.length;
      part(menu, 'calendar-option')!.click();
      await waitUntil(() => files.length === 1, 'the next click did not download the file', WAIT);
      expect(writerRequests.length, 'the writer was not asked for again').to.be.above(asked);
    } finally {
      worker.events.removeListener('request:start', recordWriterRequest);
      URL.createObjectURL = createObjectURL;
      document.removeEventListener('click', keepPage, true);
    }
  });

  it('a month shows the error and its retry instead of its grid; refresh() retries too', async () => {
    unreachable('month-view');
    const element = await calendar('view="month"');
    await waitUntil(() => part(element, 'error'), 'no error instead of the month', WAIT);
    expectUnreachable(part(element, 'error'), 'the month view');
    expect(part(element, 'month-grid') === null, 'a grid without its code').to.equal(true);
    expect(await axeViolations(element)).to.deep.equal([]);
    await settle();
    expect(reported, 'circle-error for one failed fetch').to.deep.equal(['network']);

    // refresh() tries again, as the retry does.
    element.refresh();
    await waitUntil(() => requestsFor('month-view') === 2, 'refresh() did not try again', WAIT);
    await waitUntil(() => part(element, 'error'), 'no error after refresh()', WAIT);
    await settle();
    expect(reported).to.deep.equal(['network', 'network']);

    worker.resetHandlers();
    part(element, 'retry-button')!.click();
    await waitUntil(() => part(element, 'day-event'), 'the retry did not show the month', WAIT);
  });
});
