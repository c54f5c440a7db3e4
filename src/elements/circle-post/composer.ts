// What the comment composers need besides rendering: plain text to a TipTap document, and
// drafts that outlive a failed send or a page reload.

import { safeUrl } from '../../rich-text/render.js';
import type { TiptapMark, TiptapNode } from '../../rich-text/render.js';

/** A TipTap document as Circle's create and update comment bodies take it. */
export interface TiptapDoc {
  type: 'doc';
  content: TiptapNode[];
}

// Anything from http(s):// up to white space; trailing punctuation is trimmed off afterwards.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"\]}>]+$/;

/**
 * A plain-text comment as a TipTap document: blank lines separate paragraphs, single newlines
 * become hard breaks, and http(s) URLs become links. Empty when the text is only white space.
 */
export function textToTiptap(text: string): TiptapDoc {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '');

  return {
    type: 'doc',
    content: paragraphs.map((paragraph) => ({
      type: 'paragraph',
      content: paragraph.split('\n').flatMap((line, index) => {
        const inline = linkify(line);
        return index === 0 ? inline : [{ type: 'hardBreak' }, ...inline];
      }),
    })),
  };
}

/** A line as text nodes, with a link mark on each http(s) URL in it. */
function linkify(line: string): TiptapNode[] {
  const nodes: TiptapNode[] = [];
  let rest = 0;

  for (const match of line.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    const href = safeUrl(url, ['http', 'https']);
    if (!href) continue;

    const start = match.index ?? 0;
    if (start > rest) nodes.push({ type: 'text', text: line.slice(rest, start) });
    const mark: TiptapMark = { type: 'link', attrs: { href } };
    nodes.push({ type: 'text', text: url, marks: [mark] });
    rest = start + url.length;
  }
  if (rest < line.length) nodes.push({ type: 'text', text: line.slice(rest) });
  return nodes;
}

/** Drops sentence punctuation after a URL, and a closing bracket that has no opening one. */
function trimUrl(url: string): string {
  let trimmed = url.replace(TRAILING_PUNCTUATION, '');
  while (trimmed.endsWith(')') && count(trimmed, '(') < count(trimmed, ')')) {
    trimmed = trimmed.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return trimmed;
}

const count = (text: string, character: string): number => text.split(character).length - 1;

const DRAFT_PREFIX = 'circle-widgets:draft:';

/**
 * Where a member's unsent text for a post's comment, or for a reply to one of its comments, is
 * kept. The member is part of the key, so the next person on a shared computer starts afresh.
 */
export function draftKey(
  memberId: number | undefined,
  postId: number,
  parentCommentId?: number,
): string {
  const parent = parentCommentId === undefined ? '' : `:${parentCommentId}`;
  return `${DRAFT_PREFIX}${memberId ?? 'member'}:${postId}${parent}`;
}

const EDITABLE_NODES = new Set(['doc', 'paragraph', 'text', 'hardBreak']);

/**
 * Whether a comment is only what the plain-text editor can give back: paragraphs, line breaks
 * and links. Editing anything richer as text would silently drop mentions, formatting and images.
 */
export function isPlainTextComment(tiptapBody: unknown): boolean {
  const doc = (tiptapBody as { body?: unknown } | null | undefined)?.body;
  if (typeof doc !== 'object' || doc === null) return false;

  const pending: unknown[] = [doc];
  while (pending.length > 0) {
    const node = pending.pop() as { type?: unknown; content?: unknown; marks?: unknown };
    if (typeof node !== 'object' || node === null || !EDITABLE_NODES.has(String(node.type))) {
      return false;
    }
    const marks = Array.isArray(node.marks) ? node.marks : [];
    if (marks.some((mark: { type?: unknown }) => mark?.type !== 'link')) return false;
    if (Array.isArray(node.content)) pending.push(...node.content);
  }
  return true;
}

/** The kept draft, or '' (also when storage is blocked, as in some sandboxed frames). */
export function readDraft(key: string): string {
  try {
    return sessionStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

/** Keeps `text` for this tab's session; empty text forgets the draft. */
export function writeDraft(key: string, text: string): void {
  try {
    if (text.trim() === '') sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, text);
  } catch {
    // Storage full or blocked: the draft then lives only as long as the textarea.
  }
}
