import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';

import type { ApiClient } from '../../api/client.js';
import { CircleApiError } from '../../api/errors.js';
import type { components } from '../../api/schema.js';
import type { StringKey } from '../../i18n/strings.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { CircleElement } from '../circle-element.js';
import { notificationPreferencesStyles } from './circle-notification-preferences.styles.js';

type MediumPreferences = components['schemas']['medium_notification_preferences'];

const MEDIUMS = ['in_app', 'mobile'] as const;
type Medium = (typeof MEDIUMS)[number];

/** The `type` keys that PUT /notification_preferences/{medium} accepts, and their labels. */
const TYPE_LABELS = {
  post_comment: 'prefsTypePostComment',
  comment_reply: 'prefsTypeCommentReply',
  mention: 'prefsTypeMention',
  direct_messages: 'prefsTypeDirectMessages',
  post_like: 'prefsTypePostLike',
  comment_like: 'prefsTypeCommentLike',
  new_course_content: 'prefsTypeNewCourseContent',
} as const satisfies Record<string, StringKey>;
type TypeKey = keyof typeof TYPE_LABELS;

/**
 * The GET's `type` is an integer in Circle's schema, which lists no numbers, while the PUT takes
 * a string key. Circle's example answer has the string keys instead, each with its English
 * `name`; that pairing is the only mapping the spec gives. So a string `type` the PUT accepts is
 * used as it is, an integer is recognised by its English name, and anything else is left out,
 * as it could not be saved: live streams and polls (no PUT key), direct messages when they come
 * as a number (the example has no name for them), and names in other languages.
 */
// TODO: map integer `type`s by number once Circle documents the numbering; until then a
// community whose notification names are not in English shows only the space settings.
const KEYS_BY_EXAMPLE_NAME = new Map<string, TypeKey>([
  ['comments on my posts', 'post_comment'],
  ['replies to my comments', 'comment_reply'],
  ['mentions', 'mention'],
  ['likes on my posts', 'post_like'],
  ['likes on my comments', 'comment_like'],
  ['new course content', 'new_course_content'],
]);

const CHOICES = ['all', 'mention', 'never'] as const;
type Choice = (typeof CHOICES)[number];

const CHOICE_LABELS: Record<Choice, StringKey> = {
  all: 'prefsChoiceAll',
  mention: 'prefsChoiceMention',
  never: 'prefsChoiceNever',
};

interface TypeSetting {
  key: TypeKey;
  enabled: boolean;
}

interface SpaceSetting {
  /** The space member id: what the per-space PUT takes (see `spaceSettings`). */
  id: number;
  name: string;
  /** Undefined when Circle sent a choice this element does not know. */
  choice?: Choice;
  chat: boolean;
}

/** What Circle last confirmed for one medium. */
interface Preferences {
  medium: Medium;
  types: TypeSetting[];
  spaces: SpaceSetting[];
}

/** A change waiting to be saved, or being saved. */
type Change = { medium: Medium; sending: boolean } & (
  | { kind: 'type'; key: TypeKey; enabled: boolean }
  | { kind: 'space'; id: number; choice: Choice }
  | { kind: 'all-spaces'; choice: Choice }
);

