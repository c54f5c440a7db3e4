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
