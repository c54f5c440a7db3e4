/**
 * Builders for the TipTap documents that Circle returns in `tiptap_body.body`, plus the
 * plain-text and simple HTML renderings that travel beside them (`body_plain_text`, `body.html`).
 */

/** A TipTap mark (bold, link, ...). */
export interface TipTapMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A TipTap node as Circle serialises it. */
export interface TipTapNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TipTapNode[];
  text?: string;
  marks?: TipTapMark[];
  circle_ios_fallback_text?: string;
}

/** What a mention node needs to know about the member it points at. */
export interface Mentionable {
  name: string;
  rich_text_field_sgid: string;
}

type Inline = TipTapNode | string;

const toInline = (part: Inline): TipTapNode => (typeof part === 'string' ? text(part) : part);

/** A text node; Circle repeats the text in `circle_ios_fallback_text`. */
export function text(value: string, marks?: TipTapMark[]): TipTapNode {
  const node: TipTapNode = { type: 'text', text: value, circle_ios_fallback_text: value };
  if (marks && marks.length > 0) node.marks = marks;
  return node;
}

/** Adds a mark to a text node (or wraps a string first). */
function withMark(part: Inline, mark: TipTapMark): TipTapNode {
  const node = toInline(part);
  return { ...node, marks: [...(node.marks ?? []), mark] };
}

export const bold = (part: Inline): TipTapNode => withMark(part, { type: 'bold' });
export const italic = (part: Inline): TipTapNode => withMark(part, { type: 'italic' });
export const strike = (part: Inline): TipTapNode => withMark(part, { type: 'strike' });
export const underline = (part: Inline): TipTapNode => withMark(part, { type: 'underline' });
export const code = (part: Inline): TipTapNode => withMark(part, { type: 'code' });

/** A link mark, shaped like Circle's examples (`href` and `target`). */
export const link = (part: Inline, href: string): TipTapNode =>
  withMark(part, { type: 'link', attrs: { href, target: '_blank' } });

export const paragraph = (...parts: Inline[]): TipTapNode => ({
  type: 'paragraph',
  content: parts.map(toInline),
});

export const heading = (level: 2 | 3, ...parts: Inline[]): TipTapNode => ({
  type: 'heading',
  attrs: { level },
  content: parts.map(toInline),
});

const listItem = (item: Inline[] | Inline): TipTapNode => ({
  type: 'listItem',
  content: [paragraph(...(Array.isArray(item) ? item : [item]))],
});

export const bulletList = (...items: (Inline[] | Inline)[]): TipTapNode => ({
  type: 'bulletList',
  content: items.map(listItem),
});

export const orderedList = (...items: (Inline[] | Inline)[]): TipTapNode => ({
  type: 'orderedList',
  attrs: { start: 1 },
  content: items.map(listItem),
});

export const blockquote = (...blocks: TipTapNode[]): TipTapNode => ({
  type: 'blockquote',
  content: blocks,
});

export const codeBlock = (language: string, source: string): TipTapNode => ({
  type: 'codeBlock',
  attrs: { language },
  content: [{ type: 'text', text: source }],
});

export const horizontalRule = (): TipTapNode => ({ type: 'horizontalRule' });

export const hardBreak = (): TipTapNode => ({ type: 'hardBreak', circle_ios_fallback_text: '\n' });

/** Circle's mention mechanism: the node carries only the member's `rich_text_field_sgid`. */
export const mention = (member: Mentionable): TipTapNode => ({
  type: 'mention',
  attrs: { sgid: member.rich_text_field_sgid },
});

export const image = (src: string, alt: string, width: number, height: number): TipTapNode => ({
  type: 'image',
  attrs: { src, alt, width, height },
});

export const embed = (url: string, title: string): TipTapNode => ({
  type: 'embed',
  attrs: { url, title },
});

export const attachment = (
  url: string,
  filename: string,
  contentType: string,
  byteSize: number,
): TipTapNode => ({
  type: 'attachment',
  attrs: { url, filename, content_type: contentType, byte_size: byteSize },
});

