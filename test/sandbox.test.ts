import { expect } from '@open-wc/testing';

import { createSandboxDb } from '../demo/sandbox/data.js';
import type { Post } from '../demo/sandbox/model.js';
import { mentionedSgids } from '../demo/sandbox/tiptap.js';
import { wallClockAt } from '../demo/sandbox/time.js';
import { sandbox } from './support/sandbox.js';

const API = 'https://app.circle.so/api/headless/v1';

async function issueToken(): Promise<string> {
  const response = await fetch('/api/circle-token', { method: 'POST' });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function api(method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await issueToken()}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

const get = async (path: string) => (await api('GET', path)).body;
const startOf = (post: Post) => Date.parse(post.event_setting_attributes!.starts_at!);
const endOf = (post: Post) => Date.parse(post.event_setting_attributes!.ends_at!);

describe('sandbox community', () => {
  describe('data', () => {
    it('is lived-in: members, spaces, posts, events and notifications', () => {
      const { db } = sandbox;
      const events = db.posts.filter((post) => post.post_type === 'event');
      expect(db.members.length).to.be.at.least(30);
      expect(db.spaces.length).to.be.at.least(4);
      expect(db.posts.length - events.length).to.be.at.least(60);
      expect(db.posts.length).to.be.at.least(80);
      expect(events.length).to.be.at.least(25);
      expect(db.notifications.length).to.be.at.least(60);
      expect(db.posts.filter((post) => post.tiptap_body === null)).to.have.length(2);
    });

    it('is the same for the same `now`', () => {
      const now = new Date('2025-06-01T12:00:00Z');
      expect(JSON.stringify(createSandboxDb(now).posts)).to.equal(
        JSON.stringify(createSandboxDb(now).posts),
      );
    });

    it('lists every mentioned member in the body, and the counts match the comments', () => {
      const { db } = sandbox;
      for (const post of db.posts) {
        if (!post.tiptap_body) continue;
        const listed = (post.tiptap_body.community_members ?? []).map(
          (m) => m.rich_text_field_sgid,
        );
        const sgids = mentionedSgids(post.tiptap_body.body);
        expect(listed, post.name!).to.have.members(sgids);
        for (const sgid of sgids) {
          expect(db.members.some((m) => m.rich_text_field_sgid === sgid)).to.equal(true);
        }
        const comments = db.comments.filter((comment) => comment.post_id === post.id);
        expect(post.comment_count, post.name!).to.equal(comments.length);
      }
    });

    it('keeps recurring events at the same wall-clock time in their zone, across DST', () => {
      const { db } = sandbox;
      for (const series of db.recurringSeries) {
        const times = series.eventIds.map((id) => {
          const post = db.posts.find((candidate) => candidate.id === id)!;
          const clock = wallClockAt(new Date(startOf(post)), series.timeZone);
          return `${clock.hour}:${clock.minute}`;
        });
        expect(new Set(times).size, series.timeZone).to.equal(1);
      }
    });
  });

  describe('feed', () => {
    it('pages through /home without gaps or repeats', async () => {
      const seen: number[] = [];
      let page = 1;
      let body: any;
      do {
        body = await get(`/home?page=${page}&per_page=7`);
        seen.push(...body.records.map((post: Post) => post.id));
        page += 1;
      } while (body.has_next_page);

      expect(body.count).to.equal(sandbox.db.posts.length);
      expect(seen).to.have.length(sandbox.db.posts.length);
      expect(new Set(seen).size).to.equal(seen.length);
    });

    it('defaults to 10 posts, newest first, and honours the other sorts', async () => {
      const latest = await get('/home');
      const created = latest.records.map((post: Post) => Date.parse(post.created_at));
      expect(latest.records).to.have.length(10);
      expect(created).to.deep.equal([...created].sort((a, b) => b - a));
      expect(latest.sort).to.equal('latest');

      const oldest = await get('/home?sort=oldest&per_page=5');
      const oldestTimes = oldest.records.map((post: Post) => Date.parse(post.created_at));
      expect(oldestTimes).to.deep.equal([...oldestTimes].sort((a, b) => a - b));

      const likes = (await get('/home?sort=likes&per_page=20')).records.map(
        (post: Post) => post.user_likes_count,
      );
      expect(likes).to.deep.equal([...likes].sort((a, b) => b - a));

      const names = (await get('/home?sort=alphabetical&per_page=20')).records.map(
        (post: Post) => post.name,
      );
      expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b)));
    });

    it('finds a space and a post by slug as well as by id, and 404s elsewhere', async () => {
      const general = sandbox.db.spaces.find((space) => space.slug === 'general')!;
      const bySlug = await get('/spaces/general/posts?per_page=50');
      const byId = await get(`/spaces/${general.id}/posts?per_page=50`);
      expect(bySlug.records.map((p: Post) => p.id)).to.deep.equal(
        byId.records.map((p: Post) => p.id),
      );
      expect(bySlug.records[0].is_pinned_at_top_of_space).to.equal(true);

      const post = bySlug.records[3] as Post;
      expect((await get(`/spaces/general/posts/${post.slug}`)).id).to.equal(post.id);
      const elsewhere = await api('GET', `/spaces/announcements/posts/${post.slug}`);
      expect(elsewhere.status).to.equal(404);
      expect(elsewhere.body.message).to.equal('Oops! Missing record. Please try again later.');
    });
  });

  describe('likes, comments and bookmarks', () => {
    it('keeps a like and an unlike across requests', async () => {
      const post = sandbox.db.posts.find((candidate) => !candidate.is_liked)!;
      const path = `/spaces/${post.space.id}/posts/${post.id}`;
      const before = (await get(path)).user_likes_count;

      expect((await api('POST', `/posts/${post.id}/user_likes`)).body.message).to.equal(
        'Post has been liked',
      );
      const liked = await get(path);
      expect(liked.is_liked).to.equal(true);
      expect(liked.user_likes_count).to.equal(before + 1);

      await api('DELETE', `/posts/${post.id}/user_likes`);
      const unliked = await get(path);
      expect(unliked.is_liked).to.equal(false);
      expect(unliked.user_likes_count).to.equal(before);
    });

    it('adds a comment at the end of the thread and counts it', async () => {
      const post = sandbox.db.posts.find((candidate) => candidate.comment_count > 0)!;
      const count = post.comment_count;
      const created = await api('POST', `/posts/${post.id}/comments`, {
        comment: { body: 'Great write-up' },
      });
      expect(created.status).to.equal(201);
      expect(created.body.author.community_member_id).to.equal(sandbox.db.currentMemberId);

      const thread = await get(`/posts/${post.id}/comments?per_page=100`);
      expect(thread.records.at(-1).body_text).to.equal('Great write-up');
      expect((await get(`/spaces/${post.space.id}/posts/${post.id}`)).comment_count).to.equal(
        count + 1,
      );
    });

    it('bookmarks a post and removes the bookmark', async () => {
      const post = sandbox.db.posts.find((candidate) => candidate.bookmark_id === null)!;
      const created = await api('POST', '/bookmarks', {
        record_id: post.id,
        bookmark_type: 'post',
      });
      expect(created.status).to.equal(201);
      expect((await get(`/spaces/${post.space.id}/posts/${post.id}`)).bookmark_id).to.equal(
        created.body.id,
      );

      expect((await api('DELETE', `/bookmarks/${created.body.id}`)).status).to.equal(204);
      expect((await get(`/spaces/${post.space.id}/posts/${post.id}`)).bookmark_id).to.equal(null);
    });

    it('forgets changes on reset()', async () => {
      const post = sandbox.db.posts.find((candidate) => !candidate.is_liked)!;
      await api('POST', `/posts/${post.id}/user_likes`);
      sandbox.reset();
      expect((await get(`/spaces/${post.space.id}/posts/${post.id}`)).is_liked).to.equal(false);
    });
  });

  describe('events', () => {
    it('lists upcoming events by start and past events newest first', async () => {
      const upcoming = (await get('/community_events?per_page=100')).records as Post[];
      expect(upcoming.length).to.be.greaterThan(5);
      expect(upcoming.every((post) => endOf(post) > Date.now())).to.equal(true);
      expect(upcoming.map(startOf)).to.deep.equal(upcoming.map(startOf).sort((a, b) => a - b));

      const past = (await get('/community_events?past_events=true&per_page=100')).records as Post[];
      expect(past.every((post) => endOf(post) <= Date.now())).to.equal(true);
      expect(past.map(startOf)).to.deep.equal(past.map(startOf).sort((a, b) => b - a));
    });

    it('records an RSVP and refuses one for a full event', async () => {
      const open = sandbox.db.posts.find(
        (post) =>
          post.post_type === 'event' &&
          endOf(post) > Date.now() &&
          !post.rsvped_event &&
          !post.event_setting_attributes!.rsvp_disabled &&
          post.event_setting_attributes!.rsvp_limit === null,
      )!;
      const count = open.event_setting_attributes!.rsvp_count!;
      const yes = await api('POST', `/events/${open.id}/event_attendees`);
      expect(yes.body.rsvp_status).to.equal('yes');
      const after = await get(`/spaces/${open.space.id}/posts/${open.id}`);
      expect(after.rsvped_event).to.equal(true);
      expect(after.event_setting_attributes.rsvp_count).to.equal(count + 1);

      const full = sandbox.db.posts.find((post) => {
        const settings = post.event_setting_attributes;
        return settings?.rsvp_limit != null && settings.rsvp_count === settings.rsvp_limit;
      })!;
      const refused = await api('POST', `/events/${full.id}/event_attendees`);
      expect(refused.status).to.equal(422);
      expect(refused.body).to.deep.equal({
        success: false,
        message: 'This event is full.',
        error_details: {},
      });
    });

    it('gives recurring occurrences their time zone', async () => {
      const series = sandbox.db.recurringSeries.find((s) => s.timeZone === 'Europe/Berlin')!;
      const first = sandbox.db.posts.find((post) => post.id === series.eventIds[0])!;
      const list = await get(`/spaces/${first.space.id}/events/${first.id}/recurring_events`);
      expect(list.records.length).to.be.greaterThan(0);
      for (const record of list.records) {
        expect(record.time_zone).to.equal('Europe/Berlin');
        expect(record.time_zone_abbreviations).to.match(/^CES?T$/);
      }
    });
  });

  describe('notifications', () => {
    it('filters by status and marks one and all as read', async () => {
      const unread = await get('/notifications?status=unread&per_page=100');
      expect(unread.count).to.be.greaterThan(0);
      expect(unread.records.every((n: { read_at: unknown }) => n.read_at === null)).to.equal(true);

      await api('POST', `/notifications/${unread.records[0].id}/mark_as_read`);
      expect((await get('/notifications?status=unread&per_page=1')).count).to.equal(
        unread.count - 1,
      );

      await api('POST', '/notifications/mark_all_as_read');
      expect((await get('/notifications?status=unread&per_page=1')).count).to.equal(0);
    });

    it('resets the new-notifications counter', async () => {
      await api('POST', '/notifications/reset_new_notifications_count');
      expect(
        (await get('/notifications/new_notifications_count')).new_notifications_count,
      ).to.equal(0);
    });
  });

  describe('auth', () => {
    it("answers Circle's messages for a missing and an expired token", async () => {
      const missing = await fetch(`${API}/home`);
      expect(missing.status).to.equal(401);
      expect(await missing.json()).to.deep.equal({
        success: false,
        message: 'The access token is invalid.',
        error_details: {},
      });

      const token = await issueToken();
      sandbox.auth.expireAll();
      const expired = await fetch(`${API}/home`, { headers: { Authorization: `Bearer ${token}` } });
      expect(expired.status).to.equal(401);
      expect((await expired.json()).message).to.equal('The access token is expired.');
    });

    it('lets a token expire after its lifetime', async () => {
      sandbox.auth.tokenLifetimeMs = 1500;
      const token = await issueToken();
      const fresh = await fetch(`${API}/spaces`, { headers: { Authorization: `Bearer ${token}` } });
      expect(fresh.status).to.equal(200);

      await new Promise((resolve) => setTimeout(resolve, 1600));
      const stale = await fetch(`${API}/spaces`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await stale.json()).message).to.equal('The access token is expired.');
    });

    it("issues tokens in Circle's shape and counts the requests", async () => {
      const response = await fetch('/api/circle-token', { method: 'POST' });
      const token = await response.json();
      expect(token).to.have.keys([
        'access_token',
        'refresh_token',
        'access_token_expires_at',
        'refresh_token_expires_at',
        'community_member_id',
        'community_id',
      ]);
      expect(token.access_token.split('.')).to.have.length(3);
      expect(Date.parse(token.access_token_expires_at) - Date.now()).to.be.closeTo(
        3_600_000,
        5_000,
      );
      expect(sandbox.auth.tokenRequests).to.equal(1);
    });

    it('answers 401 from the token endpoint when signed out', async () => {
      sandbox.auth.signedIn = false;
      const response = await fetch('/api/circle-token', { method: 'POST' });
      expect(response.status).to.equal(401);
      expect(await response.json()).to.deep.equal({ error: 'signed_out' });
    });
  });

  describe('pictures', () => {
    it('serves a generated avatar with the initials', async () => {
      const member = sandbox.db.members[1];
      const response = await fetch(member.avatar_url);
      expect(response.headers.get('Content-Type')).to.contain('image/svg+xml');
      expect(await response.text()).to.contain('>MH</text>');
    });
  });
});
