import { html } from 'lit';
import type { TemplateResult } from 'lit';

import { msg } from './strings.js';
import type { StringKey } from './strings.js';

// Stand-ins for the values while the string is formatted; private-use characters, which no
// translation contains.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const STAND_IN = new RegExp(`${OPEN}(\\d+)${CLOSE}`);

/**
 * {@link msg} as a template in which every string value (a name, a title) sits in a `<bdi>`, so
 * a right-to-left value keeps its own direction without reordering the words and punctuation
 * around it. Numbers are formatted as `msg` formats them.
 */
export function msgIsolated(
  key: StringKey,
  values: Record<string, string | number>,
  lang?: string,
): TemplateResult {
  const isolated: string[] = [];
  const standIns: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'number') {
      standIns[name] = value;
    } else {
      standIns[name] = `${OPEN}${isolated.length}${CLOSE}`;
      isolated.push(value);
    }
  }

  // Splitting on a capturing pattern leaves the captured indexes at the odd positions.
  const pieces = msg(key, standIns, lang).split(STAND_IN);
  return html`${pieces.map((piece, index) =>
    index % 2 === 1 ? html`<bdi>${isolated[Number(piece)]}</bdi>` : piece,
  )}`;
}
