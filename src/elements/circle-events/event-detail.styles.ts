import { css } from 'lit';

/** The event in the detail; the dialog's frame is in the element's styles. */
export const detailStyles = css`
  .detail .rsvp {
    margin-inline-start: 0;
  }

  .host,
  .attendee {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
  }

  .host .avatar,
  .attendee .avatar {
    width: 2rem;
    height: 2rem;
  }

  .open-link {
    justify-self: start;
    margin-top: 0.5rem;
  }

  .attendee-section h3,
  .series h3 {
    margin: var(--_space) 0 0.5rem;
    font-size: 1em;
  }

  .attendee-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .series-dates {
    margin: 0;
    padding: 0;
    border: 0;
  }

  .series-dates ul {
    display: grid;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .series-date {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.9375em;
  }

  .series-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.75rem;
  }

  .series-actions [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .muted {
    color: var(--_muted);
  }
`;
