// The API reference page, built from the manifest that `npm run analyze` writes.
import manifestJson from '../../custom-elements.json';

import type { Manifest } from './manifest.js';
import { renderReference } from './reference.js';

renderReference(manifestJson as unknown as Manifest, document.querySelector('#reference')!);
