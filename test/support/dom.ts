// Small helpers for reading what a reader sees inside an element's shadow root.
import { waitUntil } from '@open-wc/testing';
import axe from 'axe-core';

/** The first match for `selector` inside `host`'s shadow root. */
export function shadow<T extends Element = HTMLElement>(host: Element, selector: string): T | null {
  return host.shadowRoot!.querySelector<T>(selector);
}

export function shadowAll<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...host.shadowRoot!.querySelectorAll<T>(selector)];
}

/** Waits until `selector` matches inside the shadow root, and returns the match. */
export async function waitFor<T extends Element = HTMLElement>(
  host: Element,
  selector: string,
  message = `nothing matched ${selector}`,
): Promise<T> {
  await waitUntil(() => shadow(host, selector), message, { timeout: 4000 });
  return shadow<T>(host, selector)!;
}

/** Visible text with runs of white space folded, as a reader would see it. */
export function textOf(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Runs axe on `host` (including its open shadow root) and returns the violations. */
export async function axeViolations(host: Element): Promise<string[]> {
  const results = await axe.run(host, { resultTypes: ['violations'] });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`,
  );
}

/** Collects console.warn calls while `action` runs. */
export async function captureWarnings(action: () => Promise<void> | void): Promise<string[]> {
  const warnings: string[] = [];
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await action();
  } finally {
    console.warn = originalWarn;
  }
  return warnings;
}
