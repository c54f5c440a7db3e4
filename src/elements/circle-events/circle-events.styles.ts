import { css } from 'lit';

/**
 * What a card's description needs of the rich-text styles, for its plain paragraphs; the detail
 * brings the rest with the rich-text renderer.
 */
export const summaryStyles = css`
  .rich-text {
    color: var(--_text, #1f2328);
    font-family: var(--circle-font-family, inherit);
    line-height: 1.6;
    overflow-wrap: anywhere;
  }

  .rich-text p {
    margin: 0 0 0.75em;
  }
`;

export const eventsStyles = css`
  .list {
    display: grid;
    gap: var(--circle-events-gap, var(--_space));
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .card {
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
    min-width: 0;
  }

  .cover {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 2 / 1;
    object-fit: cover;
    background: var(--_surface-2);
  }

  .content {
    display: flex;
    gap: var(--_space);
    padding: var(--_space);
  }

  .details {
    display: grid;
    gap: 0.25rem;
    flex: 1;
    min-width: 0;
    align-content: start;
  }

  .date {
    display: grid;
    flex: none;
    place-content: center;
    width: 3.5rem;
    height: 3.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    text-align: center;
    line-height: 1.1;
  }

  .date-month {
    color: var(--_accent);
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
  }

  .date-day {
    font-size: 1.375em;
    font-weight: 700;
  }

  .title {
    margin: 0;
    font-size: 1.0625em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .title a {
    color: inherit;
    text-decoration: none;
  }

  /* The whole title is the target: at least 24px tall, which WCAG 2.2 asks of a control. */
  .title a,
  .title-button {
    display: inline-block;
    min-height: 24px;
  }

  .title a:hover {
    text-decoration: underline;
  }

  .time,
  .event-zone,
  .location {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }

  .event-zone {
    font-size: 0.8125em;
  }

  .location-type {
    font-weight: 600;
  }

  /* Two classes, to stay above the 1em of rich text, whose styles come later with the detail. */
  .details > .body {
    margin-top: 0.25rem;
    font-size: 0.9375em;
  }

  .body.clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--circle-events-body-lines, 3);
    line-clamp: var(--circle-events-body-lines, 3);
    overflow: hidden;
  }

  .body .rich-text > :first-child {
    margin-top: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin-top: 0.5rem;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .going {
    color: var(--_accent);
    font-weight: 600;
  }

  .going:empty {
    display: none;
  }

  .rsvp-state {
    font-style: italic;
  }

  .rsvp {
    margin-inline-start: auto;
  }

  .rsvp[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.6;
  }

  .calendar {
    position: relative;
    margin-top: 0.5rem;
  }

  .paging {
    display: flex;
    justify-content: center;
    margin-top: var(--circle-events-gap, var(--_space));
  }

  .skeleton-card .date {
    border: none;
  }

  /* Days of the list view, under headings that stay in view while their events scroll by. */
  .days {
    display: grid;
    gap: calc(var(--circle-events-gap, var(--_space)) * 1.5);
  }

  .day-heading {
    position: sticky;
    top: var(--circle-events-sticky-top, 0px);
    z-index: 1;
    margin: 0 0 0.5rem;
    padding: 0.375rem 0;
    background: var(--circle-events-heading-background, var(--_surface));
    font-size: 0.9375em;
    font-weight: 600;
  }

  .day-heading:focus-visible {
    outline-offset: 2px;
  }

  .title-button {
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .title-button:hover {
    text-decoration: underline;
  }

  .live {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    margin-inline-start: 0.5rem;
    font-weight: 600;
  }

  .live.now {
    color: var(--_danger);
  }

  .live.now::before {
    content: '';
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: currentColor;
  }

  .live.soon {
    color: var(--_accent);
  }

  .map-link {
    margin-inline-start: 0.5rem;
  }

  .facepile {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.125rem 0.25rem;
    border: 0;
    border-radius: 999px;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  .facepile:hover .attendees {
    text-decoration: underline;
  }

  .faces {
    display: inline-flex;
  }

  .faces .avatar {
    width: 1.625rem;
    height: 1.625rem;
    border: 2px solid var(--_surface);
    font-size: 0.625rem;
  }

  .faces .avatar + .avatar {
    margin-inline-start: -0.5rem;
  }

  /* The compact view: a short list for a sidebar. */
  .compact {
    gap: 0.75rem;
  }

  .row {
    display: flex;
    gap: 0.75rem;
    align-items: start;
  }

  .row .date {
    width: 2.75rem;
    height: 3rem;
  }

  .row .date-day {
    font-size: 1.125em;
  }

  .row .title {
    font-size: 0.9375em;
  }

  .row .going {
    font-size: 0.8125em;
  }

  /* The detail dialog. */
  .detail {
    width: min(40rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow-raised);
    color: inherit;
    font: inherit;
  }

  .detail::backdrop {
    background: rgb(15 17 25 / 0.55);
  }

  .detail-body {
    position: relative;
  }

  .detail-body > .details {
    display: grid;
    gap: 0.5rem;
    padding: var(--_space);
  }

  .detail .title {
    padding-inline-end: 2.5rem;
    font-size: 1.375em;
  }

  .detail-close {
    position: absolute;
    inset-block-start: 0.5rem;
    inset-inline-end: 0.5rem;
    z-index: 1;
    width: 2.25rem;
    height: 2.25rem;
    padding: 0;
    border-radius: 50%;
    font-size: 1.25em;
    line-height: 1;
  }
`;
