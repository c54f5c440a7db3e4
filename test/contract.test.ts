import { expect } from '@open-wc/testing';

import type { Post } from '../demo/sandbox/model.js';
import { assertRequestInSpec, validateResponse, validateSchema } from './support/contract.js';
import { sandbox } from './support/sandbox.js';

const API = 'https://app.circle.so/api/headless/v1';

async function issueToken(): Promise<string> {
  const response = await fetch('/api/circle-token', { method: 'POST' });
  return ((await response.json()) as { access_token: string }).access_token;
}

interface CallOptions {
  token?: string | null;
  body?: unknown;
}

/**
 * Makes a real request, checks that the request is in the spec and that the response validates,
 * then checks the status. Throws with every validation error, naming route and schema path.
 */
async function call(
  method: string,
  path: string,
  expectedStatus: number,
  options: CallOptions = {},
): Promise<any> {
  const url = `${API}${path}`;
  assertRequestInSpec(method, url);

  const token = options.token === undefined ? await issueToken() : options.token;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const body: unknown = text === '' ? null : JSON.parse(text);

  const errors = validateResponse(method, url, response.status, body);
  if (errors.length > 0) throw new Error(`${method} ${path}\n${errors.join('\n')}`);
  expect(response.status, `${method} ${path} answered ${text.slice(0, 200)}`).to.equal(
    expectedStatus,
  );
  return body;
}

/** `post` is anyOf(basic, image, event), so event posts are also checked as event_post. */
function expectEventPostsValid(posts: Post[]): void {
  const errors = posts
    .filter((post) => post.post_type === 'event')
    .flatMap((post) => validateSchema('event_post', post));
  expect(errors, errors.join('\n')).to.deep.equal([]);
}

const eventPosts = () => sandbox.db.posts.filter((post) => post.post_type === 'event');
const upcoming = () =>
  eventPosts().filter((post) => Date.parse(post.event_setting_attributes!.ends_at!) > Date.now());

