import { sandbox, worker } from './support/sandbox.js';
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';

import { axeViolations, shadow, shadowAll, textOf, waitFor } from './support/dom.js';
import type { Comment, Post } from '../demo/sandbox/model.js';
import type { Post as ApiPost } from '../src/api/types.js';
import type { CirclePost } from '../src/elements/circle-post/circle-post.js';
import {
  draftKey,
  isPlainTextComment,
  textToTiptap,
} from '../src/elements/circle-post/composer.js';
import { CircleCommentEvent, CircleLikeEvent } from '../src/events.js';
import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import '../src/elements/circle-post/circle-post.js';

const API = 'https://app.circle.so/api/headless/v1';
const boom = () => HttpResponse.json({ success: false, message: 'Boom' }, { status: 500 });

async function postElement(attributes: string): Promise<CirclePost> {
  const container = await fixture<HTMLDivElement>(
    `<div><circle-post token-endpoint="/api/circle-token" ${attributes}></circle-post></div>`,
  );
  return container.querySelector('circle-post')!;
}

/** A post that is open for likes and comments and has at least `count` top-level comments. */
function openPost(count = 2): Post {
  return sandbox.db.posts.find(
    (post) =>
      post.is_comments_enabled &&
      !post.is_comments_closed &&
      post.is_liking_enabled &&
      topLevel(post).length >= count,
  )!;
}

const topLevel = (post: Post): Comment[] =>
  sandbox.db.comments.filter((c) => c.post_id === post.id && c.parent_comment_id === null);

const named = (post: Post) => `space="${post.space.slug}" post="${post.slug}"`;

const comments = (element: Element) =>
  shadowAll(element, '[part~="comment-list"] > [part~="comment"]');

async function showPost(post: Post, extra = ''): Promise<CirclePost> {
  const element = await postElement(`${named(post)} ${extra}`);
  await waitFor(element, '[part~="comment"], [part~="empty"]');
  return element;
}

async function type(element: CirclePost, textarea: HTMLTextAreaElement, text: string) {
  textarea.focus();
  textarea.value = text;
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await element.updateComplete;
}

const mainComposer = (element: Element) =>
  shadow<HTMLTextAreaElement>(element, '[part~="comments"] > [part~="composer"] textarea')!;
const mainSubmit = (element: Element) =>
  shadow<HTMLButtonElement>(
    element,
    '[part~="comments"] > [part~="composer"] [part~="submit-button"]',
  )!;

