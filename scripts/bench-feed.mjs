// Scrolls <circle-feed> through N posts in headless Chromium and prints frame times and how
// many cards were in the DOM. Serves demo/bench.html with vite. `npm run bench [-- 200 1000]`.
import puppeteer from 'puppeteer-core';
import { chromeArgs, findChrome } from './chrome-path.mjs';
import { startDemoServer } from './demo-server.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const counts = sizes.length > 0 ? sizes : [200, 1000, 2000, 5000];
const port = 5174;
const server = await startDemoServer(port);

/** Loads every page of the feed, then scrolls it top to bottom at a steady speed. */
async function measure(page, posts) {
  await page.goto(`http://127.0.0.1:${port}/bench.html?posts=${posts}`, {
    waitUntil: 'networkidle0',
  });
  const loadStart = Date.now();
  await page.waitForFunction(
    () => {
      const root = document.querySelector('circle-feed')?.shadowRoot;
      if (!root?.querySelector('article')) return false;
      const more = root.querySelector('[part~="load-more"]');
      if (!more) return true;
      if (!more.disabled) more.click();
      return false;
    },
    { timeout: 300_000, polling: 50 },
  );
  const loadMs = Date.now() - loadStart;

  return page.evaluate(async (loadMs) => {
    const root = document.querySelector('circle-feed').shadowRoot;
    const list = root.querySelector('[part~="list"]');
    const cards = () => root.querySelectorAll('article').length;
    const end = list.getBoundingClientRect().bottom + window.scrollY - window.innerHeight;
    const deltas = [];
    let maxCards = cards();
    let last = performance.now();
    const started = last;

    // 60 px a frame, for at most ten seconds.
    await new Promise((resolve) => {
      const step = (now) => {
        deltas.push(now - last);
        last = now;
        maxCards = Math.max(maxCards, cards());
        if (window.scrollY >= end - 1 || now - started > 10_000) return resolve();
        window.scrollBy(0, 60);
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });

    deltas.shift();
    const sorted = [...deltas].sort((a, b) => a - b);
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
    const articles = root.querySelectorAll('article');
    return {
      loaded: Number(articles[0]?.getAttribute('aria-setsize')),
      loadMs,
      frames: deltas.length,
      scrolledPx: Math.round(window.scrollY),
      p50: at(50),
      p95: at(95),
      p99: at(99),
      worst: sorted[sorted.length - 1],
      over50ms: deltas.filter((delta) => delta > 50).length,
      maxCards,
    };
  }, loadMs);
}

try {
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs });
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 900 });
  const rows = [];
  for (const posts of counts) {
    const result = await measure(page, posts);
    const ms = (value) => value.toFixed(1);
    rows.push({
      posts: result.loaded,
      'load all (ms)': result.loadMs,
      frames: result.frames,
      'p50 (ms)': ms(result.p50),
      'p95 (ms)': ms(result.p95),
      'p99 (ms)': ms(result.p99),
      'worst (ms)': ms(result.worst),
      'frames > 50 ms': result.over50ms,
      'max cards in DOM': result.maxCards,
    });
    console.error(`measured ${posts} posts`);
  }
  await browser.close();
  console.table(rows);
} finally {
  await server.close();
}
