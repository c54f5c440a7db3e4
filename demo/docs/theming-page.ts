// The theming playground: controls from the manifest's custom properties, widgets on the sandbox.
import manifestJson from '../../custom-elements.json';

import type { Manifest } from './manifest.js';
import { startDocsSandbox } from './start-sandbox.js';
import { mountThemePlayground } from './theme-playground.js';
import { mountLookSwitcher } from './look-switcher.js';

mountThemePlayground(document.querySelector('#playground')!, {
  manifest: manifestJson as unknown as Manifest,
  preview: document.querySelector('#theme-preview')!,
  output: document.querySelector('#theme-output')!,
});
mountLookSwitcher(document.querySelector('#look')!, document.querySelector('#theme-preview')!);
await startDocsSandbox();
