// What the calendar reads from Circle's event posts, apart from how it draws them.

import type { EventPost } from '../../api/types.js';

export type EventSettings = NonNullable<EventPost['event_setting_attributes']>;

/** A valid Date from an API timestamp, or undefined. */
export function validDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The title an event shows: its display title, else its name. */
export function titleOf(event: EventPost): string {
  return event.display_title || event.name || '';
}

export function startOf(event: EventPost): Date | undefined {
  return validDate(event.event_setting_attributes?.starts_at);
}

export function endOf(event: EventPost): Date | undefined {
  return validDate(event.event_setting_attributes?.ends_at);
}

/** Over once its end (or, without one, its start) has passed. */
export function hasEnded(event: EventPost, now: number): boolean {
  const end = endOf(event) ?? startOf(event);
  return end !== undefined && end.getTime() <= now;
}

export function isEventPost(post: object): post is EventPost {
  return 'event_setting_attributes' in post && Boolean(post.event_setting_attributes);
}

export function isRecurring(event: EventPost): boolean {
  return event.event_type === 'recurring' || Boolean(event.recurring_setting_attributes?.frequency);
}

export function attendeeCount(event: EventPost): number {
  return event.event_setting_attributes?.rsvp_count ?? event.event_attendees?.count ?? 0;
}

/** Full when a limit is set and reached. */
export function isFull(limit: number | null | undefined, count: number): boolean {
  return typeof limit === 'number' && limit > 0 && count >= limit;
}

/** The fields an RSVP changes, as they are now, to roll back to. */
export function rsvpFields(event: EventPost): Partial<EventPost> {
  const { rsvped_event, rsvp_status, event_setting_attributes, event_attendees } = event;
  return { rsvped_event, rsvp_status, event_setting_attributes, event_attendees };
}

/** The fields an RSVP (or its cancellation) changes, as they will be once it is saved. */
export function rsvpChanges(event: EventPost, going: boolean): Partial<EventPost> {
  const step = going ? 1 : -1;
  const settings = event.event_setting_attributes ?? {};
  const attendees = event.event_attendees;

  return {
    rsvped_event: going,
    rsvp_status: going ? 'yes' : 'no',
    event_setting_attributes: {
      ...settings,
      rsvp_count: Math.max(0, attendeeCount(event) + step),
    },
    event_attendees:
      attendees?.count === undefined
        ? attendees
        : { ...attendees, count: Math.max(0, attendees.count + step) },
  };
}

/** Whether the event keeps its place or join link from this member (until they RSVP). */
export function locationHidden(event: EventPost): boolean {
  const settings = event.event_setting_attributes;
  return Boolean(settings?.hide_location_from_non_attendees) && !event.rsvped_event;
}

/** Whether the event takes place in person rather than online. */
export function isInPerson(event: EventPost): boolean {
  const settings = event.event_setting_attributes ?? {};
  return (
    settings.location_type === 'in_person' ||
    (!settings.location_type && Boolean(settings.in_person_location))
  );
}

/** A map search for an in-person address; every phone and desktop opens it in a map. */
export function mapUrl(place: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(place)}`;
}

/** Whether an event takes place at some time from `from` until (not including) `until`. */
export function overlaps(event: EventPost, from: number, until: number): boolean {
  const start = startOf(event)?.getTime();
  if (start === undefined) return from === -Infinity && until === Infinity;
  const end = Math.max(endOf(event)?.getTime() ?? start, start + 1);
  return start < until && end > from;
}