describe('<circle-post>', () => {
  beforeEach(() => {
    resetSessions();
    resetWarnings();
    sessionStorage.clear();
  });

  it('shows a skeleton while the post loads', async () => {
    worker.use(
      http.get(`${API}/spaces/:space/posts/:id`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const element = await postElement(named(openPost()));
    const skeleton = await waitFor(element, '[aria-busy="true"]');
    expect(skeleton.getBoundingClientRect().height).to.be.greaterThan(150);
    expect(shadow(element, '[part~="post"]')).to.equal(null);
  });

  it('shows a post by slug: author, space, time, h2 title, cover and full body', async () => {
    const post = sandbox.db.posts.find((p) => p.cover_image && p.tiptap_body)!;
    const element = await postElement(named(post));
    const article = await waitFor(element, '[part~="post"]');

    expect(textOf(article.querySelector('h2[part~="title"]'))).to.equal(post.display_title);
    expect(textOf(article.querySelector('.author'))).to.equal(post.author.name);
    expect(textOf(article.querySelector('.meta'))).to.contain(`in ${post.space.name}`);
    expect(article.querySelector('time')!.getAttribute('datetime')).to.equal(post.created_at);
    expect(article.querySelector<HTMLImageElement>('[part~="cover"]')!.src).to.equal(
      post.cover_image,
    );
    const lastLine = post.body_plain_text!.trim().split('\n').pop()!.trim().slice(0, 30);
    expect(textOf(article.querySelector('[part~="body"]'))).to.contain(lastLine);
    expect(textOf(article.querySelector('[part~="like-button"]'))).to.contain(
      `${post.user_likes_count} like`,
    );
  });

  it('shows a post by id, and refetches when the attributes change', async () => {
    const [first, second] = sandbox.db.posts.filter((p) => p.post_type === 'basic');
    const element = await postElement(`space="${first.space.id}" post="${first.id}"`);
    await waitFor(element, '[part~="title"]');
    expect(textOf(shadow(element, '[part~="title"]'))).to.equal(first.display_title);

    element.space = String(second.space.id);
    element.post = String(second.id);
    await waitUntil(
      () => textOf(shadow(element, '[part~="title"]')) === second.display_title,
      'the element did not load the other post',
    );
  });

  it('shows a post handed over in postData without fetching it', async () => {
    const post = openPost();
    const fetched: string[] = [];
    worker.use(
      http.get(`${API}/spaces/:space/posts/:id`, ({ request }) => {
        fetched.push(request.url);
      }),
    );
    const container = await fixture<HTMLDivElement>(
      '<div><circle-post token-endpoint="/api/circle-token"></circle-post></div>',
    );
    const element = container.querySelector('circle-post')!;
    element.postData = structuredClone(post) as ApiPost;
    await element.updateComplete;

    expect(textOf(shadow(element, '[part~="title"]'))).to.equal(post.display_title);
    await waitFor(element, '[part~="comment"]');
    expect(fetched).to.deep.equal([]);
  });

  it('says clearly when the post does not exist', async () => {
    const post = openPost();
    const element = await postElement(`space="${post.space.slug}" post="no-such-post"`);
    const state = await waitFor(element, '[part~="not-found"]');
    expect(textOf(state)).to.equal(
      'This post could not be found. It may have been moved or deleted.',
    );
  });

  it('shows an error with a retry that recovers', async () => {
    let failing = true;
    worker.use(
      http.get(`${API}/spaces/:space/posts/:id`, () =>
        failing ? HttpResponse.json({ message: 'Down' }, { status: 503 }) : undefined,
      ),
    );
    const element = await postElement(named(openPost()));
    const error = await waitFor(element, '[part~="error"]');
    expect(textOf(error)).to.contain('having trouble');

    failing = false;
    shadow<HTMLButtonElement>(element, '[part~="retry-button"]')!.click();
    await waitFor(element, '[part~="post"]');
  });

  it('asks a signed-out visitor to sign in and offers no composer', async () => {
    sandbox.auth.signedIn = false;
    const element = await postElement(named(openPost()));
    await waitFor(element, '[part~="signed-out"]');
    expect(shadow(element, 'textarea')).to.equal(null);
  });

  it('likes the post at once, keeps focus while saving, and tells the host after', async () => {
    worker.use(
      http.post(`${API}/posts/:id/user_likes`, async () => {
        await delay(150);
      }),
    );
    const post = sandbox.db.posts.find((p) => !p.is_liked && p.is_liking_enabled)!;
    const element = await postElement(named(post));
    const button = await waitFor<HTMLButtonElement>(element, '[part~="like-button"]');
    const liked = oneEvent(element, 'circle-like');

    button.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(element.shadowRoot!.activeElement === button, 'focus').to.equal(true);

    const event = (await liked) as unknown as CircleLikeEvent;
    expect([event.kind, event.id, event.liked]).to.deep.equal(['post', post.id, true]);
    expect(post.is_liked).to.equal(true);
    expect(textOf(button)).to.contain(`${post.user_likes_count} like`);
  });

  it('undoes a post like that fails, with a visible message', async () => {
    worker.use(http.post(`${API}/posts/:id/user_likes`, boom));
    const post = sandbox.db.posts.find((p) => !p.is_liked && p.is_liking_enabled)!;
    const element = await postElement(named(post));
    const button = await waitFor<HTMLButtonElement>(element, '[part~="like-button"]');
    const before = textOf(button);

    const failed = oneEvent(element, 'circle-error');
    button.click();
    await failed;
    await element.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(textOf(button)).to.equal(before);
    expect(textOf(shadow(element, '[part~="notice"]'))).to.equal(
      'Your like could not be saved. Please try again.',
    );
  });

  it('takes back the failure message once a retried post like goes through', async () => {
    let failing = true;
    worker.use(http.post(`${API}/posts/:id/user_likes`, () => (failing ? boom() : undefined)));
    const post = sandbox.db.posts.find((p) => !p.is_liked && p.is_liking_enabled)!;
    const element = await postElement(named(post));
    const button = await waitFor<HTMLButtonElement>(element, '[part~="like-button"]');

    button.click();
    await waitFor(element, '[part~="notice"]');
    expect(button.getAttribute('aria-pressed')).to.equal('false');

    failing = false;
    const liked = oneEvent(element, 'circle-like');
    button.click();
    await liked;
    await element.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(post.is_liked).to.equal(true);
    expect(shadow(element, '[part~="notice"]')).to.equal(null);
  });

  it('lists who liked the post on request', async () => {
    const post = sandbox.db.posts.find((p) => p.user_likes_count >= 3 && p.is_liking_enabled)!;
    const element = await postElement(named(post));
    const toggle = await waitFor<HTMLButtonElement>(element, '[part~="likers-button"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');

    toggle.click();
    await waitFor(element, '[part~="likers"] li');
    const names = shadowAll(element, '[part~="likers"] li').map(textOf);
    expect(names.length).to.equal(Math.min(post.user_likes_count, 20));
    const firstLiker = (post.first_liked_by[0] as { name: string }).name;
    expect(names).to.include(firstLiker);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  });

  it('pages the comments and sorts them', async () => {
    const post = openPost(3);
    const all = topLevel(post).sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
    const element = await showPost(post, 'per-page="2"');
    const ids = () => comments(element).map((c) => c.id);
    expect(ids()).to.deep.equal(all.slice(0, 2).map((c) => `comment-${c.id}`));

    shadow<HTMLButtonElement>(element, '[part~="comments"] [part~="load-more"]')!.click();
    await waitUntil(() => comments(element).length === Math.min(4, all.length));

    const select = shadow<HTMLSelectElement>(element, 'select[part~="sort"]')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['oldest', 'latest', 'likes']);
    select.value = 'latest';
    select.dispatchEvent(new Event('change'));
    const newest = [...all].reverse().slice(0, 2);
    await waitUntil(
      () => ids().join() === newest.map((c) => `comment-${c.id}`).join(),
      'the newest comments did not come first',
    );
  });

  it('shows replies under a comment on request', async () => {
    const parent = sandbox.db.comments.find((c) => {
      const post = sandbox.db.posts.find((p) => p.id === c.post_id)!;
      return c.replies_count > 1 && post.is_comments_enabled && !post.is_comments_closed;
    })!;
    const post = sandbox.db.posts.find((p) => p.id === parent.post_id)!;
    const element = await showPost(post, 'per-page="60"');
    const toggle = shadow<HTMLButtonElement>(
      element,
      `#comment-${parent.id} [part~="replies-toggle"]`,
    )!;
    expect(textOf(toggle)).to.equal(`Show ${parent.replies_count} replies`);

    toggle.click();
    await waitFor(element, `#replies-${parent.id} [part~="comment"]`);
    const replies = shadowAll(element, `#replies-${parent.id} > [part~="comment"]`);
    expect(replies).to.have.length(parent.replies_count);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  });

  it('likes a comment and undoes a failed one', async () => {
    const post = openPost();
    const comment = topLevel(post).find((c) => !c.is_liked)!;
    const element = await showPost(post, 'per-page="60"');
    const button = shadow<HTMLButtonElement>(
      element,
      `#comment-${comment.id} [part~="comment-like-button"]`,
    )!;

    const liked = oneEvent(element, 'circle-like');
    button.click();
    const event = (await liked) as unknown as CircleLikeEvent;
    expect([event.kind, event.id]).to.deep.equal(['comment', comment.id]);
    expect(comment.is_liked).to.equal(true);

    worker.use(http.delete(`${API}/comments/:id/user_likes`, boom));
    const failed = oneEvent(element, 'circle-error');
    button.click();
    await failed;
    await element.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(textOf(shadow(element, '[part~="notice"]'))).to.contain('could not be removed');
  });

  it("takes back a comment like's failure message on its own retry only", async () => {
    let failing = true;
    worker.use(http.post(`${API}/comments/:id/user_likes`, () => (failing ? boom() : undefined)));
    const unliked = (p: Post) => topLevel(p).filter((c) => !c.is_liked);
    const post = sandbox.db.posts.find(
      (p) =>
        p.is_comments_enabled &&
        !p.is_comments_closed &&
        p.is_liking_enabled &&
        unliked(p).length > 1,
    )!;
    const [first, second] = unliked(post);
    const element = await showPost(post, 'per-page="60"');
    const likeButton = (comment: Comment) =>
      shadow<HTMLButtonElement>(element, `#comment-${comment.id} [part~="comment-like-button"]`)!;

    likeButton(first).click();
    await waitFor(element, '[part~="notice"]');
    expect(likeButton(first).getAttribute('aria-pressed')).to.equal('false');
    // Another comment's like succeeding says nothing about the first one.
    failing = false;
    const secondLiked = oneEvent(element, 'circle-like');
    likeButton(second).click();
    await secondLiked;
    await element.updateComplete;
    expect(likeButton(second).getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(element, '[part~="notice"]'), 'withdrawn by another comment').to.exist;

    const liked = oneEvent(element, 'circle-like');
    likeButton(first).click();
    await liked;
    await element.updateComplete;
    expect(likeButton(first).getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(element, '[part~="notice"]')).to.equal(null);
  });

  it('keeps text typed while a comment was on its way', async () => {
    worker.use(
      http.post(`${API}/posts/:id/comments`, async () => {
        await delay(200);
      }),
    );
    const post = openPost();
    const element = await showPost(post);
    const created = oneEvent(element, 'circle-comment');

    await type(element, mainComposer(element), 'First thought');
    mainSubmit(element).click();
    await type(element, mainComposer(element), 'First thought\n\nSecond thought');
    await created;
    await element.updateComplete;

    expect(mainComposer(element).value).to.equal('Second thought');
    expect(sessionStorage.getItem(`circle-widgets:draft:1:${post.id}`)).to.equal('Second thought');
  });

  it('offers Edit only for comments the plain-text editor can give back', () => {
    const plain = { body: textToTiptap('Hi\nhttps://example.com') };
    const bold = {
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Hi', marks: [{ type: 'bold' }] }] },
        ],
      },
    };
    const mention = {
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'mention' }] }] },
    };

    expect(isPlainTextComment(plain)).to.equal(true);
    expect(isPlainTextComment(bold)).to.equal(false);
    expect(isPlainTextComment(mention)).to.equal(false);
    expect(isPlainTextComment(null)).to.equal(false);
  });

  it("keeps each member's drafts apart", () => {
    expect(draftKey(1, 5)).not.to.equal(draftKey(2, 5));
    expect(draftKey(1, 5, 9)).to.equal('circle-widgets:draft:1:5:9');
  });

  it('posts a comment as TipTap, shows it, clears the text and the draft', async () => {
    const post = openPost();
    const element = await showPost(post, 'per-page="60"');
    const before = comments(element).length;
    const created = oneEvent(element, 'circle-comment');
    // An empty box says what it is for, to sighted readers too.
    expect(mainComposer(element).placeholder).to.equal(msg('postCommentLabel'));

    await type(element, mainComposer(element), 'Hello there\nsee https://example.com/a.');
    expect(sessionStorage.getItem(`circle-widgets:draft:1:${post.id}`)).to.contain('Hello');
    mainSubmit(element).click();
    const event = (await created) as unknown as CircleCommentEvent;

    expect(event.action).to.equal('create');
    const saved = sandbox.db.comments.find((c) => c.id === event.comment.id)!;
    expect(saved.post_id).to.equal(post.id);
    expect(saved.tiptap_body!.body.content![0].content!.map((n) => n.type)).to.deep.equal([
      'text',
      'hardBreak',
      'text',
      'text',
      'text',
    ]);
    await element.updateComplete;
    expect(comments(element)).to.have.length(before + 1);
    expect(textOf(comments(element).at(-1))).to.contain('Hello there');
    expect(mainComposer(element).value).to.equal('');
    expect(sessionStorage.getItem(`circle-widgets:draft:1:${post.id}`)).to.equal(null);
  });

  it('sends one comment however often the button is pressed', async () => {
    let posts = 0;
    worker.use(
      http.post(`${API}/posts/:id/comments`, async () => {
        posts += 1;
        await delay(150);
      }),
    );
    const post = openPost();
    const element = await showPost(post, 'per-page="60"');
    await type(element, mainComposer(element), 'Only once');
    const submit = mainSubmit(element);
    const created = oneEvent(element, 'circle-comment');

    submit.click();
    submit.click();
    await element.updateComplete;
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    submit.click();
    await created;
    expect(posts).to.equal(1);
    expect(topLevel(post).filter((c) => c.body_text === 'Only once')).to.have.length(1);
  });

  it('keeps the text, explains and keeps focus when a comment fails', async () => {
    worker.use(http.post(`${API}/posts/:id/comments`, boom));
    const post = openPost();
    const element = await showPost(post);
    await type(element, mainComposer(element), 'Will this work?');

    const failed = oneEvent(element, 'circle-error');
    mainSubmit(element).click();
    await failed;
    await waitFor(element, '[part~="composer-error"]');
    expect(textOf(shadow(element, '[part~="composer-error"]'))).to.contain('could not be posted');
    expect(mainComposer(element).value).to.equal('Will this work?');
    expect(element.shadowRoot!.activeElement === mainComposer(element), 'focus').to.equal(true);
    expect(mainSubmit(element).getAttribute('aria-disabled')).to.equal('false');
    expect(sessionStorage.getItem(`circle-widgets:draft:1:${post.id}`)).to.equal('Will this work?');
  });

  it('keeps a draft for a new element showing the same post', async () => {
    const post = openPost();
    const first = await showPost(post);
    await type(first, mainComposer(first), 'Half-written thought');
    first.remove();

    const second = await showPost(post);
    expect(mainComposer(second).value).to.equal('Half-written thought');
  });

  it('replies to a comment, keeping the reply draft through a failure', async () => {
    const post = openPost();
    const parent = topLevel(post)[0];
    const element = await showPost(post, 'per-page="60"');
    shadow<HTMLButtonElement>(element, `#comment-${parent.id} [part~="reply-button"]`)!.click();
    const field = await waitFor<HTMLTextAreaElement>(
      element,
      `textarea[data-composer="circle-widgets:draft:1:${post.id}:${parent.id}"]`,
    );
    expect(element.shadowRoot!.activeElement === field, 'focus').to.equal(true);
    expect(field.placeholder).to.equal(msg('postReplyLabel', { name: parent.author!.name! }));
    await type(element, field, 'A reply');

    worker.use(http.post(`${API}/comments/:id/replies`, boom));
    const failed = oneEvent(element, 'circle-error');
    shadow<HTMLButtonElement>(element, `#comment-${parent.id} [part~="submit-button"]`)!.click();
    await failed;
    await waitFor(element, `#comment-${parent.id} [part~="composer-error"]`);
    expect(field.value).to.equal('A reply');
    const key = `circle-widgets:draft:1:${post.id}:${parent.id}`;
    expect(sessionStorage.getItem(key)).to.equal('A reply');

    worker.resetHandlers();
    const created = oneEvent(element, 'circle-comment');
    shadow<HTMLButtonElement>(element, `#comment-${parent.id} [part~="submit-button"]`)!.click();
    const event = (await created) as unknown as CircleCommentEvent;
    expect(sandbox.db.comments.find((c) => c.id === event.comment.id)!.parent_comment_id).to.equal(
      parent.id,
    );
    await waitFor(element, `#replies-${parent.id} #comment-${event.comment.id}`);
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('opens the editor on the very text it was written with, paragraphs and breaks kept', async () => {
    const post = openPost();
    const element = await showPost(post, 'per-page="60" sort="latest"');
    const text = 'First paragraph,\nwith a break.\n\nSecond paragraph: https://example.com/a';
    await type(element, mainComposer(element), text);
    mainSubmit(element).click();
    const findCreated = () =>
      sandbox.db.comments.find((comment) => comment.body_text?.startsWith('First paragraph'));
    await waitUntil(findCreated, 'the comment was not saved');
    const created = findCreated()!;
    await waitFor(element, `#comment-${created.id} [part~="edit-button"]`);
    const paragraphs = () => shadowAll(element, `#comment-${created.id} [part~="comment-body"] p`);
    expect(paragraphs()).to.have.length(2);

    shadow<HTMLButtonElement>(element, `#comment-${created.id} [part~="edit-button"]`)!.click();
    const editor = await waitFor<HTMLTextAreaElement>(element, `#edit-${created.id}`);
    expect(editor.value).to.equal(text);

    // Saved unchanged, it comes back as it was.
    shadow<HTMLButtonElement>(element, `#comment-${created.id} [part~="save-button"]`)!.click();
    await waitUntil(() => !shadow(element, `#edit-${created.id}`), 'the editor stayed open');
    expect(paragraphs()).to.have.length(2);
    const saved = sandbox.db.comments.find((comment) => comment.id === created.id)!;
    const body = (saved.tiptap_body as { body: { content: Array<{ type: string }> } }).body;
    expect(body.content.map((node) => node.type)).to.deep.equal(['paragraph', 'paragraph']);
  });

  it('edits and deletes own comments only, and rolls back failures', async () => {
    const post = sandbox.db.posts.find(
      (p) =>
        p.is_comments_enabled &&
        !p.is_comments_closed &&
        topLevel(p).some((c) => c.community_member_id === 1) &&
        topLevel(p).some((c) => c.community_member_id !== 1),
    )!;
    const mine = topLevel(post).find((c) => c.community_member_id === 1)!;
    const theirs = topLevel(post).find((c) => c.community_member_id !== 1)!;
    const element = await showPost(post, 'per-page="60"');
    expect(shadow(element, `#comment-${theirs.id} > .actions [part~="edit-button"]`)).to.equal(
      null,
    );
    expect(shadow(element, `#comment-${theirs.id} > .actions [part~="delete-button"]`)).to.equal(
      null,
    );

    shadow<HTMLButtonElement>(element, `#comment-${mine.id} [part~="edit-button"]`)!.click();
    const editor = await waitFor<HTMLTextAreaElement>(element, `#edit-${mine.id}`);
    await type(element, editor, 'Edited words');
    worker.use(http.patch(`${API}/posts/:post/comments/:id`, boom));
    shadow<HTMLButtonElement>(element, `#comment-${mine.id} [part~="save-button"]`)!.click();
    await waitFor(element, `#comment-${mine.id} [part~="composer-error"]`);
    expect(editor.value).to.equal('Edited words');

    worker.resetHandlers();
    const updated = oneEvent(element, 'circle-comment');
    shadow<HTMLButtonElement>(element, `#comment-${mine.id} [part~="save-button"]`)!.click();
    expect(((await updated) as unknown as CircleCommentEvent).action).to.equal('update');
    expect(mine.body_text).to.equal('Edited words');
    await element.updateComplete;
    expect(textOf(shadow(element, `#comment-${mine.id} [part~="comment-body"]`))).to.equal(
      'Edited words',
    );

    worker.use(http.delete(`${API}/posts/:post/comments/:id`, boom));
    shadow<HTMLButtonElement>(element, `#comment-${mine.id} [part~="delete-button"]`)!.click();
    const no = await waitFor<HTMLButtonElement>(
      element,
      `#comment-${mine.id} [part~="confirm-no"]`,
    );
    expect(element.shadowRoot!.activeElement === no, 'focus').to.equal(true);
    shadow<HTMLButtonElement>(element, `#comment-${mine.id} [part~="confirm-yes"]`)!.click();
    await waitFor(element, `#comment-${mine.id} [role="alert"]`);
    expect(textOf(shadow(element, `#comment-${mine.id} [role="alert"]`))).to.contain(
      'could not be deleted',
    );

    worker.resetHandlers();
    const index = comments(element).findIndex((c) => c.id === `comment-${mine.id}`);
    // Focus moves to the next comment, else the one before, else the composer.
    const neighbour = comments(element)[index + 1] ?? comments(element)[index - 1];
    shadow<HTMLButtonElement>(element, `#comment-${mine.id} [part~="delete-button"]`)!.click();
    await waitFor(element, `#comment-${mine.id} [part~="confirm-yes"]`);
    const deleted = oneEvent(element, 'circle-comment');
    shadow<HTMLButtonElement>(element, `#comment-${mine.id} [part~="confirm-yes"]`)!.click();
    expect(((await deleted) as unknown as CircleCommentEvent).action).to.equal('delete');
    await element.updateComplete;
    expect(shadow(element, `#comment-${mine.id}`)).to.equal(null);
    expect(sandbox.db.comments.some((c) => c.id === mine.id)).to.equal(false);
    const focused = element.shadowRoot!.activeElement as HTMLElement;
    const expected = neighbour ?? mainComposer(element);
    expect(focused.id, 'focus after the delete').to.equal(expected.id);
  });

  it('shows notes for posts with comments off, comments closed and likes off', async () => {
    const off = sandbox.db.posts.find((p) => !p.is_comments_enabled)!;
    const closed = sandbox.db.posts.find((p) => p.is_comments_closed)!;
    const noLikes = sandbox.db.posts.find((p) => !p.is_liking_enabled)!;

    let element = await postElement(named(off));
    await waitFor(element, '[part~="post"]');
    expect(textOf(shadow(element, '[part~="note"]'))).to.equal(
      'Comments are turned off for this post.',
    );
    expect(shadow(element, '[part~="comments"]')).to.equal(null);

    element = await postElement(named(closed));
    await waitFor(element, '[part~="comments"] [part~="note"]');
    expect(textOf(shadow(element, '[part~="comments"] [part~="note"]'))).to.equal(
      'Comments are closed for this post.',
    );
    expect(shadow(element, 'textarea')).to.equal(null);

    element = await postElement(named(noLikes));
    await waitFor(element, '[part~="post"]');
    expect(textOf(shadow(element, '[part~="actions"] [part~="note"]'))).to.equal(
      'Likes are turned off for this post.',
    );
    expect(shadow(element, '[part~="like-button"]')).to.equal(null);
  });

  it('shows an error with retry when comments or replies fail to load', async () => {
    const post = openPost();
    let failing = true;
    worker.use(http.get(`${API}/posts/:id/comments`, () => (failing ? boom() : undefined)));
    const element = await postElement(named(post));
    await waitFor(element, '[part~="comments"] [part~="error"]');

    failing = false;
    shadow<HTMLButtonElement>(element, '[part~="comments"] [part~="retry-button"]')!.click();
    await waitFor(element, '[part~="comment"]');
  });

  it('can be used from the keyboard alone to write a comment', async () => {
    const post = openPost();
    const element = await showPost(post);
    mainComposer(element).focus();
    await sendKeys({ type: 'Typed by keyboard' });
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement === mainSubmit(element), 'focus').to.equal(true);

    const created = oneEvent(element, 'circle-comment');
    await sendKeys({ press: 'Enter' });
    await created;
    expect(topLevel(post).some((c) => c.body_text === 'Typed by keyboard')).to.equal(true);
  });

  it('has no axe violations with comments, replies and a composer open', async () => {
    const post = openPost();
    const parent = topLevel(post).find((c) => c.replies_count > 0) ?? topLevel(post)[0];
    const element = await showPost(post, 'per-page="60"');
    shadow<HTMLButtonElement>(element, `#comment-${parent.id} [part~="reply-button"]`)!.click();
    shadow<HTMLButtonElement>(element, `#comment-${parent.id} [part~="replies-toggle"]`)?.click();
    shadow<HTMLButtonElement>(element, '[part~="likers-button"]')!.click();
    await waitFor(element, '[part~="likers"] li');
    expect(await axeViolations(element)).to.deep.equal([]);
  });
});

describe('textToTiptap', () => {
  it('splits paragraphs on blank lines, keeps line breaks, and links only web URLs', () => {
    const doc = textToTiptap(
      'One\ntwo (http://a.example/x).\n\n\nmailto:me@x.example https://b.example',
    );
    expect(doc.content).to.have.length(2);
    expect(doc.content[0].content).to.deep.equal([
      { type: 'text', text: 'One' },
      { type: 'hardBreak' },
      { type: 'text', text: 'two (' },
      {
        type: 'text',
        text: 'http://a.example/x',
        marks: [{ type: 'link', attrs: { href: 'http://a.example/x' } }],
      },
      { type: 'text', text: ').' },
    ]);
    expect(doc.content[1].content).to.deep.equal([
      { type: 'text', text: 'mailto:me@x.example ' },
      {
        type: 'text',
        text: 'https://b.example',
        marks: [{ type: 'link', attrs: { href: 'https://b.example/' } }],
      },
    ]);
    expect(textToTiptap('  \n\n ').content).to.deep.equal([]);
  });
});