describe('contract: the sandbox answers in the shapes of the Member API spec', () => {
  it('GET /home for every sort and a later page', async () => {
    for (const sort of ['latest', 'popular', 'oldest', 'likes', 'alphabetical', 'new_activity']) {
      const page = await call('GET', `/home?sort=${sort}&per_page=25`, 200);
      expect(page.records).to.have.length(25);
      expectEventPostsValid(page.records);
    }
    const second = await call('GET', '/home?page=2&per_page=5', 200);
    expect(second.page).to.equal(2);
  });

  it('GET /spaces, /spaces/{id} and an unknown space', async () => {
    const spaces = await call('GET', '/spaces', 200);
    expect(spaces.length).to.be.at.least(4);
    await call('GET', `/spaces/${spaces[0].id}`, 200);
    await call('GET', '/spaces/9999', 404);
  });

  it('GET /spaces/{space_id}/posts by id and slug, with past events and filters', async () => {
    const events = sandbox.db.spaces.find((space) => space.space_type === 'event')!;
    const general = await call('GET', '/spaces/general/posts?sort=popular&page=1&per_page=5', 200);
    expect(general.records).to.have.length(5);
    expectEventPostsValid((await call('GET', `/spaces/${events.id}/posts`, 200)).records);
    expectEventPostsValid(
      (await call('GET', `/spaces/${events.slug}/posts?past_events=true`, 200)).records,
    );
    const topic = sandbox.db.posts.find((post) => post.topics.length > 0)!;
    await call('GET', `/spaces/${topic.space.id}/posts?topics[]=${topic.topics[0].id}`, 200);
    await call('GET', '/spaces/no-such-space/posts', 404);
  });

  it('GET /community_members/{community_member_id}/posts, image posts included', async () => {
    const imagePost = sandbox.db.posts.find((post) => post.post_type === 'image')!;
    const author = imagePost.author.community_member_id;
    const page = await call('GET', `/community_members/${author}/posts?page=1&per_page=50`, 200);
    expect(page.records.length).to.be.greaterThan(0);
    for (const record of page.records as Post[]) {
      expect(record.author.community_member_id).to.equal(author);
    }
    const images = (page.records as Post[]).filter((post) => post.post_type === 'image');
    expect(images.length).to.be.greaterThan(0);
    const errors = images.flatMap((post) => validateSchema('image_post', post));
    expect(errors, errors.join('\n')).to.deep.equal([]);
    await call('GET', '/community_members/999999/posts', 404);
  });

  it('GET /spaces/{space_id}/posts/{id} by id and by slug', async () => {
    const post = sandbox.db.posts[3];
    await call('GET', `/spaces/${post.space.id}/posts/${post.id}`, 200);
    await call('GET', `/spaces/${post.space.slug}/posts/${post.slug}`, 200);
    const event = eventPosts()[0];
    expectEventPostsValid([await call('GET', `/spaces/${event.space.id}/posts/${event.id}`, 200)]);
    await call('GET', `/spaces/${post.space.id}/posts/no-such-post`, 404);
  });

  it('POST and DELETE /posts/{post_id}/user_likes', async () => {
    const post = sandbox.db.posts.find((candidate) => !candidate.is_liked)!;
    await call('POST', `/posts/${post.id}/user_likes`, 200);
    await call('DELETE', `/posts/${post.id}/user_likes`, 200);
    await call('POST', '/posts/999999/user_likes', 404);
  });

  it('GET and POST /posts/{post_id}/comments', async () => {
    const post = sandbox.db.posts.find((candidate) => candidate.comment_count > 2)!;
    for (const sort of ['oldest', 'latest', 'alphabetical', 'likes']) {
      await call('GET', `/posts/${post.id}/comments?sort=${sort}`, 200);
    }
    const tiptap = {
      comment: {
        tiptap_body: {
          body: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }],
          },
        },
      },
    };
    await call('POST', `/posts/${post.id}/comments`, 201, { body: tiptap });
    await call('POST', `/posts/${post.id}/comments`, 201, { body: { comment: { body: 'Plain' } } });
    await call('POST', `/posts/${post.id}/comments`, 400, { body: { comment: {} } });
    await call('GET', '/posts/999999/comments', 404);
  });

  it('GET and POST /comments/{comment_id}/replies', async () => {
    const parent = sandbox.db.comments.find((comment) => comment.replies_count > 0)!;
    await call('GET', `/comments/${parent.id}/replies?per_page=2`, 200);
    await call('POST', `/comments/${parent.id}/replies`, 201, {
      body: { comment: { body: 'A reply' } },
    });
    await call('GET', '/comments/999999/replies', 404);
    await call('POST', '/comments/999999/replies', 404, { body: { comment: { body: 'x' } } });
  });

  it('POST and DELETE /comments/{comment_id}/user_likes', async () => {
    const comment = sandbox.db.comments[0];
    await call('POST', `/comments/${comment.id}/user_likes`, 200);
    await call('DELETE', `/comments/${comment.id}/user_likes`, 200);
    await call('DELETE', '/comments/999999/user_likes', 404);
  });

  it('POST /bookmarks and DELETE /bookmarks/{id}', async () => {
    const post = sandbox.db.posts.find((candidate) => candidate.bookmark_id === null)!;
    const bookmark = await call('POST', '/bookmarks', 201, {
      body: { record_id: post.id, bookmark_type: 'post' },
    });
    await call('DELETE', `/bookmarks/${bookmark.id}`, 204);
    await call('DELETE', `/bookmarks/${bookmark.id}`, 404);
    await call('POST', '/bookmarks', 404, {
      body: { record_id: 999999, bookmark_type: 'comment' },
    });
  });

  it('GET /community_events: upcoming, past and by date', async () => {
    const soon = await call('GET', '/community_events?per_page=50', 200);
    const past = await call('GET', '/community_events?past_events=true', 200);
    const today = new Date().toISOString().slice(0, 10);
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const range = await call(
      'GET',
      `/community_events?filter_date[start_date]=${today}&filter_date[end_date]=${inAMonth}`,
      200,
    );
    for (const page of [soon, past, range]) {
      const errors = page.records.flatMap((post: Post) => validateSchema('event_post', post));
      expect(errors, errors.join('\n')).to.deep.equal([]);
    }
  });

  it('POST, DELETE and GET /events/{event_id}/event_attendees, full and closed too', async () => {
    const open = upcoming().find(
      (post) =>
        !post.rsvped_event &&
        !post.event_setting_attributes!.rsvp_disabled &&
        post.event_setting_attributes!.rsvp_limit === null,
    )!;
    await call('POST', `/events/${open.id}/event_attendees`, 200);
    await call('GET', `/events/${open.id}/event_attendees?per_page=5`, 200);
    await call('DELETE', `/events/${open.id}/event_attendees`, 200);
    await call('DELETE', `/events/${open.id}/event_attendees`, 404);

    const full = upcoming().find((post) => {
      const settings = post.event_setting_attributes!;
      return settings.rsvp_limit !== null && settings.rsvp_count === settings.rsvp_limit;
    })!;
    await call('POST', `/events/${full.id}/event_attendees`, 422);
    const closed = eventPosts().find((post) => post.event_setting_attributes!.rsvp_disabled)!;
    await call('POST', `/events/${closed.id}/event_attendees`, 422);
    await call('GET', '/events/999999/event_attendees', 404);
  });

  it('GET /spaces/{space_id}/events/{event_id}/recurring_events and PUT …/rsvp', async () => {
    const series = sandbox.db.recurringSeries[0];
    const event = sandbox.db.posts.find((post) => post.id === series.eventIds[0])!;
    const list = await call(
      'GET',
      `/spaces/${event.space.id}/events/${event.id}/recurring_events`,
      200,
    );
    expect(list.records.length).to.be.greaterThan(0);

    const open = list.records.filter(
      (record: { rsvp_limit: number | null; rsvp_count: number }) =>
        record.rsvp_limit === null || record.rsvp_count < record.rsvp_limit,
    );
    await call('PUT', `/spaces/${event.space.id}/events/${event.id}/recurring_events/rsvp`, 200, {
      body: { event_ids: open.slice(0, 2).map((record: { id: number }) => record.id) },
    });
    await call('PUT', `/spaces/${event.space.id}/events/${event.id}/recurring_events/rsvp`, 400, {
      body: {},
    });
    await call('GET', `/spaces/${event.space.id}/events/999999/recurring_events`, 404);
  });

  it('the notification routes', async () => {
    for (const query of ['', '?status=unread', '?status=read&sort=oldest', '?page=2&per_page=20']) {
      await call('GET', `/notifications${query}`, 200);
    }
    const [first, second, third] = sandbox.db.notifications;
    await call('POST', `/notifications/${first.id}/mark_as_read`, 200);
    await call('POST', `/notifications/${second.id}/archive`, 200);
    await call('DELETE', `/notifications/${third.id}`, 200);
    await call('DELETE', `/notifications/${third.id}`, 404);
    await call('POST', '/notifications/999999/mark_as_read', 404);
    await call('POST', '/notifications/mark_all_as_read', 200);
    await call('POST', '/notifications/mark_all_as_read', 200, {
      body: { notification_type: 'Comment' },
    });
    await call('GET', '/notifications/new_notifications_count', 200);
    await call('POST', '/notifications/reset_new_notifications_count', 200);
  });

  it('GET /community_member', async () => {
    const me = await call('GET', '/community_member', 200);
    expect(me.id).to.equal(sandbox.db.currentMemberId);
  });

  it("answers every route with Circle's 401 for a missing, unknown or expired token", async () => {
    const routes: [string, string][] = [
      ['GET', '/home'],
      ['GET', '/spaces'],
      ['GET', '/spaces/1'],
      ['GET', '/spaces/1/posts'],
      ['GET', '/spaces/1/posts/1'],
      ['GET', '/community_members/1/posts'],
      ['POST', '/posts/1/user_likes'],
      ['DELETE', '/posts/1/user_likes'],
      ['GET', '/posts/1/comments'],
      ['POST', '/posts/1/comments'],
      ['GET', '/comments/1/replies'],
      ['POST', '/comments/1/replies'],
      ['POST', '/comments/1/user_likes'],
      ['DELETE', '/comments/1/user_likes'],
      ['POST', '/bookmarks'],
      ['DELETE', '/bookmarks/1'],
      ['GET', '/community_events'],
      ['POST', '/events/1/event_attendees'],
      ['DELETE', '/events/1/event_attendees'],
      ['GET', '/events/1/event_attendees'],
      ['GET', '/spaces/1/events/1/recurring_events'],
      ['PUT', '/spaces/1/events/1/recurring_events/rsvp'],
      ['GET', '/notifications'],
      ['POST', '/notifications/1/mark_as_read'],
      ['POST', '/notifications/mark_all_as_read'],
      ['POST', '/notifications/1/archive'],
      ['DELETE', '/notifications/1'],
      ['GET', '/notifications/new_notifications_count'],
      ['POST', '/notifications/reset_new_notifications_count'],
      ['GET', '/community_member'],
    ];
    const stale = await issueToken();
    sandbox.auth.expireAll();

    for (const [method, path] of routes) {
      const missing = await call(method, path, 401, { token: null });
      expect(missing.message).to.equal('The access token is invalid.');
      const unknown = await call(method, path, 401, { token: 'not-a-token' });
      expect(unknown.message).to.equal('The access token is invalid.');
      const expired = await call(method, path, 401, { token: stale });
      expect(expired.message).to.equal('The access token is expired.');
    }
  });

  it('rejects requests outside the spec; validation errors name the schema path', () => {
    expect(() => assertRequestInSpec('GET', `${API}/feed`)).to.throw(/no such path/);
    expect(() => assertRequestInSpec('PATCH', `${API}/home`)).to.throw(/has no PATCH/);
    expect(() => assertRequestInSpec('GET', `${API}/home?order=new`)).to.throw(/"order"/);
    expect(() => assertRequestInSpec('GET', `${API}/home?sort=hot`)).to.throw(/sort=hot/);

    const errors = validateResponse('GET', `${API}/home`, 200, {
      page: 'one',
      records: [{ id: 'x' }],
    });
    expect(errors.join('\n')).to.contain('GET /api/headless/v1/home → 200');
    expect(errors.join('\n')).to.contain('/page must be integer');
    expect(errors.join('\n')).to.contain('#/components/schemas/posts/properties/page/type');
    expect(errors.join('\n')).to.contain('#/components/schemas/basic_post/properties/id/type');

    const bodiless = validateResponse('POST', `${API}/notifications/mark_all_as_read`, 200, {
      ok: 1,
    });
    expect(bodiless.join('\n')).to.contain('the spec shows no body');
  });
  it('GET /posts/{post_id}/user_likes', async () => {
    const post = sandbox.db.posts.find((candidate) => candidate.user_likes_count > 2)!;
    const likers = await call('GET', `/posts/${post.id}/user_likes?per_page=2`, 200);
    expect(likers.records).to.have.length(2);
    expect(likers.page_count).to.be.at.least(1);
    await call('GET', '/posts/999999/user_likes', 404);
  });

  it('GET, PATCH and DELETE /posts/{post_id}/comments/{id}', async () => {
    const mine = sandbox.db.comments.find(
      (comment) => comment.parent_comment_id === null && comment.policies?.can_edit,
    )!;
    const path = `/posts/${mine.post_id}/comments/${mine.id}`;
    await call('GET', path, 200);
    const body = {
      comment: { tiptap_body: { body: { type: 'doc', content: [textParagraph('New')] } } },
    };
    const updated = await call('PATCH', path, 200, { body });
    expect(updated.body_text).to.equal('New');
    await call('PATCH', path, 400, { body: { comment: {} } });
    await call('DELETE', path, 200);
    await call('GET', path, 404);
  });

  it('GET, PATCH and DELETE /comments/{comment_id}/replies/{id}', async () => {
    const reply = sandbox.db.comments.find(
      (comment) => comment.parent_comment_id !== null && comment.policies?.can_edit,
    )!;
    const path = `/comments/${reply.parent_comment_id}/replies/${reply.id}`;
    await call('GET', path, 200);
    const body = {
      comment: { tiptap_body: { body: { type: 'doc', content: [textParagraph('Hi')] } } },
    };
    await call('PATCH', path, 200, { body });
    await call('DELETE', path, 200);
    await call('DELETE', path, 404);
  });
});

function textParagraph(text: string) {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}
