import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { ApiClient } from '../api/client.js';
import { CircleApiError } from '../api/errors.js';
import { apiBaseUrl, pageConfig, pageUrl } from '../config.js';
import { SessionError, getSession } from '../session/session.js';
import type { Session, SessionState } from '../session/session.js';
import { msg } from '../i18n/strings.js';
import type { StringKey } from '../i18n/strings.js';
import { warnOnce } from '../utils/warn.js';

/** What an element needs to know about its own configuration attributes. */
export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  tokenEndpoint?: string;
  apiBase?: string;
}

/** Whether `error` says the network failed, so that coming back online may mend it. */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof SessionError) return error.unreachable;
  return error instanceof CircleApiError && (error.kind === 'network' || error.kind === 'timeout');
}

/**
 * Connects an element to the page's shared session for its token endpoint, and gives it an API
 * client. Element attributes win over the page-wide settings; when they change, the controller
 * moves to the matching session.
 *
 * It also retries, when the browser comes back online, whatever the element showed as failed
 * for want of a connection.
 */
export class SessionController implements ReactiveController {
  session?: Session;
  api?: ApiClient;
  state: SessionState = { status: 'idle', generation: 0 };

  /**
   * A configuration mistake to show in the element, already reported in the console: a string
   * table entry, which the element words in its own language.
   */
  problem?: { key: StringKey; values?: Record<string, string> };

  private unlisten?: () => void;
  private resolvedKey?: string;

  /** Retries for the connection errors shown by the last render. */
  private retriesWhenOnline: (() => void)[] = [];

  constructor(private readonly host: SessionHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.resolve();
    window.addEventListener('online', this.onOnline);

    // Back on the page after a move: catch up with anything the session did meanwhile.
    if (this.session && !this.unlisten) this.listen(this.session);
  }

  hostUpdate(): void {
    this.resolve();

    // The render that follows registers the retries of the errors it still shows.
    this.retriesWhenOnline = [];
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    this.unlisten?.();
    this.unlisten = undefined;
  }

  /**
   * Called while rendering an error with its retry: when the error came from a lost connection,
   * `retry` runs by itself as soon as the browser is back online.
   */
  retryWhenOnline(error: unknown, retry: () => void): void {
    if (isConnectionError(error)) this.retriesWhenOnline.push(retry);
  }

  private readonly onOnline = (): void => {
    const retries = this.retriesWhenOnline;
    this.retriesWhenOnline = [];
    for (const retry of retries) retry();
  };

  private resolve(): void {
    const page = pageConfig();
    const endpointValue = this.host.tokenEndpoint || page.tokenEndpoint;
    const apiBaseValue = this.host.apiBase || page.apiBase;
    const { timeoutMs } = page;
    const key = `${endpointValue}\n${apiBaseValue}\n${timeoutMs}`;
    if (key === this.resolvedKey) return;

    this.resolvedKey = key;
    this.unlisten?.();
    this.unlisten = undefined;
    this.session = undefined;
    this.api = undefined;

    const tag = this.host.localName;
    this.problem = undefined;
    const endpoint = pageUrl(endpointValue);
    const apiBase = apiBaseUrl(apiBaseValue);
    if (!endpointValue) {
      this.problem = { key: 'noTokenEndpoint' };
    } else if (!endpoint) {
      const values = { name: 'token-endpoint', value: endpointValue };
      this.problem = { key: 'badUrlAttribute', values };
    } else if (!apiBase) {
      this.problem = { key: 'badUrlAttribute', values: { name: 'api-base', value: apiBaseValue } };
    }
    if (this.problem) {
      // The console is for the site's developer: name the attributes that set the endpoint.
      const hint = endpointValue
        ? ''
        : ' Set data-token-endpoint on the script tag, or token-endpoint on the element.';
      const readme = ` See the README's "Configuration" section.`;
      const problem = msg(this.problem.key, this.problem.values);
      warnOnce(`<${tag}>: ${problem}${hint}${readme}`, this.host);
      return;
    }

    this.session = getSession(endpoint!, { timeoutMs });
    this.api = new ApiClient({ apiBase: apiBase!, session: this.session, timeoutMs });
    this.state = this.session.$state.get();
    this.listen(this.session);
  }

  private listen(session: Session): void {
    this.unlisten = session.$state.listen((state) => {
      this.state = state;
      this.host.requestUpdate();
    });

    if (session.$state.get() !== this.state) {
      this.state = session.$state.get();
      this.host.requestUpdate();
    }
  }
}
