/**
 * Same-origin SVG pictures for the sandbox, so the demo shows avatars and images offline.
 */

/**
 * Where the sandbox's pictures and files are served: the page's own origin. The API gives
 * absolute URLs, and the widgets refuse relative ones, so the sandbox does the same.
 */
export const assetUrl = (path: string): string => new URL(path, globalThis.location?.href).href;

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One or two letters for an avatar: first letters of the first and last word. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';

  const first = Array.from(words[0])[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1])[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** A round avatar: initials on a colour picked from the member id. */
export function avatarSvg(id: number, name: string): string {
  const hue = (id * 47) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
<rect width="128" height="128" fill="hsl(${hue} 55% 45%)"/>
<text x="64" y="64" dy="0.35em" text-anchor="middle" fill="#fff" font-size="52"
 font-family="system-ui, sans-serif" font-weight="600">${escapeXml(initials(name))}</text>
</svg>`;
}

/** Pixel size of sandbox image `n` (varied, so layouts meet portrait and landscape). */
export function imageSize(n: number): { width: number; height: number } {
  const sizes = [
    { width: 1200, height: 675 },
    { width: 1024, height: 768 },
    { width: 800, height: 1000 },
    { width: 1600, height: 900 },
  ];
  return sizes[n % sizes.length];
}

/** A simple generated landscape: sky gradient, sun and hills, labelled with its number. */
export function imageSvg(n: number): string {
  const { width: w, height: h } = imageSize(n);
  const hue = (n * 67) % 360;
  const tint = (shift: number, rest: string) => `hsl(${(hue + shift) % 360} ${rest})`;
  const sun = { x: Math.round(w * (0.2 + ((n * 13) % 60) / 100)), y: h * 0.35, r: h * 0.12 };
  const hills = `M0 ${h * 0.7} Q ${w * 0.3} ${h * 0.5} ${w * 0.6} ${h * 0.72} T ${w} ${h * 0.65}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    '<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">',
    `<stop offset="0" stop-color="${tint(0, '70% 75%')}"/>`,
    `<stop offset="1" stop-color="${tint(40, '70% 90%')}"/>`,
    '</linearGradient></defs>',
    `<rect width="${w}" height="${h}" fill="url(#sky)"/>`,
    `<circle cx="${sun.x}" cy="${sun.y}" r="${sun.r}" fill="${tint(180, '80% 65%')}"/>`,
    `<path d="${hills} V ${h} H 0 Z" fill="${tint(120, '35% 40%')}"/>`,
    `<text x="${w - 24}" y="${h - 24}" text-anchor="end" fill="#fff"`,
    ` font-size="${Math.round(h / 18)}" font-family="system-ui, sans-serif">`,
    `Sandbox image ${n}</text>`,
    '</svg>',
  ].join('\n');
}
