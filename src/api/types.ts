// Friendly names for the shapes generated from Circle's Member API document.
import type { components } from './schema.js';

type Schemas = components['schemas'];

export type Post = Schemas['post'];
export type BasicPost = Schemas['basic_post'];
export type EventPost = Schemas['event_post'];
export type Comment = Schemas['comment'];
export type Space = Schemas['space'];
export type Member = Schemas['shared_community_member'];
export type CurrentMember = Schemas['current_community_member'];
export type Notification = Schemas['notification'];
export type NotificationCounts = Schemas['new_notifications_count'];
export type EventAttendee = Schemas['event_attendee'];
export type RecurringEvent = Schemas['recurring_event'];
export type TiptapBody = NonNullable<BasicPost['tiptap_body']>;

/** The offset-paging envelope most list endpoints answer with. */
export interface Page<T> {
  page?: number;
  per_page?: number;
  has_next_page?: boolean;
  count?: number;
  records?: T[];
}