/**
 * @summary The signed-in member's notification settings, saved as they change.
 *
 * Lists the kinds of notification the member can turn on or off as switches, and a choice for
 * each space they belong to (all activity, mentions only, or nothing), with one more choice
 * that sets every space at once. Each change shows at once and saves in the background; one
 * that Circle refuses is put back, with a message. Changes to the same setting are sent one
 * at a time, the latest choice last. `medium="mobile"` shows the mobile push settings instead
 * of the in-app ones. Circle's Member API has no email settings.
 *
 * @tagname circle-notification-preferences
 *
 * @slot signed-out - Replaces the signed-out message, for example with the host's sign-in link.
 *
 * @csspart base - The wrapper around everything.
 * @csspart section - Each of the two groups: notification types, and spaces.
 * @csspart types - The group of notification types.
 * @csspart spaces - The group of space settings.
 * @csspart header - A group's heading and the line under it.
 * @csspart heading - A group's heading.
 * @csspart title - A group's heading (also `heading`).
 * @csspart intro - The line under a group's heading.
 * @csspart item - One notification type or space (also `type-item` or `space-item`).
 * @csspart type-list - The list of notification types.
 * @csspart type-item - One notification type: its label, saving state and switch.
 * @csspart type-label - A notification type's label.
 * @csspart switch - A notification type's on/off switch.
 * @csspart apply-all - The row that sets every space at once.
 * @csspart actions - The row that sets every space at once (also `apply-all`).
 * @csspart apply-all-label - The label of that row.
 * @csspart apply-all-select - The choice that sets every space at once.
 * @csspart space-list - The list of spaces.
 * @csspart space-item - One space: its name, saving state and choice.
 * @csspart space-label - A space's name.
 * @csspart space-select - A space's choice.
 * @csspart select - Every choice (drop-down).
 * @csspart chat-tag - The "Chat" tag after the name of a chat space.
 * @csspart saving - "Saving…", beside a setting while it saves.
 * @csspart button - Every button other than the switches.
 * @csspart retry-button - The "Try again" button of the error state.
 * @csspart sign-in - The signed-out state's sign-in link, when `sign-in-url` is set.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart signed-out - The signed-out state.
 * @csspart notice - A message about a change that could not be saved.
 * @csspart config-warning - A message about an attribute value that can't be used.
 *
 * @cssprop [--circle-notification-preferences-gap=1rem] - Space between the two groups.
 * @cssprop [--circle-notification-preferences-switch-color=#4353ff] - A switch that is on.
 * @cssprop [--circle-color-text=#1f2330] - Body text.
 * @cssprop [--circle-color-muted=#5b6073] - Secondary text: times, counts and hints.
 * @cssprop [--circle-color-background=transparent] - Behind the whole element; dark themes and the
 *   `contrast` preset paint the surface.
 * @cssprop [--circle-color-surface=#ffffff] - Cards, panels, dialogs and form fields.
 * @cssprop [--circle-color-surface-2=#f3f4f8] - Chips, hovers and loading placeholders.
 * @cssprop [--circle-color-border=#dfe1e8] - Card, button and divider lines.
 * @cssprop [--circle-color-input-border=#858a9c] - Borders of text fields, selects and switches
 *   (3:1 on the surface).
 * @cssprop [--circle-color-accent=#4353ff] - Links, active states and primary buttons.
 * @cssprop [--circle-color-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--circle-color-danger=#b42318] - Errors, failed changes and destructive actions.
 * @cssprop [--circle-focus-ring-color=#4353ff] - The keyboard focus ring.
 * @cssprop [--circle-font-family=inherit] - Font; the host page's by default.
 * @cssprop [--circle-font-size=1rem] - Base text size.
 * @cssprop [--circle-line-height=1.5] - Base line height.
 * @cssprop [--circle-heading-weight=600] - Weight of titles and headings.
 * @cssprop [--circle-space=1rem] - The spacing unit that paddings and gaps derive from.
 * @cssprop [--circle-density=comfortable] - `compact` tightens the spacing unit to three quarters.
 * @cssprop [--circle-padding=0] - Room around the content; `--circle-space` where the background is
 *   painted.
 * @cssprop [--circle-radius=0.75rem] - Corner radius of cards, panels and dialogs.
 * @cssprop [--circle-shadow] - Shadow under cards; a faint one in the `circle` preset, none in the
 *   others.
 * @cssprop [--circle-shadow-raised] - Shadow under popovers, menus and dialogs.
 *
 * @fires {CircleAuthRequiredEvent} circle-auth-required - The visitor is signed out; the host may
 *   show its sign-in.
 * @fires {CustomEvent<CircleErrorDetail>} circle-error - Loading or a change failed; `detail` has
 *   `kind`, `status` and `message`.
 */
export class CircleNotificationPreferences extends CircleElement {
  static override styles = [sharedStyles, notificationPreferencesStyles];

  /** Which settings: `in_app` (the default) or `mobile` (push notifications on Circle's apps). */
  @property() medium: string = 'in_app';

  /** Section headings are h3 unless `heading-level` says otherwise. */
  protected override get defaultHeadingLevel(): number {
    return 3;
  }

  /** What Circle last confirmed; changes in `changes` show on top of it. */
  @state() private confirmed?: Preferences;

  /** Changes in the order they were made; each leaves the list once Circle has answered. */
  @state() private changes: Change[] = [];

