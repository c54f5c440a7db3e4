// Starts the sandbox community before the widgets load, so their first requests reach it.
import { startSandbox } from './sandbox/browser.js';

const { sandbox } = await startSandbox({ onUnhandledRequest: 'bypass' });
const { getSession } = await import('../src/index.js');

const toggle = document.querySelector<HTMLButtonElement>('#toggle-sign-in')!;
toggle.addEventListener('click', () => {
  sandbox.auth.signedIn = !sandbox.auth.signedIn;
  toggle.textContent = sandbox.auth.signedIn ? 'Sign out' : 'Sign in';
  getSession('/api/circle-token').reload();
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
