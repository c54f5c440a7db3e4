import { css } from 'lit';

/**
 * The design tokens. Each preset gives light and dark values (`--_preset-*`), switched by the
 * `preset` attribute and the resolved `data-circle-theme`; a public `--circle-*` property the
 * host sets wins over them. The element styles read only the private `--_*` properties.
 * Every preset keeps text at 4.5:1 and focus rings and field borders at 3:1 against the surface.
 */
export const themeStyles = css`
  :host {
    --_preset-text: #1f2330;
    --_preset-muted: #5b6073;
    --_preset-background: transparent;
    --_preset-padding: 0;
    --_preset-surface: #ffffff;
    --_preset-surface-2: #f3f4f8;
    --_preset-border: #dfe1e8;
    --_preset-input-border: #858a9c;
    --_preset-accent: #4353ff;
    --_preset-accent-text: #ffffff;
    --_preset-danger: #b42318;
    --_preset-focus-ring: #4353ff;
    --_preset-badge: #d92d20;
    --_preset-badge-text: #ffffff;
    --_preset-heading-weight: 600;
    --_preset-radius: 0.75rem;
    --_preset-shadow: 0 1px 2px rgb(16 24 40 / 0.05);
    --_preset-shadow-raised: 0 12px 32px rgb(16 24 40 / 0.16);
  }

  /*
   * Light themes let the page show through; dark ones paint their surface, with some room
   * around the content, so light text never lands on a light page.
   */
  :host([data-circle-theme='dark']) {
    --_preset-text: #eceef5;
    --_preset-muted: #a6abbd;
    --_preset-background: var(--_surface);
    --_preset-padding: var(--_space);
    --_preset-surface: #1a1c25;
    --_preset-surface-2: #252834;
    --_preset-border: #343847;
    --_preset-input-border: #7c8196;
    --_preset-accent: #8f9bff;
    --_preset-accent-text: #10121a;
    --_preset-danger: #ff8a7a;
    --_preset-focus-ring: #8f9bff;
    --_preset-shadow: 0 1px 2px rgb(0 0 0 / 0.4);
    --_preset-shadow-raised: 0 12px 32px rgb(0 0 0 / 0.55);
  }

  :host([preset='minimal']) {
    --_preset-text: #171717;
    --_preset-muted: #595959;
    --_preset-background: transparent;
    --_preset-padding: 0;
    --_preset-surface: #ffffff;
    --_preset-surface-2: #f4f4f4;
    --_preset-border: #e3e3e3;
    --_preset-input-border: #8a8a8a;
    --_preset-accent: #171717;
    --_preset-accent-text: #ffffff;
    --_preset-danger: #b3261e;
    --_preset-focus-ring: #171717;
    --_preset-badge: #171717;
    --_preset-badge-text: #ffffff;
    --_preset-heading-weight: 600;
    --_preset-radius: 0.375rem;
    --_preset-shadow: none;
    --_preset-shadow-raised: 0 4px 16px rgb(0 0 0 / 0.08);
  }

  :host([preset='minimal'][data-circle-theme='dark']) {
    --_preset-text: #ededed;
    --_preset-muted: #a3a3a3;
    --_preset-background: var(--_surface);
    --_preset-padding: var(--_space);
    --_preset-surface: #121212;
    --_preset-surface-2: #1e1e1e;
    --_preset-border: #2e2e2e;
    --_preset-input-border: #7a7a7a;
    --_preset-accent: #ededed;
    --_preset-accent-text: #121212;
    --_preset-danger: #ff7b72;
    --_preset-focus-ring: #ededed;
    --_preset-badge: #ededed;
    --_preset-badge-text: #121212;
    --_preset-shadow-raised: 0 4px 16px rgb(0 0 0 / 0.6);
  }

  /* Black on white and back, with strong borders and no shadows; it paints in both themes. */
  :host([preset='contrast']) {
    --_preset-text: #000000;
    --_preset-muted: #333333;
    --_preset-background: var(--_surface);
    --_preset-padding: var(--_space);
    --_preset-surface: #ffffff;
    --_preset-surface-2: #ececec;
    --_preset-border: #595959;
    --_preset-input-border: #000000;
    --_preset-accent: #0033cc;
    --_preset-accent-text: #ffffff;
    --_preset-danger: #a30000;
    --_preset-focus-ring: #000000;
    --_preset-badge: #a30000;
    --_preset-badge-text: #ffffff;
    --_preset-heading-weight: 700;
    --_preset-radius: 0.25rem;
    --_preset-shadow: none;
    --_preset-shadow-raised: none;
  }

  :host([preset='contrast'][data-circle-theme='dark']) {
    --_preset-text: #ffffff;
    --_preset-muted: #d6d6d6;
    --_preset-surface: #000000;
    --_preset-surface-2: #1a1a1a;
    --_preset-border: #a6a6a6;
    --_preset-input-border: #ffffff;
    --_preset-accent: #ffd43b;
    --_preset-accent-text: #000000;
    --_preset-danger: #ff9b9b;
    --_preset-focus-ring: #ffd43b;
    --_preset-badge: #ffd43b;
    --_preset-badge-text: #000000;
  }

  :host {
    --_text: var(--circle-color-text, var(--_preset-text));
    --_muted: var(--circle-color-muted, var(--_preset-muted));
    --_background: var(--circle-color-background, var(--_preset-background));
    --_padding: var(--circle-padding, var(--_preset-padding));
    --_surface: var(--circle-color-surface, var(--_preset-surface));
    --_surface-2: var(--circle-color-surface-2, var(--_preset-surface-2));
    --_border: var(--circle-color-border, var(--_preset-border));
    --_input-border: var(--circle-color-input-border, var(--_preset-input-border));
    --_accent: var(--circle-color-accent, var(--_preset-accent));
    --_accent-text: var(--circle-color-accent-text, var(--_preset-accent-text));
    --_danger: var(--circle-color-danger, var(--_preset-danger));
    --_focus-ring: var(
      --circle-focus-ring-color,
      var(--circle-color-accent, var(--_preset-focus-ring))
    );
    --_badge: var(--circle-color-badge, var(--_preset-badge));
    --_badge-text: var(--circle-color-badge-text, var(--_preset-badge-text));
    --_heading-weight: var(--circle-heading-weight, var(--_preset-heading-weight));
    --_radius: var(--circle-radius, var(--_preset-radius));
    --_shadow: var(--circle-shadow, var(--_preset-shadow));
    --_shadow-raised: var(--circle-shadow-raised, var(--_preset-shadow-raised));
    --_density: 1;
    --_space: calc(var(--circle-space, 1rem) * var(--_density));

    /* Native controls and scroll bars follow the theme too. */
    color-scheme: light;
  }

  :host([data-circle-theme='dark']) {
    color-scheme: dark;
  }

  :host([data-circle-density='compact']) {
    --_density: 0.75;
  }
`;
