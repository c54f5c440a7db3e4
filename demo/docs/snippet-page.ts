// The snippet builder, pinned to this package's version.
import manifestJson from '../../custom-elements.json';
import { version } from '../../package.json';

import type { Manifest } from './manifest.js';
import { mountSnippetBuilder } from './snippet-builder.js';

mountSnippetBuilder(document.querySelector('#builder')!, {
  manifest: manifestJson as unknown as Manifest,
  version,
});
