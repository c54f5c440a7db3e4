// The theming page's preset, theme and language pickers: each sets the same attribute on every
// widget in the preview, which re-renders at once.

const WIDGETS =
  'circle-feed, circle-post, circle-events, circle-notifications, ' +
  'circle-notification-preferences';

/** Applies each select's value as an attribute (`preset`, `theme`, `lang`) to the widgets. */
export function mountLookSwitcher(form: HTMLElement, preview: HTMLElement): void {
  form.addEventListener('change', (change) => {
    const select = change.target;
    if (!(select instanceof HTMLSelectElement)) return;

    for (const widget of preview.querySelectorAll(WIDGETS)) {
      widget.setAttribute(select.name, select.value);
    }
  });
}
