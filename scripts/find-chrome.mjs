// Stops the test command early, with a way forward, when no browser is installed.
import { findChrome } from './chrome-path.mjs';

if (!findChrome()) {
  const asked = process.env.CHROME_PATH
    ? ` (CHROME_PATH=${process.env.CHROME_PATH} does not exist)`
    : '';
  console.error(
    `No Chromium or Chrome found${asked}.\n` +
      'The tests run in a real browser and never download one. Install one, for example:\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  macOS:         brew install --cask chromium\n' +
      'or point CHROME_PATH at an existing Chrome or Chromium binary.',
  );
  process.exit(1);
}