/** The root node. */
export const doc = (...blocks: TipTapNode[]): TipTapNode => ({ type: 'doc', content: blocks });

/** Every member a document mentions, by sgid. */
export function mentionedSgids(node: TipTapNode): string[] {
  const found: string[] = [];
  const visit = (current: TipTapNode): void => {
    if (current.type === 'mention' && typeof current.attrs?.sgid === 'string') {
      found.push(current.attrs.sgid);
    }
    current.content?.forEach(visit);
  };
  visit(node);
  return [...new Set(found)];
}

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'codeBlock',
  'listItem',
  'horizontalRule',
  'image',
  'embed',
  'attachment',
]);

/** Plain text the way `body_plain_text` reads: one line per block, `@Name` for mentions. */
export function toPlainText(root: TipTapNode, members: Mentionable[]): string {
  const names = new Map(members.map((member) => [member.rich_text_field_sgid, member.name]));
  const lines: string[] = [];
  let line = '';
  const flush = (): void => {
    if (line.trim() !== '') lines.push(line.trim());
    line = '';
  };

  const visit = (node: TipTapNode): void => {
    if (node.type === 'text') line += node.text ?? '';
    else if (node.type === 'hardBreak') line += '\n';
    else if (node.type === 'mention') line += `@${names.get(String(node.attrs?.sgid)) ?? ''}`;
    else if (node.type === 'attachment') line += String(node.attrs?.filename ?? '');
    else if (node.type === 'embed') line += String(node.attrs?.url ?? '');

    node.content?.forEach(visit);
    if (BLOCK_TYPES.has(node.type)) flush();
  };
  visit(root);
  flush();
  return lines.join('\n');
}

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const MARK_TAGS: Record<string, string> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
  code: 'code',
};

/** A simple HTML rendering for `body.html` (the trix-era field); escaped, never parsed here. */
export function toHtml(root: TipTapNode, members: Mentionable[]): string {
  const names = new Map(members.map((member) => [member.rich_text_field_sgid, member.name]));

  const render = (node: TipTapNode): string => {
    const inner = (node.content ?? []).map(render).join('');
    switch (node.type) {
      case 'doc':
        return inner;
      case 'text': {
        let html = escapeHtml(node.text ?? '');
        for (const mark of node.marks ?? []) {
          if (mark.type === 'link') {
            html = `<a href="${escapeHtml(String(mark.attrs?.href ?? ''))}">${html}</a>`;
          } else if (MARK_TAGS[mark.type]) {
            html = `<${MARK_TAGS[mark.type]}>${html}</${MARK_TAGS[mark.type]}>`;
          }
        }
        return html;
      }
      case 'paragraph':
        return `<div>${inner}</div>`;
      case 'heading':
        return `<h${Number(node.attrs?.level ?? 2)}>${inner}</h${Number(node.attrs?.level ?? 2)}>`;
      case 'bulletList':
        return `<ul>${inner}</ul>`;
      case 'orderedList':
        return `<ol>${inner}</ol>`;
      case 'listItem':
        return `<li>${inner}</li>`;
      case 'blockquote':
        return `<blockquote>${inner}</blockquote>`;
      case 'codeBlock':
        return `<pre>${inner}</pre>`;
      case 'horizontalRule':
        return '<hr>';
      case 'hardBreak':
        return '<br>';
      case 'mention':
        return `@${escapeHtml(names.get(String(node.attrs?.sgid)) ?? '')}`;
      case 'image':
        return `<img src="${escapeHtml(String(node.attrs?.src ?? ''))}" alt="${escapeHtml(
          String(node.attrs?.alt ?? ''),
        )}">`;
      case 'embed':
      case 'attachment': {
        const href = escapeHtml(String(node.attrs?.url ?? ''));
        const label = escapeHtml(String(node.attrs?.title ?? node.attrs?.filename ?? href));
        return `<div><a href="${href}">${label}</a></div>`;
      }
      default:
        return inner;
    }
  };
  return render(root);
}
