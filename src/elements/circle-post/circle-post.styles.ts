import { css } from 'lit';

export const postStyles = css`
  .post {
    min-width: 0;
  }

  .title {
    margin: 0 0 0.75rem;
    font-size: 1.5em;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }

  .cover {
    display: block;
    width: 100%;
    height: auto;
    max-height: 24rem;
    margin-bottom: 1rem;
    border-radius: var(--_radius);
    object-fit: cover;
  }

  .like svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }

  .like[aria-pressed='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }

  .like[aria-pressed='true'] svg {
    fill: currentColor;
  }

  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .note {
    margin: 0.75rem 0;
    color: var(--_muted);
    font-size: 0.875em;
    font-style: italic;
  }

  .actions .note {
    margin: 0;
  }

  .likers {
    margin-top: 0.75rem;
  }

  .likers-list {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .likers-list li {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  .likers-list .avatar {
    width: 1.75rem;
    height: 1.75rem;
  }

  .comments {
    margin-top: calc(var(--_space) * 1.5);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }

  .comments-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: var(--_space);
  }

  .comments-title {
    margin: 0;
    font-size: 1.125em;
  }

  .sort {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875em;
    color: var(--_muted);
  }

  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_input-border);
    border-radius: calc(var(--_radius) / 2);
  }

  select {
    padding: 0.25rem 0.5rem;
  }

  .comment-list,
  .replies {
    display: grid;
    gap: var(--circle-post-gap, var(--_space));
  }

  .comment {
    min-width: 0;
  }

  .comment .header {
    margin-bottom: 0.25rem;
  }

  .comment .actions {
    margin-top: 0.25rem;
  }

  .replies {
    margin-top: 0.75rem;
    padding-inline-start: 1rem;
    border-inline-start: 2px solid var(--_border);
  }

  .link-button {
    margin-top: 0.5rem;
  }

  .composer {
    display: grid;
    gap: 0.5rem;
    margin-top: var(--_space);
  }

  textarea {
    width: 100%;
    min-height: 4.5rem;
    padding: 0.5rem 0.75rem;
    resize: vertical;
  }

  /* The muted text colour, which every preset keeps at AA contrast, unlike the browser's grey. */
  textarea::placeholder {
    color: var(--_muted);
    opacity: 1;
  }

  .composer .notice {
    margin: 0;
  }

  .composer-actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }

  .paging {
    display: flex;
    justify-content: center;
    margin-top: var(--_space);
  }

  .skeleton-post {
    display: grid;
    gap: 0.5rem;
    min-height: 14rem;
  }

  .skeleton-comment {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }

  .skeleton-comment .line {
    flex: 1;
  }
`;
