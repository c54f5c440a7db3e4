// The examples page: each example's HTML beside it, then the widgets on the sandbox.
import { showExampleSources } from './example-source.js';
import './package-version.js';
import { startDocsSandbox } from './start-sandbox.js';

showExampleSources(document);
await startDocsSandbox();
