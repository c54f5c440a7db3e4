// Serves the demo, opens it in headless Chromium and saves docs/demo.png.
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findChrome } from './chrome-path.mjs';
import { startDemoServer } from './demo-server.mjs';

const url = 'http://127.0.0.1:5173/';
const server = await startDemoServer(5173);

try {
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1500 });
  await page.goto(url, { waitUntil: 'networkidle0' });

  // Wait until every widget has left its loading state.
  await page.waitForFunction(() =>
    ['circle-feed', 'circle-events'].every((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      return root && root.querySelector('[part~="item"]');
    }),
  );
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: 'docs/demo.png' });

  // The notification bell, opened.
  await page.evaluate(() => {
    document.querySelector('circle-notifications')?.shadowRoot?.querySelector('button')?.click();
  });
  await page.waitForFunction(() =>
    document.querySelector('circle-notifications')?.shadowRoot?.querySelector('[part~="item"]'),
  );
  // Avatars load lazily once the panel shows them.
  await page.waitForNetworkIdle({ idleTime: 300 });
  await page.screenshot({
    path: 'docs/demo-notifications.png',
    clip: { x: 760, y: 0, width: 520, height: 640 },
  });
  await browser.close();
  console.log('Saved docs/demo.png and docs/demo-notifications.png');
} finally {
  await server.close();
}
