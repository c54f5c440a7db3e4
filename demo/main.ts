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

// A site owner's own navigation: open posts in place instead of on Circle.
const feedSection = document.querySelector<HTMLElement>('#community')!;
const reading = document.querySelector<HTMLElement>('#reading')!;
const post = reading.querySelector('circle-post')!;

document.addEventListener('circle-post-open', (event) => {
  event.preventDefault();
  post.postData = event.post;
  feedSection.hidden = true;
  reading.hidden = false;
  reading.scrollIntoView();
});

document.querySelector('#back-to-feed')!.addEventListener('click', () => {
  reading.hidden = true;
  feedSection.hidden = false;
  feedSection.scrollIntoView();
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
