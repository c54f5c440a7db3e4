const warned = new Set<string>();

/**
 * Prints a console warning once per distinct message, prefixed so site owners can tell whose it
 * is. Never pass tokens or member data in a message.
 */
export function warnOnce(message: string, element?: Element): void {
  if (warned.has(message)) return;
  warned.add(message);
  if (element) console.warn(`[circle-widgets] ${message}`, element);
  else console.warn(`[circle-widgets] ${message}`);
}

/** @internal Lets tests see a warning again. */
export function resetWarnings(): void {
  warned.clear();
}
