/** Copy buttons: the clipboard write, then a visible status the screen reader announces too. */

/** What the copy buttons need of `navigator.clipboard`; tests hand in their own. */
export interface ClipboardWriter {
  writeText(text: string): Promise<void>;
}

/** How long "Copied" stays before the status clears. */
const STATUS_MS = 4000;

const statusTimers = new WeakMap<HTMLElement, number>();

/**
 * Copies `text` and says so in `status` (a `role="status"` element). When the browser refuses
 * (no permission, an insecure origin), it says so and selects `fallback`'s text instead, so the
 * reader can copy it with the keyboard. Resolves to whether the copy worked.
 */
export async function copyWithStatus(
  text: string,
  status: HTMLElement,
  clipboard: ClipboardWriter | undefined,
  fallback?: Node,
): Promise<boolean> {
  let copied = false;
  try {
    if (!clipboard) throw new Error('No clipboard');
    await clipboard.writeText(text);
    copied = true;
  } catch {
    if (fallback) window.getSelection()?.selectAllChildren(fallback);
  }

  status.textContent = copied ? 'Copied' : 'Copy failed: the text is selected, press Ctrl+C or ⌘C';
  status.dataset.state = copied ? 'copied' : 'failed';

  window.clearTimeout(statusTimers.get(status));
  statusTimers.set(
    status,
    window.setTimeout(() => clearStatus(status), STATUS_MS),
  );
  return copied;
}

/** Empties a copy status, for example when the text it was about has changed. */
export function clearStatus(status: HTMLElement): void {
  status.textContent = '';
  delete status.dataset.state;
}

/** The page's clipboard, when the browser offers one. */
export function pageClipboard(): ClipboardWriter | undefined {
  return typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
}
