// The options behind <circle-events>' "Add to calendar" button: an .ics download and links that
// open Google Calendar or Outlook filled in. Few readers open them, so the element fetches this
// module when one is about to, and draws the button itself.
import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';

import type { EventPost } from '../../api/types.js';
import { codeUnreachable } from '../../controllers/lazy-part.js';
import type { StringKey } from '../../i18n/strings.js';
import { googleCalendarUrl, icsFileName, icsFor, loadIcs, outlookUrl } from './calendar.js';

export { loadIcs };

/** How long an .ics download waits for its series' time zone before writing it in UTC. */
const ZONE_WAIT_MS = 3000;

export const styles = [
  css`
    .calendar-menu {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
    }

    .calendar-option {
      padding: 0.25rem 0;
      border: 0;
      background: none;
      color: var(--_accent);
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
    }
  `,
];

/** What the options take from <circle-events>. */
export interface CalendarMenuHost {
  t(key: StringKey, values?: Record<string, string | number>): string;
  /** The series' own time zone, once it is known. */
  eventZone(event: EventPost): string | undefined;
  /** The lookup of the event's zone, if one is on its way; it never fails. */
  zoneLookup(event: EventPost): Promise<unknown> | undefined;
  reportFailure(key: StringKey, error: unknown): void;
  /** Hides the options that `inside` is in, and puts focus back on their button. */
  closeCalendar(inside: Element | null): void;
  /** The element's shadow root, where a download's link is clicked. */
  root(): ParentNode;
}

/** The options, as the items of the element's list of them. */
export function renderCalendarOptions(event: EventPost, host: CalendarMenuHost): TemplateResult {
  const google = googleCalendarUrl(event, host.eventZone(event));
  const outlook = outlookUrl(event);
  const close = (click: Event) => host.closeCalendar(click.currentTarget as Element | null);

  return html`<li>
      <button
        class="calendar-option"
        part="calendar-option"
        type="button"
        @click=${(click: Event) => void downloadIcs(event, click, host)}
      >
        ${host.t('downloadIcs')}
      </button>
    </li>
    ${[[google, 'googleCalendar'] as const, [outlook, 'outlookCalendar'] as const].map(
      ([href, key]) =>
        href
          ? html`<li>
              <a
                class="calendar-option"
                part="calendar-option"
                href=${href}
                target="_blank"
                rel="noopener noreferrer"
                @click=${close}
                >${host.t(key)}</a
              >
            </li>`
          : nothing,
    )}`;
}

/** Saves the event as an .ics file through a short-lived Blob URL. */
async function downloadIcs(event: EventPost, click: Event, host: CalendarMenuHost): Promise<void> {
  // The click's target is forgotten by the time the iCalendar writer has loaded.
  const option = click.currentTarget as Element | null;
  try {
    // A recurring event written in UTC would drift an hour across DST: its zone comes first,
    // unless Circle is too slow to say it.
    const zone = host.zoneLookup(event);
    const enough = new Promise((resolve) => setTimeout(resolve, ZONE_WAIT_MS));
    await Promise.all([loadIcs(), zone && Promise.race([zone, enough])]);
  } catch {
    // The zone's lookup never fails: the writer's code could not be fetched.
    host.reportFailure('icsFailed', codeUnreachable);
    return;
  }

  const ics = icsFor(event, host.eventZone(event));
  if (!ics) return;

  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = icsFileName(event);
  link.hidden = true;
  host.root().append(link);
  link.click();
  link.remove();
  host.closeCalendar(option);

  // The download has started by the next task; revoking sooner can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