  private readonly preferences = new Task(this, {
    task: async ([api, medium], { signal }) => {
      if (!api) return initialState;

      const answer = await api.get('/notification_preferences/{medium}', {
        params: { medium },
        signal,
      });
      this.confirmed = { medium, types: typeSettings(answer), spaces: spaceSettings(answer) };

      // Changes still on their way show over the fresh settings; another medium's can't.
      this.changes = this.changes.filter((change) => change.medium === medium);
      return this.confirmed;
    },
    args: () =>
      [
        this.sessionController.api,
        this.validMedium(),
        this.sessionController.state.generation,
      ] as const,
    onError: (error) => {
      if (!(error instanceof CircleApiError && error.kind === 'aborted')) this.dispatchError(error);
    },
  });

  /** Loads the settings again. */
  refresh(): void {
    void this.preferences.run();
  }

  protected override forgetMemberData(): void {
    this.confirmed = undefined;
    this.changes = [];
  }

  protected override checkAttributes(): string[] {
    if (this.validMedium() === this.medium) return [];
    return [this.badAttribute('medium', String(this.medium), MEDIUMS.join(', '), 'in_app')];
  }

  override render(): TemplateResult {
    return this.renderFrame(
      this.preferences.render({
        initial: () => this.renderSkeleton(),
        pending: () => this.renderCurrent() ?? this.renderSkeleton(),
        complete: () => this.renderCurrent() ?? this.renderSkeleton(),
        error: (error) => this.renderError(error, () => this.refresh()),
      }),
    );
  }

  /** The settings of the medium asked for, once they have loaded. */
  private renderCurrent(): TemplateResult | undefined {
    const preferences = this.confirmed;
    if (!preferences || preferences.medium !== this.validMedium()) return undefined;

    const { types, spaces } = preferences;
    if (types.length === 0 && spaces.length === 0) return this.renderEmpty('prefsEmpty');

    const busy = this.preferences.status === TaskStatus.PENDING;
    return html`<div class="groups" aria-busy=${busy ? 'true' : 'false'}>
      ${types.length > 0 ? this.renderTypes(preferences.medium, types) : nothing}
      ${spaces.length > 0 ? this.renderSpaces(spaces) : nothing}
    </div>`;
  }

  private renderTypes(medium: Medium, types: TypeSetting[]): TemplateResult {
    const heading = medium === 'mobile' ? 'prefsMobileHeading' : 'prefsInAppHeading';

    return html`<section class="section" part="section types" aria-labelledby="types-heading">
      <header part="header">
        ${this.renderHeading(0, this.t(heading), {
          class: 'heading',
          part: 'heading title',
          id: 'types-heading',
        })}
        <p class="intro" part="intro">${this.t('prefsTypesIntro')}</p>
      </header>
      <ul class="rows" part="type-list">
        ${repeat(
          types,
          (type) => type.key,
          (type) => this.renderType(type),
        )}
      </ul>
    </section>`;
  }

  private renderType(type: TypeSetting): TemplateResult {
    const id = `type-${type.key}`;
    const enabled = this.shownEnabled(type);
    const saving = this.changes.some((change) => change.kind === 'type' && change.key === type.key);

    return html`<li class="row" part="type-item item">
      <label class="row-label" part="type-label" for=${id}>${this.t(TYPE_LABELS[type.key])}</label>
      ${this.renderSaving(saving)}
      <button
        id=${id}
        class="switch"
        part="switch"
        type="button"
        role="switch"
        aria-checked=${enabled ? 'true' : 'false'}
        @click=${() => this.toggleType(type.key)}
      >
        <span class="knob" aria-hidden="true"></span>
      </button>
    </li>`;
  }

  private renderSpaces(spaces: SpaceSetting[]): TemplateResult {
    const shown = spaces.map((space) => this.shownChoice(space));
    const common = shown.every((choice) => choice === shown[0]) ? shown[0] : undefined;
    const savingAll = this.changes.some((change) => change.kind === 'all-spaces');

    return html`<section class="section" part="section spaces" aria-labelledby="spaces-heading">
      <header part="header">
        ${this.renderHeading(0, this.t('prefsSpacesHeading'), {
          class: 'heading',
          part: 'heading title',
          id: 'spaces-heading',
        })}
        <p class="intro" part="intro">${this.t('prefsSpacesIntro')}</p>
      </header>
      <div class="row apply-all" part="apply-all actions">
        <label class="row-label" part="apply-all-label" for="all-spaces">
          ${this.t('prefsAllSpaces')}
        </label>
        ${this.renderSaving(savingAll)}
        ${this.renderSelect(
          'all-spaces',
          'apply-all-select',
          common,
          'prefsChoiceMixed',
          (choice) => this.applyToAllSpaces(choice),
        )}
      </div>
      <ul class="rows" part="space-list">
        ${repeat(
          spaces,
          (space) => space.id,
          (space, index) => this.renderSpace(space, shown[index]),
        )}
      </ul>
    </section>`;
  }

