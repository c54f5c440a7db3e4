// The published type declarations, as an app that installs the package would compile against
// them: run after `npm run build`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';

// An app folder whose node_modules/circle-widgets is this package, resolved through `exports`.
const app = mkdtempSync(join(resolve('node_modules/.cache'), 'types-app-'));
mkdirSync(join(app, 'node_modules'));
symlinkSync(resolve('.'), join(app, 'node_modules', 'circle-widgets'), 'dir');
writeFileSync(
  join(app, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
    },
    files: ['app.ts'],
  }),
);

/** Compiles `source` as the app's only file; returns tsc's complaints, if any. */
function compile(source) {
  writeFileSync(join(app, 'app.ts'), source);
  try {
    execFileSync(resolve('node_modules/.bin/tsc'), ['-p', app], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return error.stdout || String(error);
  }
}

after(() => rmSync(app, { recursive: true, force: true }));

describe('the type declarations', () => {
  it("type a registering module's tag and events", () => {
    const errors = compile(`
      import { CircleFeed } from 'circle-widgets/circle-feed';

      const feed: CircleFeed = document.createElement('circle-feed');
      feed.addEventListener('circle-like', (event) => {
        const liked: boolean = event.liked;
        console.info(liked, event.id + 1);
      });
    `);
    assert.equal(errors, '');
  });

  it("type a class module's tag and events", () => {
    const errors = compile(`
      import { CirclePost } from 'circle-widgets/circle-post/class';

      const post: CirclePost | null = document.querySelector('circle-post');
      post?.addEventListener('circle-comment', (event) => console.info(event.action));
    `);
    assert.equal(errors, '');
  });

  it('type the whole bundle and its page-wide API', () => {
    const errors = compile(`
      import { configure, CircleEvents, CircleEventOpenEvent } from 'circle-widgets';

      configure({ tokenEndpoint: '/api/circle-token' });
      const events: CircleEvents = document.createElement('circle-events');
      events.addEventListener('circle-event-open', (event: CircleEventOpenEvent) => {
        event.preventDefault();
      });
    `);
    assert.equal(errors, '');
  });

  it('reject a misuse that only the typed events can tell', () => {
    const errors = compile(`
      import 'circle-widgets/circle-notification-preferences';

      document.body.addEventListener('circle-like', (event) => {
        const liked: string = event.liked;
        console.info(liked);
      });
    `);
    assert.match(errors, /Type 'boolean' is not assignable to type 'string'/);
  });
});
