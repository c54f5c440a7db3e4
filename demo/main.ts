// Starts the sandbox community before the widgets load, so their first requests reach it.
import { startSandbox } from './sandbox/browser.js';

const { sandbox } = await startSandbox({ onUnhandledRequest: 'bypass' });
const { getSession } = await import('../src/index.js');

const toggle = document.querySelector<HTMLButtonElement>('#toggle-sign-in')!;
toggle.addEventListener('click', async () => {
  const session = getSession('/api/circle-token');

  // A host signs out of Circle first, while its endpoint still knows the visitor.
  if (sandbox.auth.signedIn) await session.signOut();
  sandbox.auth.signedIn = !sandbox.auth.signedIn;
  toggle.textContent = sandbox.auth.signedIn ? 'Sign out' : 'Sign in';
  if (sandbox.auth.signedIn) session.reload();
});

// A site owner's own navigation: open posts in place instead of on Circle, with a history entry
// so the browser's Back button returns to the feed.
const feedSection = document.querySelector<HTMLElement>('#community')!;
const reading = document.querySelector<HTMLElement>('#reading')!;
const backButton = document.querySelector<HTMLButtonElement>('#back-to-feed')!;
const feedHeading = feedSection.querySelector<HTMLElement>('h2')!;

function showFeed(): void {
  reading.hidden = true;
  reading.querySelector('circle-post')?.remove();
  feedSection.hidden = false;

  // As a single-page app does after a route change: focus lands on the heading of what is shown.
  feedHeading.scrollIntoView({ block: 'start' });
  feedHeading.focus({ preventScroll: true });
}

document.addEventListener('circle-post-open', (event) => {
  event.preventDefault();

  const post = document.createElement('circle-post');
  post.postData = event.post;
  reading.querySelector('circle-post')?.remove();
  reading.append(post);
  feedSection.hidden = true;
  reading.hidden = false;
  history.pushState({ post: event.post.id }, '');
  reading.scrollIntoView();
  backButton.focus({ preventScroll: true });
});

backButton.addEventListener('click', () => history.back());
window.addEventListener('popstate', () => {
  if (!reading.hidden) showFeed();
});

// The calendar's view switch: the same element, another `view` attribute.
const calendar = document.querySelector('#calendar-events')!;
const viewButtons = document.querySelectorAll<HTMLButtonElement>('.view-switch [data-view]');
for (const button of viewButtons) {
  button.addEventListener('click', () => {
    calendar.setAttribute('view', button.dataset.view!);
    for (const other of viewButtons) other.setAttribute('aria-pressed', String(other === button));
  });
}
