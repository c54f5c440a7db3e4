import { sandbox, worker } from './support/sandbox.js';
import { captureWarnings, textOf } from './support/dom.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';

import { msg } from '../src/i18n/strings.js';
import type { StringKey } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import type { CircleNotificationPreferences } from '../src/index.js';
import '../src/elements/circle-notification-preferences/circle-notification-preferences.js';
import { assertRequestInSpec, validateResponse } from './support/contract.js';

const API = 'https://app.circle.so/api/headless/v1';
const ENDPOINT = '/api/circle-token';
const WAIT = { timeout: 4000 };

type Element = CircleNotificationPreferences;
type Medium = 'in_app' | 'mobile';

/** What the member sees for each `type` key the PUT takes. */
const TYPE_LABELS: Record<string, StringKey> = {
  post_comment: 'prefsTypePostComment',
  comment_reply: 'prefsTypeCommentReply',
  mention: 'prefsTypeMention',
  direct_messages: 'prefsTypeDirectMessages',
  post_like: 'prefsTypePostLike',
  comment_like: 'prefsTypeCommentLike',
  new_course_content: 'prefsTypeNewCourseContent',
};
const CHOICE_LABELS: Record<string, StringKey> = {
  all: 'prefsChoiceAll',
  mention: 'prefsChoiceMention',
  never: 'prefsChoiceNever',
};

interface SpecExample {
  notification_preferences: { type: string; name: string }[];
}
interface Spec {
  paths: Record<string, Record<string, any>>;
}

const spec = (await (await fetch('/__shared/member-api.openapi.json')).json()) as Spec;
const preferencesOperations = spec.paths['/api/headless/v1/notification_preferences/{medium}'];
const putTypeKeys: string[] = preferencesOperations.put.parameters.find(
  (parameter: { name: string }) => parameter.name === 'type',
).schema.enum;
const example = preferencesOperations.get.responses['200'].content['application/json'].examples
  .success.value as SpecExample;

/**
 * The names whose `type` the element can work out: the ones Circle's example pairs with a key
 * the PUT accepts.
 */
const mappableNames = new Map(
  example.notification_preferences
    .filter((record) => putTypeKeys.includes(record.type))
    .map((record) => [record.name, record.type]),
);

async function preferences(medium?: string): Promise<Element> {
  const element = document.createElement('circle-notification-preferences');
  element.setAttribute('token-endpoint', ENDPOINT);
  if (medium) element.setAttribute('medium', medium);
  return fixture<Element>(element);
}

