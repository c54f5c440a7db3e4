import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { ApiClient } from '../api/client.js';
import { pageConfig, pageUrl } from '../config.js';
import { getSession } from '../session/session.js';
import type { Session, SessionState } from '../session/session.js';
import { msg } from '../i18n/strings.js';
import { warnOnce } from '../utils/warn.js';

/** What an element needs to know about its own configuration attributes. */
export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  tokenEndpoint?: string;
  apiBase?: string;
}

/**
 * Connects an element to the page's shared session for its token endpoint, and gives it an API
 * client. Element attributes win over the page-wide settings; when they change, the controller
 * moves to the matching session.
 */
export class SessionController implements ReactiveController {
  session?: Session;
  api?: ApiClient;
  state: SessionState = { status: 'idle', generation: 0 };

  /** A configuration mistake to show in the element, already reported in the console. */
  problem?: string;

  private unlisten?: () => void;
  private resolvedKey?: string;

  constructor(private readonly host: SessionHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.resolve();

    // Back on the page after a move: catch up with anything the session did meanwhile.
    if (this.session && !this.unlisten) this.listen(this.session);
  }

  hostUpdate(): void {
    this.resolve();
  }

  hostDisconnected(): void {
    this.unlisten?.();
    this.unlisten = undefined;
  }

  private resolve(): void {
    const page = pageConfig();
    const endpointValue = this.host.tokenEndpoint || page.tokenEndpoint;
    const apiBaseValue = this.host.apiBase || page.apiBase;
    const key = `${endpointValue}\n${apiBaseValue}`;
    if (key === this.resolvedKey) return;

    this.resolvedKey = key;
    this.unlisten?.();
    this.unlisten = undefined;
    this.session = undefined;
    this.api = undefined;

    const tag = this.host.localName;
    this.problem = undefined;
    const endpoint = pageUrl(endpointValue);
    const apiBase = pageUrl(apiBaseValue);
    if (!endpointValue) {
      this.problem = msg('noTokenEndpoint');
    } else if (!endpoint) {
      this.problem = msg('badUrlAttribute', { name: 'token-endpoint', value: endpointValue });
    } else if (!apiBase) {
      this.problem = msg('badUrlAttribute', { name: 'api-base', value: apiBaseValue });
    }
    if (this.problem) {
      warnOnce(`<${tag}>: ${this.problem} See the README's "Configuration" section.`, this.host);
      return;
    }

    this.session = getSession(endpoint!);
    this.api = new ApiClient({ apiBase: apiBase!, session: this.session });
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
