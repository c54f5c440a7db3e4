import { css } from 'lit';

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

  .month {
    color: var(--_accent);
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
  }

  .day {
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

  .body {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--circle-events-body-lines, 3);
    line-clamp: var(--circle-events-body-lines, 3);
    overflow: hidden;
    margin-top: 0.25rem;
    font-size: 0.9375em;
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

  .calendar-menu {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
  }

  .calendar-menu[hidden] {
    display: none;
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

  .paging {
    display: flex;
    justify-content: center;
    margin-top: var(--circle-events-gap, var(--_space));
  }

  .skeleton-card .date {
    border: none;
  }
`;