  private renderSpace(space: SpaceSetting, choice: Choice | undefined): TemplateResult {
    const id = `space-${space.id}`;
    const saving = this.changes.some(
      (change) =>
        change.kind === 'all-spaces' || (change.kind === 'space' && change.id === space.id),
    );

    return html`<li class="row" part="space-item item">
      <label class="row-label" part="space-label" for=${id}>
        <bdi>${space.name || this.t('prefsUnnamedSpace')}</bdi>
        ${
          space.chat
            ? html`<span class="tag" part="chat-tag">${this.t('prefsChatSpace')}</span>`
            : nothing
        }
      </label>
      ${this.renderSaving(saving)}
      ${this.renderSelect(id, 'space-select', choice, 'prefsChoiceUnknown', (chosen) =>
        this.chooseForSpace(space.id, chosen),
      )}
    </li>`;
  }

  /**
   * A drop-down of the three choices. When no choice applies (spaces differ, or Circle sent an
   * unknown one), a disabled placeholder says so. `live` puts the shown choice back after a
   * change is undone, as the DOM's own selection may differ from what was last rendered.
   */
  private renderSelect(
    id: string,
    partName: string,
    value: Choice | undefined,
    placeholder: StringKey,
    choose: (choice: Choice) => void,
  ): TemplateResult {
    const onChange = (event: Event) => {
      const chosen = (event.target as HTMLSelectElement).value;
      if (isChoice(chosen)) choose(chosen);
    };

    return html`<select id=${id} class="select" part="select ${partName}" @change=${onChange}>
      ${
        value
          ? nothing
          : html`<option value="" disabled .selected=${live(true)}>${this.t(placeholder)}</option>`
      }
      ${CHOICES.map(
        (choice) =>
          html`<option value=${choice} .selected=${live(choice === value)}>
            ${this.t(CHOICE_LABELS[choice])}
          </option>`,
      )}
    </select>`;
  }

  /** Always present, so screen readers announce "Saving…" when it appears. */
  private renderSaving(saving: boolean): TemplateResult {
    return html`<span class="saving" part="saving" role="status"
      >${saving ? this.t('prefsSaving') : ''}</span
    >`;
  }

  private renderSkeleton(): TemplateResult {
    return this.renderSkeletonList(
      html`<div class="row skeleton-row" aria-hidden="true">
        <span class="skeleton line medium"></span>
        <span class="skeleton switch-placeholder"></span>
      </div>`,
    );
  }

  /** A switch shows the latest change made to it, or else what Circle confirmed. */
  private shownEnabled(type: TypeSetting): boolean {
    const latest = lastOf(
      this.changes,
      (change) => change.kind === 'type' && change.key === type.key,
    );
    return latest?.kind === 'type' ? latest.enabled : type.enabled;
  }

  /** A space shows the latest change to it or to every space, or else what Circle confirmed. */
  private shownChoice(space: SpaceSetting): Choice | undefined {
    const latest = lastOf(
      this.changes,
      (change) =>
        change.kind === 'all-spaces' || (change.kind === 'space' && change.id === space.id),
    );
    return latest && latest.kind !== 'type' ? latest.choice : space.choice;
  }

  private toggleType(key: TypeKey): void {
    const confirmed = this.confirmed;
    const type = confirmed?.types.find((candidate) => candidate.key === key);
    if (!confirmed || !type) return;

    const enabled = !this.shownEnabled(type);
    this.queue({ kind: 'type', key, enabled, medium: confirmed.medium, sending: false });
  }

  private chooseForSpace(id: number, choice: Choice): void {
    const confirmed = this.confirmed;
    const space = confirmed?.spaces.find((candidate) => candidate.id === id);
    if (!confirmed || !space || this.shownChoice(space) === choice) return;

    this.queue({ kind: 'space', id, choice, medium: confirmed.medium, sending: false });
  }

  private applyToAllSpaces(choice: Choice): void {
    const confirmed = this.confirmed;
    if (!confirmed) return;

    this.queue({ kind: 'all-spaces', choice, medium: confirmed.medium, sending: false });
  }

