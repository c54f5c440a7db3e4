// What each part of the CDN build costs a visitor, as lists of files: read by scripts/size.mjs
// (the size table) and .size-limit.mjs (the budgets).
import { readFileSync } from 'node:fs';

/** The tags, in the order the tables list them. */
export const TAGS = [
  'circle-feed',
  'circle-post',
  'circle-events',
  'circle-notifications',
  'circle-notification-preferences',
];

/**
 * Code that loads only on demand, not when an element renders: the iCalendar writer and its time
 * zone blocks when a member asks for a file, a translation when the page's language needs it, the
 * virtualizer when a feed grows past 50 posts, a video embed's card when a body has one, the
 * feed's picture viewer when a reader reaches for a picture, a post's comment editing when a
 * member reaches for Edit or Delete, the notification panel's content when a member is about to
 * open the bell (an inline list fetches it as it renders), the bell's count poller once the
 * visitor turns out to be signed in, the events' detail (with the rich text it imports) and
 * calendar options when a reader is about to open them, and their month view on month pages
 * (fetched at once, alongside the session's token). A chunk made only of such modules is listed on
 * its own line and left out of the elements' and the core's sums.
 */
export const ON_DEMAND = [
  /^node_modules\/ical-generator\//,
  /^src\/elements\/circle-events\/vtimezone\.ts$/,
  /^src\/elements\/circle-events\/event-detail(\.styles)?\.ts$/,
  /^src\/elements\/circle-events\/calendar(-menu)?\.ts$/,
  /^src\/elements\/circle-events\/month-(view|grid|time)\.ts$/,
  /^src\/i18n\/locales\//,
  /^node_modules\/@lit-labs\/virtualizer\//,
  /^src\/elements\/circle-feed\/windowing\.ts$/,
  /^src\/rich-text\/embed\.ts$/,
  /^src\/elements\/circle-feed\/picture-viewer\.ts$/,
  /^src\/elements\/circle-post\/comment-editing\.ts$/,
  /^src\/elements\/circle-notifications\/notification-panel(\.styles)?\.ts$/,
  /^src\/elements\/circle-notifications\/live-count\.ts$/,
];

/** The budgets, in kB of minified then gzipped code (1 kB = 1,000 bytes). */
export const BUDGETS = { loader: 4, core: 12, element: 10, everything: 40 };

/**
 * Parts over their budget today, each held at a ceiling a little above its measured size (kB,
 * min+gzip): `npm test` fails if one grows past its ceiling, `npm run size` fails while any is
 * over its real budget. Lower a ceiling when a part shrinks; drop it once the part fits.
 */
export const UNMET_BUDGETS = {
  core: 26.5,
  '<circle-feed>': 11.5,
  '<circle-post>': 11.7,
  'everything (loader + all chunks)': 126,
  'everything (classic file)': 109.5,
};

/** Where the loader build (vite.config.ts) writes which chunk imports which. */
export const CHUNK_GRAPH = 'node_modules/.cache/circle-widgets/loader-chunks.json';
const CDN = 'dist/cdn';

/**
 * The parts of the CDN build, each with the files a page fetches for it and its budget:
 * the loader; the shared core; each element, as every chunk it brings beyond the loader and the
 * core, whether imported or fetched on render; the chunks fetched on demand; everything.
 */
export function cdnParts() {
  let chunks;
  try {
    chunks = JSON.parse(readFileSync(CHUNK_GRAPH, 'utf8'));
  } catch {
    throw new Error(`${CHUNK_GRAPH} is missing: run npm run build first`);
  }
  const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
  const path = (file) => `${CDN}/${file}`;
  const onDemand = (chunk) =>
    Object.keys(chunk.modules).every((id) => ON_DEMAND.some((pattern) => pattern.test(id)));

  const loader = chunks.find((chunk) => chunk.isEntry);
  const core = chunks.filter((chunk) => chunk.name === 'core');
  if (!loader || core.length === 0) throw new Error(`${CHUNK_GRAPH}: no loader or core chunk`);
  // What the core itself imports (the bundler's small runtime helper) comes with it.
  const shared = new Set([loader.file]);
  const addShared = (file) => {
    if (shared.has(file)) return;
    shared.add(file);
    byFile.get(file).imports.forEach(addShared);
  };
  core.forEach((chunk) => addShared(chunk.file));

  /** `file` and every chunk it leads to, less the shared ones and those a click fetches. */
  const closure = (file, seen = new Set()) => {
    const chunk = byFile.get(file);
    if (seen.has(file) || shared.has(file) || onDemand(chunk)) return seen;
    seen.add(file);
    for (const next of [...chunk.imports, ...chunk.dynamicImports]) closure(next, seen);
    return seen;
  };

  const coreFiles = [...shared].filter((file) => file !== loader.file).map(path);
  const parts = [
    { name: 'loader', files: [path(loader.file)], limit: BUDGETS.loader },
    { name: 'core', files: coreFiles, limit: BUDGETS.core },
  ];
  for (const tag of TAGS) {
    const chunk = chunks.find((candidate) => candidate.name === tag && !candidate.isEntry);
    if (!chunk) throw new Error(`${CHUNK_GRAPH}: no chunk for <${tag}>`);
    const files = [...closure(chunk.file)].map(path);
    parts.push({ name: `<${tag}>`, files, limit: BUDGETS.element });
  }
  for (const chunk of chunks.filter(onDemand)) {
    parts.push({ name: `${chunk.name} (on demand)`, files: [path(chunk.file)] });
  }
  parts.push({
    name: 'everything (loader + all chunks)',
    files: chunks.map((chunk) => path(chunk.file)),
    limit: BUDGETS.everything,
  });
  parts.push({
    name: 'everything (classic file)',
    files: [path('circle-widgets.js')],
    limit: BUDGETS.everything,
  });
  return parts;
}