function part(root: Element | HTMLElement, name: string): HTMLElement | null {
  const scope = root.shadowRoot ?? root;
  return scope.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function parts(root: Element | HTMLElement, name: string): HTMLElement[] {
  const scope = root.shadowRoot ?? root;
  return [...scope.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

async function loaded(element: Element): Promise<void> {
  await waitUntil(() => part(element, 'space-item'), 'no settings shown', WAIT);
}

function settingsIn(medium: Medium) {
  return sandbox.db.notificationPreferences[medium];
}

/** The types the element should offer, in Circle's order, with their state in the sandbox. */
function expectedTypes(medium: Medium): { key: string; enabled: boolean }[] {
  return settingsIn(medium)
    .types.filter(({ record }) => mappableNames.has(record.name))
    .map(({ record }) => ({ key: mappableNames.get(record.name)!, enabled: record.enabled }));
}

function typeEnabledInSandbox(medium: Medium, key: string): boolean {
  return settingsIn(medium).types.find((type) => type.key === key)!.record.enabled;
}

function typeRow(element: Element, key: string): HTMLElement {
  const row = parts(element, 'type-item').find(
    (item) => textOf(part(item, 'type-label')) === msg(TYPE_LABELS[key]),
  );
  expect(row, `no switch for ${key}`).to.exist;
  return row!;
}

function switchFor(element: Element, key: string): HTMLButtonElement {
  return part(typeRow(element, key), 'switch') as HTMLButtonElement;
}

function spaceRow(element: Element, name: string): HTMLElement {
  const row = parts(element, 'space-item').find(
    (item) => textOf(part(item, 'space-label')) === name,
  );
  expect(row, `no row for the space ${name}`).to.exist;
  return row!;
}

function selectFor(element: Element, name: string): HTMLSelectElement {
  return part(spaceRow(element, name), 'space-select') as HTMLSelectElement;
}

function applyAllSelect(element: Element): HTMLSelectElement {
  return part(element, 'apply-all-select') as HTMLSelectElement;
}

/** The label a drop-down shows for its current choice. */
function shownChoice(select: HTMLSelectElement): string {
  return textOf(select.selectedOptions[0] ?? null);
}

/** Picks a choice as a member would: the value changes, then `change` fires. */
function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The label of the element that labels `control` through `<label for>`. */
function labelOf(element: Element, control: HTMLElement): string {
  const label = element.shadowRoot!.querySelector(`label[for="${control.id}"]`);
  return textOf(label);
}

interface Held {
  urls: URL[];
  inFlight: number;
  mostAtOnce: number;
  release: () => void;
}

/** Holds PUTs to a route until `release()`; then the sandbox answers them, in order. */
function holdPuts(path: string): Held {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const held: Held = { urls: [], inFlight: 0, mostAtOnce: 0, release: () => open() };
  worker.use(
    http.put(`${API}${path}`, async ({ request }) => {
      held.urls.push(new URL(request.url));
      held.inFlight += 1;
      held.mostAtOnce = Math.max(held.mostAtOnce, held.inFlight);
      await gate;
      held.inFlight -= 1;
    }),
  );
  return held;
}

/** Records the URLs of PUTs to a route and lets the sandbox answer them. */
function recordPuts(path: string): URL[] {
  const urls: URL[] = [];
  worker.use(
    http.put(`${API}${path}`, ({ request }) => {
      urls.push(new URL(request.url));
    }),
  );
  return urls;
}

function serverError(): Response {
  return HttpResponse.json(
    { success: false, message: 'Something went wrong.', error_details: null },
    { status: 500 },
  );
}

async function issueToken(): Promise<string> {
  const response = await fetch(ENDPOINT, { method: 'POST' });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Calls the sandbox directly; the request and the answer must both fit Circle's spec. */
async function call(method: string, path: string, token: string) {
  const url = `${API}${path}`;
  assertRequestInSpec(method, url);
  const response = await fetch(url, { method, headers: { Authorization: `Bearer ${token}` } });
  const body: unknown = await response.json();
  const errors = validateResponse(method, url, response.status, body);
  expect(errors, errors.join('\n')).to.deep.equal([]);
  return { status: response.status, body: body as any };
}

describe('<circle-notification-preferences>', () => {
  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  it('shows a skeleton, then the types it can save and every space, as set', async () => {
    const element = await preferences();
    const skeleton = element.shadowRoot!.querySelector('[role="status"][aria-busy="true"]');
    expect(skeleton, 'no loading skeleton').to.exist;
    expect(textOf(skeleton)).to.include(msg('loading'));
    await loaded(element);

    expect(textOf(parts(element, 'heading')[0])).to.equal(msg('prefsInAppHeading'));
    const expected = expectedTypes('in_app');
    expect(expected.length).to.be.at.least(4);
    expect(parts(element, 'type-label').map(textOf)).to.deep.equal(
      expected.map((type) => msg(TYPE_LABELS[type.key])),
    );
    expect(
      expected.some((type) => type.enabled) && expected.some((type) => !type.enabled),
    ).to.equal(true);
    for (const type of expected) {
      const toggle = switchFor(element, type.key);
      expect(toggle.getAttribute('role')).to.equal('switch');
      expect(toggle.getAttribute('aria-checked')).to.equal(String(type.enabled));
      expect(labelOf(element, toggle)).to.equal(msg(TYPE_LABELS[type.key]));
    }

    // Types that can't be saved (no PUT key, or no name to map a number by) are left out.
    const unsaveable = settingsIn('in_app').types.filter(
      ({ record }) => !mappableNames.has(record.name),
    );
    expect(unsaveable.length).to.be.at.least(1);
    const shownText = textOf(part(element, 'types'));
    for (const { record } of unsaveable) expect(shownText).not.to.include(record.name);

    const spaces = settingsIn('in_app').spaces;
    expect(parts(element, 'space-label').map(textOf)).to.deep.equal(
      spaces.map((space) => space.space_name),
    );
    for (const space of spaces) {
      const select = selectFor(element, space.space_name);
      expect(select.value).to.equal(space.choice);
      expect(shownChoice(select)).to.equal(msg(CHOICE_LABELS[space.choice]));
      expect(labelOf(element, select)).to.equal(space.space_name);
    }
    const choices = new Set(spaces.map((space) => space.choice));
    expect(choices.size, 'the sandbox should seed different choices').to.be.above(1);
    expect(shownChoice(applyAllSelect(element))).to.equal(msg('prefsChoiceMixed'));
  });

  it('saves a switch as it changes, shows it is saving, and the change persists', async () => {
    const key = expectedTypes('in_app').find((type) => type.enabled)!.key;
    const held = holdPuts('/notification_preferences/:medium');
    const element = await preferences();
    await loaded(element);

    switchFor(element, key).click();
    await element.updateComplete;
    expect(switchFor(element, key).getAttribute('aria-checked')).to.equal('false');
    expect(textOf(part(typeRow(element, key), 'saving'))).to.equal(msg('prefsSaving'));
    await waitUntil(() => held.urls.length === 1, 'the change was not sent', WAIT);
    expect(held.urls[0].pathname).to.match(/\/notification_preferences\/in_app$/);
    expect(Object.fromEntries(held.urls[0].searchParams)).to.deep.equal({
      type: key,
      enabled: 'false',
    });

    held.release();
    await waitUntil(() => !typeEnabledInSandbox('in_app', key), 'the sandbox did not change', WAIT);
    await waitUntil(
      () => textOf(part(typeRow(element, key), 'saving')) === '',
      'still saving',
      WAIT,
    );
    expect(switchFor(element, key).getAttribute('aria-checked')).to.equal('false');

    const reloaded = await preferences();
    await loaded(reloaded);
    expect(switchFor(reloaded, key).getAttribute('aria-checked')).to.equal('false');
  });

  it('never saves the same switch twice at once; the latest press wins', async () => {
    const key = expectedTypes('in_app').find((type) => !type.enabled)!.key;
    const held = holdPuts('/notification_preferences/:medium');
    const element = await preferences();
    await loaded(element);

    switchFor(element, key).click();
    await waitUntil(() => held.urls.length === 1, 'the change was not sent', WAIT);
    switchFor(element, key).click();
    await element.updateComplete;
    expect(switchFor(element, key).getAttribute('aria-checked')).to.equal('false');
    expect(held.urls).to.have.length(1);

    held.release();
    await waitUntil(() => held.urls.length === 2, 'the second press was not sent', WAIT);
    await waitUntil(
      () => textOf(part(typeRow(element, key), 'saving')) === '',
      'still saving',
      WAIT,
    );
    expect(held.mostAtOnce).to.equal(1);
    expect(held.urls.map((url) => url.searchParams.get('enabled'))).to.deep.equal([
      'true',
      'false',
    ]);
    expect(typeEnabledInSandbox('in_app', key)).to.equal(false);
    expect(switchFor(element, key).getAttribute('aria-checked')).to.equal('false');
  });

  it("saves a space's choice by its space member id", async () => {
    const space = settingsIn('in_app').spaces.find((candidate) => candidate.choice !== 'never')!;
    expect(space.id).not.to.equal(space.space_id);
    const urls = recordPuts('/notification_preferences/:medium/spaces/:id');
    const element = await preferences();
    await loaded(element);

    choose(selectFor(element, space.space_name), 'never');
    await element.updateComplete;
    expect(shownChoice(selectFor(element, space.space_name))).to.equal(msg('prefsChoiceNever'));
    await waitUntil(() => space.choice === 'never', 'the sandbox did not change', WAIT);

    expect(urls).to.have.length(1);
    expect(urls[0].pathname).to.match(
      new RegExp(`/notification_preferences/in_app/spaces/${space.id}$`),
    );
    expect(urls[0].searchParams.get('choice')).to.equal('never');

    const reloaded = await preferences();
    await loaded(reloaded);
    expect(selectFor(reloaded, space.space_name).value).to.equal('never');
  });

  it('puts a failed switch back, says so, and keeps the changes that saved', async () => {
    const key = expectedTypes('in_app').find((type) => type.enabled)!.key;
    const space = settingsIn('in_app').spaces.find((candidate) => candidate.choice === 'all')!;
    worker.use(http.put(`${API}/notification_preferences/:medium`, serverError));
    const errors: CustomEvent[] = [];
    const element = await preferences();
    element.addEventListener('circle-error', (event) => errors.push(event as CustomEvent));
    await loaded(element);

    switchFor(element, key).click();
    choose(selectFor(element, space.space_name), 'mention');
    await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
    await waitUntil(() => space.choice === 'mention', 'the space change was not saved', WAIT);
    await element.updateComplete;

    expect(textOf(part(element, 'notice'))).to.equal(msg('prefsTypeFailed'));
    expect(part(element, 'notice')!.getAttribute('role')).to.equal('alert');
    expect(switchFor(element, key).getAttribute('aria-checked')).to.equal('true');
    expect(typeEnabledInSandbox('in_app', key)).to.equal(true);
    expect(errors.map((event) => event.detail.status)).to.deep.equal([500]);
    expect(shownChoice(selectFor(element, space.space_name))).to.equal(msg('prefsChoiceMention'));
  });

  it("keeps a failed switch's message until that switch saves", async () => {
    const [first, second] = expectedTypes('in_app');
    let refusing = true;
    worker.use(
      http.put(`${API}/notification_preferences/:medium`, () =>
        refusing ? serverError() : undefined,
      ),
    );
    const element = await preferences();
    await loaded(element);
    const saved = (type: { key: string; enabled: boolean }) =>
      waitUntil(
        () =>
          typeEnabledInSandbox('in_app', type.key) !== type.enabled &&
          textOf(part(typeRow(element, type.key), 'saving')) === '',
        `${type.key} was not saved`,
        WAIT,
      );

    switchFor(element, first.key).click();
    await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
    await element.updateComplete;
    expect(switchFor(element, first.key).getAttribute('aria-checked')).to.equal(
      String(first.enabled),
    );
    // Another switch saving says nothing about the first one.
    refusing = false;
    switchFor(element, second.key).click();
    await saved(second);
    await element.updateComplete;
    expect(switchFor(element, second.key).getAttribute('aria-checked')).to.equal(
      String(!second.enabled),
    );
    expect(part(element, 'notice'), 'withdrawn by another switch').to.exist;

    switchFor(element, first.key).click();
    await saved(first);
    await element.updateComplete;
    expect(switchFor(element, first.key).getAttribute('aria-checked')).to.equal(
      String(!first.enabled),
    );
    expect(part(element, 'notice')).to.equal(null);
  });

  it('puts a failed space choice back in the drop-down and says so', async () => {
    const space = settingsIn('in_app').spaces.find((candidate) => candidate.choice === 'all')!;
    worker.use(http.put(`${API}/notification_preferences/:medium/spaces/:id`, serverError));
    const element = await preferences();
    await loaded(element);

    choose(selectFor(element, space.space_name), 'never');
    await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
    await element.updateComplete;

    expect(textOf(part(element, 'notice'))).to.equal(msg('prefsSpaceFailed'));
    expect(selectFor(element, space.space_name).value).to.equal('all');
    expect(shownChoice(selectFor(element, space.space_name))).to.equal(msg('prefsChoiceAll'));
    expect(space.choice).to.equal('all');
  });

  it("keeps a failed space's message while another space saves, until every space is set", async () => {
    const [refused, other] = settingsIn('in_app').spaces.filter((space) => space.choice === 'all');
    worker.use(
      http.put(`${API}/notification_preferences/:medium/spaces/:id`, ({ params }) =>
        Number(params.id) === refused!.id ? serverError() : undefined,
      ),
    );
    const element = await preferences();
    await loaded(element);

    choose(selectFor(element, refused!.space_name), 'never');
    await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
    choose(selectFor(element, other!.space_name), 'never');
    await waitUntil(() => other!.choice === 'never', 'the other space was not saved', WAIT);
    await element.updateComplete;
    expect(part(element, 'notice'), 'withdrawn by another space').to.exist;
    expect(selectFor(element, refused!.space_name).value).to.equal('all');

    // Setting every space sets the refused one too, so its message has had its answer.
    choose(applyAllSelect(element), 'mention');
    await waitUntil(() => refused!.choice === 'mention', 'every space was not set', WAIT);
    await waitUntil(() => part(element, 'notice') === null, 'the message stayed', WAIT);
  });

  it('applies one choice to every space', async () => {
    const urls = recordPuts('/notification_preferences/:medium/spaces');
    const element = await preferences();
    await loaded(element);

    choose(applyAllSelect(element), 'mention');
    await element.updateComplete;
    const spaces = settingsIn('in_app').spaces;
    for (const space of spaces) {
      expect(shownChoice(selectFor(element, space.space_name))).to.equal(msg('prefsChoiceMention'));
    }
    await waitUntil(
      () => spaces.every((space) => space.choice === 'mention'),
      'the sandbox did not change every space',
      WAIT,
    );
    expect(urls).to.have.length(1);
    expect(urls[0].pathname).to.match(/\/notification_preferences\/in_app\/spaces$/);
    expect(urls[0].searchParams.get('choice')).to.equal('mention');
    expect(shownChoice(applyAllSelect(element))).to.equal(msg('prefsChoiceMention'));

    const reloaded = await preferences();
    await loaded(reloaded);
    expect(shownChoice(applyAllSelect(reloaded))).to.equal(msg('prefsChoiceMention'));
  });

  it('puts every space back when applying to all fails', async () => {
    const before = settingsIn('in_app').spaces.map((space) => [space.space_name, space.choice]);
    worker.use(http.put(`${API}/notification_preferences/:medium/spaces`, serverError));
    const element = await preferences();
    await loaded(element);

    choose(applyAllSelect(element), 'never');
    await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
    await element.updateComplete;

    expect(textOf(part(element, 'notice'))).to.equal(msg('prefsAllSpacesFailed'));
    for (const [name, choice] of before) expect(selectFor(element, name).value).to.equal(choice);
    expect(shownChoice(applyAllSelect(element))).to.equal(msg('prefsChoiceMixed'));
  });

  it('shows and saves the mobile settings with medium="mobile"', async () => {
    const element = await preferences('mobile');
    await loaded(element);

    expect(textOf(parts(element, 'heading')[0])).to.equal(msg('prefsMobileHeading'));
    const expected = expectedTypes('mobile');
    expect(expected).not.to.deep.equal(expectedTypes('in_app'));
    for (const type of expected) {
      expect(switchFor(element, type.key).getAttribute('aria-checked')).to.equal(
        String(type.enabled),
      );
    }
    for (const space of settingsIn('mobile').spaces) {
      expect(selectFor(element, space.space_name).value).to.equal(space.choice);
    }

    const key = expected[0].key;
    const inAppBefore = typeEnabledInSandbox('in_app', key);
    switchFor(element, key).click();
    await waitUntil(
      () => typeEnabledInSandbox('mobile', key) !== expected[0].enabled,
      'the mobile setting did not change',
      WAIT,
    );
    expect(typeEnabledInSandbox('in_app', key)).to.equal(inAppBefore);
  });

  it('explains a medium it does not know and shows the in-app settings', async () => {
    let element!: Element;
    const logged = await captureWarnings(async () => {
      element = await preferences('email');
      await loaded(element);
    });

    const warning = textOf(part(element, 'config-warning'));
    expect(warning).to.include('medium="email"');
    expect(warning).to.include('in_app, mobile');
    expect(logged.filter((line) => line.includes('medium="email"'))).to.have.length(1);
    expect(textOf(parts(element, 'heading')[0])).to.equal(msg('prefsInAppHeading'));
  });

  it('asks the visitor to sign in, and tells the host page, when signed out', async () => {
    sandbox.auth.signedIn = false;
    let announced = 0;
    const element = await fixture<Element>(
      html`<circle-notification-preferences
        token-endpoint=${ENDPOINT}
        @circle-auth-required=${() => (announced += 1)}
      ></circle-notification-preferences>`,
    );

    await waitUntil(() => part(element, 'signed-out'), 'no signed-out state', WAIT);
    expect(textOf(part(element, 'signed-out'))).to.include(msg('signedOutTitle'));
    expect(announced).to.equal(1);
    expect(parts(element, 'switch')).to.have.length(0);
  });

  it('shows an error with a retry button that recovers', async () => {
    let failing = true;
    worker.use(
      http.get(`${API}/notification_preferences/:medium`, () =>
        failing ? serverError() : undefined,
      ),
    );
    const errors: CustomEvent[] = [];
    const element = await preferences();
    element.addEventListener('circle-error', (event) => errors.push(event as CustomEvent));

    await waitUntil(() => part(element, 'error'), 'no error state', WAIT);
    expect(textOf(part(element, 'error'))).to.include(msg('errorServer'));
    expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');
    expect(errors.map((event) => event.detail.status)).to.deep.equal([500]);

    failing = false;
    part(element, 'retry-button')!.click();
    await loaded(element);
    expect(part(element, 'error')).to.equal(null);
    expect(parts(element, 'switch')).to.have.length(expectedTypes('in_app').length);
  });

  it('says so when there is nothing to set', async () => {
    worker.use(
      http.get(`${API}/notification_preferences/:medium`, () =>
        HttpResponse.json({ notification_preference: [], space_preferences: [] }),
      ),
    );
    const element = await preferences();
    await waitUntil(() => part(element, 'empty'), 'no empty state', WAIT);
    expect(textOf(part(element, 'empty'))).to.equal(msg('prefsEmpty'));
  });

  it("reads Circle's example answer, with string types and a plural list name", async () => {
    worker.use(
      http.get(`${API}/notification_preferences/:medium`, () => HttpResponse.json(example)),
    );
    const element = await preferences();
    await waitUntil(() => part(element, 'switch'), 'no switches', WAIT);

    const saveable = example.notification_preferences.filter((record) =>
      putTypeKeys.includes(record.type),
    );
    expect(saveable.length).to.be.below(example.notification_preferences.length);
    expect(parts(element, 'type-label').map(textOf)).to.deep.equal(
      saveable.map((record) => msg(TYPE_LABELS[record.type])),
    );
  });

  it('can be used with the keyboard', async () => {
    const [first, second] = expectedTypes('in_app');
    const space = settingsIn('in_app').spaces.find((candidate) => candidate.choice === 'all')!;
    const element = await preferences();
    await loaded(element);
    const shadow = element.shadowRoot!;

    switchFor(element, first.key).focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(
      () => typeEnabledInSandbox('in_app', first.key) !== first.enabled,
      'Space did not toggle the switch',
      WAIT,
    );
    expect(shadow.activeElement).to.equal(switchFor(element, first.key));

    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal(switchFor(element, second.key));
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => typeEnabledInSandbox('in_app', second.key) !== second.enabled,
      'Enter did not toggle the switch',
      WAIT,
    );

    const select = selectFor(element, space.space_name);
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => space.choice === 'mention', 'the arrow key did not choose', WAIT);
    expect(shadow.activeElement).to.equal(select);
  });

  it('has no accessibility violations', async () => {
    const element = await preferences();
    await loaded(element);

    const results = await axe.run(element);
    expect(results.violations, JSON.stringify(results.violations, null, 2)).to.deep.equal([]);
    // A target inside a shadow root is a chain [host, inner selector]: proof axe looked inside.
    const checkedSwitches = results.passes.some((rule) =>
      rule.nodes.some((node) => {
        const [chain] = node.target as unknown[];
        return Array.isArray(chain) && chain.length > 1 && String(chain.at(-1)).includes('type-');
      }),
    );
    expect(checkedSwitches, 'axe did not inspect the switches').to.equal(true);
  });
});

describe('sandbox: notification preferences', () => {
  it('answers the GET, the three PUTs and the space member GET in the spec shapes', async () => {
    const token = await issueToken();
    const space = settingsIn('in_app').spaces[0];

    for (const medium of ['in_app', 'mobile', 'push']) {
      const { body } = await call('GET', `/notification_preferences/${medium}`, token);
      const settings = settingsIn(medium === 'in_app' ? 'in_app' : 'mobile');
      expect(body.notification_preference).to.have.length(settings.types.length);
      expect(body.space_preferences).to.deep.equal(settings.spaces);
    }

    const toggled = await call(
      'PUT',
      '/notification_preferences/push?type=post_like&enabled=true',
      token,
    );
    expect(toggled.status).to.equal(200);
    expect(typeEnabledInSandbox('mobile', 'post_like')).to.equal(true);

    await call('PUT', `/notification_preferences/in_app/spaces/${space.id}?choice=never`, token);
    expect(space.choice).to.equal('never');
    const both = await call('GET', `/notification_preferences/space_members/${space.id}`, token);
    expect(both.body).to.deep.equal({
      in_app: 'never',
      push: settingsIn('mobile').spaces[0].choice,
    });

    await call('PUT', '/notification_preferences/in_app/spaces?choice=mention', token);
    expect(settingsIn('in_app').spaces.every((each) => each.choice === 'mention')).to.equal(true);
  });

  it('answers 400 for a missing parameter and 404 for an unknown space member', async () => {
    const token = await issueToken();
    const before = structuredClone(sandbox.db.notificationPreferences);

    const missingType = await call('PUT', '/notification_preferences/in_app?enabled=true', token);
    expect(missingType.status).to.equal(400);
    expect(missingType.body.message).to.include('type');
    const missingEnabled = await call(
      'PUT',
      '/notification_preferences/in_app?type=mention',
      token,
    );
    expect(missingEnabled.status).to.equal(400);
    const missingChoice = await call('PUT', '/notification_preferences/in_app/spaces', token);
    expect(missingChoice.status).to.equal(400);
    const unknownSpace = await call(
      'PUT',
      '/notification_preferences/in_app/spaces/999999?choice=all',
      token,
    );
    expect(unknownSpace.status).to.equal(404);
    expect(sandbox.db.notificationPreferences).to.deep.equal(before);
  });
});