  /**
   * Shows a change at once and queues it behind the others of its lane. A change that has not
   * been sent yet is replaced by a newer one to the same setting, so arrowing through a
   * drop-down's choices sends only the one being saved and the last.
   */
  private queue(change: Change): void {
    const lane = laneOf(change);
    const last = lastOf(this.changes, (queued) => laneOf(queued) === lane);

    if (last && !last.sending && sameSetting(last, change)) {
      this.changes = this.changes.map((queued) => (queued === last ? change : queued));
    } else {
      this.changes = [...this.changes, change];
    }
    void this.sendNext(lane);
  }

  /**
   * Sends a lane's oldest change unless one of its changes is on its way already: a setting is
   * never saved twice at once. Once Circle answers, the change becomes confirmed, or leaves
   * the list with a message, which puts back whatever shows beneath it.
   */
  private async sendNext(lane: string): Promise<void> {
    if (this.changes.some((change) => change.sending && laneOf(change) === lane)) return;
    const next = this.changes.find((change) => laneOf(change) === lane);
    if (!next) return;

    // Toggled back while the one before was on its way: nothing left to save.
    if (this.isConfirmed(next)) {
      this.changes = this.changes.filter((change) => change !== next);
      void this.sendNext(lane);
      return;
    }

    const api = this.sessionController.api;
    if (!api) {
      // Signed out meanwhile: the signed-out state replaces the settings.
      this.changes = this.changes.filter((change) => laneOf(change) !== lane);
      return;
    }

    const sending: Change = { ...next, sending: true };
    this.changes = this.changes.map((change) => (change === next ? sending : change));

    try {
      await saveChange(api, sending);
      this.withdrawFailures(sending);
      if (this.changes.includes(sending)) this.confirm(sending);
    } catch (error) {
      // A change dropped meanwhile (another member, another medium) needs no message.
      if (this.changes.includes(sending)) {
        this.reportFailure(failureKey(sending), error, subjectOf(sending));
      }
    }

    if (!this.changes.includes(sending)) return;
    this.changes = this.changes.filter((change) => change !== sending);
    void this.sendNext(lane);
  }

  /** Takes back the message about a setting that `saved` has now set after all. */
  private withdrawFailures(saved: Change): void {
    this.withdrawFailure(subjectOf(saved));
    if (saved.kind !== 'all-spaces') return;

    for (const { id } of this.confirmed?.spaces ?? []) {
      this.withdrawFailure(subjectOf({ ...saved, kind: 'space', id }));
    }
  }

  private isConfirmed(change: Change): boolean {
    const confirmed = this.confirmed;
    if (!confirmed || confirmed.medium !== change.medium) return false;

    if (change.kind === 'type') {
      return confirmed.types.some(
        (type) => type.key === change.key && type.enabled === change.enabled,
      );
    }
    if (change.kind === 'space') {
      return confirmed.spaces.some(
        (space) => space.id === change.id && space.choice === change.choice,
      );
    }
    return confirmed.spaces.every((space) => space.choice === change.choice);
  }

  private confirm(change: Change): void {
    const confirmed = this.confirmed;
    if (!confirmed || confirmed.medium !== change.medium) return;

    let { types, spaces } = confirmed;
    if (change.kind === 'type') {
      types = types.map((type) =>
        type.key === change.key ? { ...type, enabled: change.enabled } : type,
      );
    } else {
      spaces = spaces.map((space) =>
        change.kind === 'all-spaces' || space.id === change.id
          ? { ...space, choice: change.choice }
          : space,
      );
    }
    this.confirmed = { ...confirmed, types, spaces };
  }

  private validMedium(): Medium {
    return (MEDIUMS as readonly string[]).includes(this.medium)
      ? (this.medium as Medium)
      : 'in_app';
  }
}

/** Types are saved independently; spaces share one lane, as "all spaces" changes every one. */
function laneOf(change: Change): string {
  return change.kind === 'type' ? `type:${change.key}` : 'spaces';
}

/** What a failure message is about: one type's switch, one space, or every space, per medium. */
function subjectOf(change: Change): string {
  const setting =
    change.kind === 'type'
      ? `type-${change.key}`
      : change.kind === 'space'
        ? `space-${change.id}`
        : 'all-spaces';
  return `preference-${change.medium}-${setting}`;
}

function sameSetting(a: Change, b: Change): boolean {
  if (a.kind === 'type' && b.kind === 'type') return a.key === b.key;
  if (a.kind === 'space' && b.kind === 'space') return a.id === b.id;
  return a.kind === b.kind;
}

function failureKey(change: Change): StringKey {
  if (change.kind === 'type') return 'prefsTypeFailed';
  return change.kind === 'space' ? 'prefsSpaceFailed' : 'prefsAllSpacesFailed';
}

async function saveChange(api: ApiClient, change: Change): Promise<void> {
  const { medium } = change;
  let answer: { success?: boolean; message?: string } | undefined;

  if (change.kind === 'type') {
    answer = await api.put('/notification_preferences/{medium}', {
      params: { medium },
      query: { type: change.key, enabled: change.enabled },
    });
  } else if (change.kind === 'space') {
    answer = await api.put(
      '/notification_preferences/{notification_preference_medium}/spaces/{id}',
      {
        params: { notification_preference_medium: medium, id: change.id },
        query: { choice: change.choice },
      },
    );
  } else {
    answer = await api.put('/notification_preferences/{notification_preference_medium}/spaces', {
      params: { notification_preference_medium: medium },
      query: { choice: change.choice },
    });
  }

  // A 200 that says it did not work is a refusal all the same.
  if (answer?.success === false) {
    throw new CircleApiError('validation', answer.message ?? 'The change was not saved.', 200);
  }
}

/** The notification types that can be saved, in Circle's order, each once. */
function typeSettings(answer: MediumPreferences | undefined): TypeSetting[] {
  // The schema calls the list `notification_preference`; Circle's example calls it
  // `notification_preferences`.
  const plural = (answer as { notification_preferences?: unknown } | undefined)
    ?.notification_preferences;
  const records: unknown = answer?.notification_preference ?? plural;
  if (!Array.isArray(records)) return [];

  const settings: TypeSetting[] = [];
  for (const record of records as unknown[]) {
    if (!isRecord(record) || typeof record.enabled !== 'boolean') continue;

    const key = typeKeyOf(record.type, record.name);
    if (key && !settings.some((setting) => setting.key === key)) {
      settings.push({ key, enabled: record.enabled });
    }
  }
  return settings;
}

/** The PUT's key for a notification type; see KEYS_BY_EXAMPLE_NAME. */
function typeKeyOf(type: unknown, name: unknown): TypeKey | undefined {
  if (typeof type === 'string')
    return Object.hasOwn(TYPE_LABELS, type) ? (type as TypeKey) : undefined;
  if (typeof type !== 'number' || typeof name !== 'string') return undefined;
  return KEYS_BY_EXAMPLE_NAME.get(name.trim().toLowerCase());
}

/**
 * The member's spaces, each once. A record's `id` is taken for the space member id that
 * PUT …/spaces/{id} asks for: the record carries the space's own id separately as `space_id`,
 * the PUT names its parameter "Space member ID", and `space_member_id` is the id Circle's
 * notification settings use elsewhere. (In Circle's example the two ids happen to be equal, so
 * the example alone can't confirm it.)
 */
function spaceSettings(answer: MediumPreferences | undefined): SpaceSetting[] {
  const records: unknown = answer?.space_preferences;
  if (!Array.isArray(records)) return [];

  const settings: SpaceSetting[] = [];
  for (const record of records as unknown[]) {
    if (!isRecord(record) || typeof record.id !== 'number' || !Number.isInteger(record.id)) {
      continue;
    }
    const id = record.id;
    if (settings.some((setting) => setting.id === id)) continue;

    settings.push({
      id,
      name: typeof record.space_name === 'string' ? record.space_name.trim() : '',
      choice: isChoice(record.choice) ? record.choice : undefined,
      chat: record.is_chat_space === true,
    });
  }
  return settings;
}

function isChoice(value: unknown): value is Choice {
  return (CHOICES as readonly unknown[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The last item that matches (Array#findLast is ES2023). */
function lastOf<T>(items: T[], matches: (item: T) => boolean): T | undefined {
  for (let index = items.length - 1; index >= 0; index--) {
    if (matches(items[index])) return items[index];
  }
  return undefined;
}

if (!customElements.get('circle-notification-preferences')) {
  customElements.define('circle-notification-preferences', CircleNotificationPreferences);
}

declare global {
  interface HTMLElementTagNameMap {
    'circle-notification-preferences': CircleNotificationPreferences;
  }
}
