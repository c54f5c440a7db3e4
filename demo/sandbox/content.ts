/**
 * Hand-written raw material for the sandbox community "Makers Guild": people, spaces, titles,
 * sentences and events. The generator in data.ts combines these deterministically.
 */

/** A person in the community; the first one is the signed-in member. */
export interface PersonSeed {
  name: string;
  headline: string;
  location: string;
  role?: 'admin' | 'moderator';
}

export const PEOPLE: PersonSeed[] = [
  { name: 'Alex Rivera', headline: 'Frontend engineer, accessibility nerd', location: 'Lisbon' },
  { name: 'Mariam Haddad', headline: 'Community lead', location: 'Amman', role: 'admin' },
  { name: 'Kenji Watanabe', headline: 'Design systems at a fintech', location: 'Tokyo' },
  { name: 'Zoë Achterberg', headline: 'Product designer', location: 'Utrecht' },
  { name: 'Ngozi Okafor', headline: 'Staff engineer, web platform', location: 'Lagos' },
  { name: 'Mateo Fernández', headline: 'Indie maker, ships weekly', location: 'Buenos Aires' },
  { name: '李娜', headline: '前端工程师 · Frontend engineer', location: 'Shanghai' },
  { name: 'Олена Коваленко', headline: 'UX researcher', location: 'Kyiv', role: 'moderator' },
  { name: 'محمد الأحمد', headline: 'Full-stack developer', location: 'Dubai' },
  { name: 'Aarav Sharma', headline: 'Mobile + web, React Native', location: 'Bengaluru' },
  { name: '김민준', headline: 'Motion designer', location: 'Seoul' },
  { name: 'Σοφία Παπαδοπούλου', headline: 'Data visualisation', location: 'Athens' },
  { name: 'Björn Lindqvist', headline: 'CTO at a tiny studio', location: 'Gothenburg' },
  { name: 'Amara Nwosu', headline: 'Developer advocate', location: 'London' },
  { name: 'Priya Raman', headline: 'Engineering manager', location: 'Toronto' },
  { name: 'Lucas Moreau', headline: 'Creative coder', location: 'Lyon' },
  { name: 'Hana Suzuki', headline: 'Illustrator & web tinkerer', location: 'Osaka' },
  { name: 'Diego Alvarez', headline: 'Backend engineer, Postgres fan', location: 'Mexico City' },
  { name: 'Fatima Zahra Benali', headline: 'Product manager', location: 'Casablanca' },
  {
    name: 'Jonas Weber',
    headline: 'Freelance web developer',
    location: 'Berlin',
    role: 'moderator',
  },
  { name: 'Chloé Martin', headline: 'Brand designer', location: 'Montréal' },
  { name: 'Samuel Osei', headline: 'Student, learning TypeScript', location: 'Accra' },
  { name: 'Ingrid Halvorsen', headline: 'Accessibility consultant', location: 'Oslo' },
  { name: 'Tomás Ó Briain', headline: 'Writes about CSS', location: 'Galway' },
  { name: 'Nguyễn Thị Mai', headline: 'QA engineer', location: 'Hà Nội' },
  { name: 'Rafael Costa', headline: 'Design engineer', location: 'São Paulo' },
  { name: 'Elif Yılmaz', headline: 'Frontend lead', location: 'Istanbul' },
  { name: 'David Cohen', headline: 'Performance engineer', location: 'Tel Aviv' },
  { name: 'Aisha Mohammed', headline: 'Content designer', location: 'Nairobi' },
  { name: 'Lena Fischer', headline: 'Web components enthusiast', location: 'Vienna' },
  { name: 'Oliver Bennett', headline: 'Technical writer', location: 'Melbourne' },
  { name: 'Sakura Ito', headline: 'Game UI designer', location: 'Kyoto' },
  { name: 'Marco Rossi', headline: 'Photographer who codes', location: 'Bologna' },
  { name: 'Yusuf Demir', headline: 'DevOps, likes boring tech', location: 'Ankara' },
];

/** A space of the community; the event space holds the event posts. */
export interface SpaceSeed {
  name: string;
  slug: string;
  emoji: string;
  spaceType: 'basic' | 'event';
  group: string;
  topics: string[];
}

export const SPACES: SpaceSeed[] = [
  {
    name: 'Announcements',
    slug: 'announcements',
    emoji: '📣',
    spaceType: 'basic',
    group: 'Start here',
    topics: ['Product updates', 'Community'],
  },
  {
    name: 'General',
    slug: 'general',
    emoji: '💬',
    spaceType: 'basic',
    group: 'Start here',
    topics: ['Introductions', 'Off-topic', 'Career'],
  },
  {
    name: 'Show & Tell',
    slug: 'show-and-tell',
    emoji: '🎨',
    spaceType: 'basic',
    group: 'Build',
    topics: ['Side projects', 'Design', 'Open source'],
  },
  {
    name: 'Help & Questions',
    slug: 'help',
    emoji: '🙋',
    spaceType: 'basic',
    group: 'Build',
    topics: ['CSS', 'TypeScript', 'Accessibility', 'Tooling'],
  },
  {
    name: 'Resources',
    slug: 'resources',
    emoji: '📚',
    spaceType: 'basic',
    group: 'Build',
    topics: ['Reading list', 'Templates'],
  },
  {
    name: 'Events',
    slug: 'events',
    emoji: '📅',
    spaceType: 'event',
    group: 'Meet',
    topics: ['Workshops', 'Meetups'],
  },
];

/** Post titles per space slug (the event space gets its posts from EVENTS). */
export const TITLES: Record<string, string[]> = {
  announcements: [
    'Welcome to Makers Guild 👋 Start here',
    'Community guidelines (please read)',
    'New: weekly co-working sessions',
    'We hit 2,000 members 🎉',
    'Spring challenge: build something tiny',
    'Changes to the Show & Tell format',
    'Moderator team update',
    'Survey results: what you want next',
  ],
  general: [
    'Introduce yourself! Who are you and what are you building?',
    'What does your desk setup look like?',
    'How do you avoid burnout on side projects?',
    'Favourite podcasts for makers?',
    'Remote work across time zones: tips?',
    'Coffee or tea while coding ☕🍵',
    'What did you learn this week?',
    'Books that changed how you build software',
    'Going freelance next month, any advice?',
    'Weekend plans thread',
    'How do you keep notes on what you read?',
    'Share a small win from today',
    'Anyone else switching careers into tech?',
    'The best bug you ever fixed',
    'How do you say no to scope creep?',
    'Music for deep work 🎧',
    'Mentorship: looking for / offering',
    'What would you automate first?',
  ],
  'show-and-tell': [
    'I built a tiny habit tracker in a weekend',
    'My portfolio redesign, feedback welcome',
    'Open-sourced my CSS reset',
    'A colour palette generator that respects contrast',
    'Launch day: my first paid product 🚀',
    'Generative posters with SVG',
    'A keyboard-first todo app',
    'Made a font pairing tool for my students',
    'Recreated a 90s desktop in the browser',
    'Web component for star ratings (accessible!)',
    'My first conference talk, slides inside',
    'A map of every bakery in Lyon 🥐',
    'Turned my notes into a static site',
    'Sound-reactive visuals with the Web Audio API',
    'I rebuilt our signup flow and conversion doubled',
    'Pixel art editor in 300 lines',
  ],
  help: [
    'Why does my flexbox item overflow its container?',
    'TypeScript: narrowing a union inside a callback',
    'How to announce route changes to screen readers?',
    'Vite build is slow on CI, where to look?',
    'Best way to handle dark mode in web components?',
    'Focus trap in a dialog without a library?',
    'Service worker not updating after deploy',
    'How do you test date and time-zone logic?',
    'Container queries vs media queries for cards',
    'Storing JWTs safely in a single-page app',
    'Lit: when to use a reactive controller?',
    'Postgres: index not used for ILIKE query',
    'How to debounce input without losing the last value',
    'Intl.DateTimeFormat shows the wrong day',
    'CSS grid: make the last row stretch',
    'Monorepo or not for a two-person team?',
  ],
  resources: [
    'The reading list: web performance',
    'Free icon sets that are actually good',
    'Checklist: accessible forms',
    'Template: project kickoff doc',
    'Great talks from this year',
    'Cheatsheet: modern CSS selectors',
    'Newsletter roundup',
    'Template: weekly update for clients',
    'Courses worth paying for',
    'Tools we use to run this community',
  ],
};

/** Sentences that make up ordinary post and comment bodies. */
export const SENTENCES: string[] = [
  'I have been going back and forth on this for a while and would love a second opinion.',
  'The short version: it works, but I am not sure it will hold up once real users arrive.',
  'Happy to share the code if anyone wants to dig in.',
  'What surprised me most was how little JavaScript it actually needed.',
  'I tried three approaches before landing on this one.',
  'It took an afternoon to prototype and two weeks to polish.',
  'If you have hit the same wall, I would love to hear how you got past it.',
  'Curious what the rest of you think!',
  'Screenshots below, full write-up coming next week.',
  'The trick was to stop fighting the browser and use the platform.',
  'We tested it with five people and everyone found the button on the first try.',
  'Still rough around the edges, so be kind 🙏',
  'Bonus points if your answer involves fewer dependencies.',
  'I keep coming back to the idea that smaller is better.',
  'This community has been a huge help, so thank you all.',
  'Next step is to write proper tests for the tricky parts.',
  'It runs fine on desktop, but older phones struggle a bit.',
  'I measured before and after, and the difference is real.',
  'Turns out the bug was a missing await. Of course it was.',
  'Feedback on naming is especially welcome ✨',
];

export const COMMENTS: string[] = [
  'Love this! 🙌',
  'This is really well done, congrats on shipping.',
  'Have you tried using a ResizeObserver for that?',
  'Same problem here last month. Setting min-width: 0 on the child fixed it for me.',
  'Bookmarking this for later.',
  'Great question, following.',
  'Could you share the repo? I would love to read the code.',
  'The colours are gorgeous.',
  'I would keep it simple and ship it as is.',
  'We did something similar at work and it paid off quickly.',
  'Thanks for writing this up so clearly.',
  'Small nit: the focus outline disappears on the second button.',
  'This made my morning 😄',
  'How long did the whole thing take you?',
  'Agree with everything above. One more thing: measure first.',
  'Welcome aboard! 👋',
  'Saving this, super useful.',
  'Counterpoint: sometimes a library is the right call.',
  'The write-up is as good as the project itself.',
  'Let me know if you want a second pair of eyes on it.',
  'Did you consider prefers-reduced-motion for the animation?',
  'Works great on my phone.',
  'I learned something new today, thanks!',
  'Congrats!! 🎉',
];

/** An event in the event space, in its organiser's local time. */
export interface EventSeed {
  name: string;
  timeZone: string;
  /** Days from "today" in that zone; negative is in the past. */
  dayOffset: number;
  /** Local start, `HH:MM`. */
  start: string;
  durationMinutes: number;
  place?: string;
  rsvpLimit?: number;
  full?: boolean;
  rsvpDisabled?: boolean;
  hideAttendees?: boolean;
  /** Starts half an hour before `now`, so it is on right now. */
  liveNow?: boolean;
  /** A weekly or fortnightly series: one event post per occurrence. */
  repeat?: { everyDays: number; occurrences: number };
  cover?: boolean;
  recording?: boolean;
}

export const EVENTS: EventSeed[] = [
  {
    name: 'Co-working hour (CET)',
    timeZone: 'Europe/Berlin',
    dayOffset: -21,
    start: '09:00',
    durationMinutes: 60,
    repeat: { everyDays: 7, occurrences: 8 },
    rsvpLimit: 25,
  },
  {
    name: 'Asia-Pacific office hours',
    timeZone: 'Asia/Tokyo',
    dayOffset: -14,
    start: '19:00',
    durationMinutes: 90,
    repeat: { everyDays: 14, occurrences: 5 },
  },
  {
    name: 'Kickoff: Spring challenge',
    timeZone: 'America/New_York',
    dayOffset: -38,
    start: '12:00',
    durationMinutes: 60,
    recording: true,
  },
  {
    name: 'Portfolio review night',
    timeZone: 'Europe/Berlin',
    dayOffset: -30,
    start: '18:30',
    durationMinutes: 120,
    place: 'Betahaus, Rudi-Dutschke-Straße 23, 10969 Berlin',
    rsvpLimit: 30,
  },
  {
    name: 'Accessibility clinic',
    timeZone: 'America/New_York',
    dayOffset: -24,
    start: '11:00',
    durationMinutes: 60,
    recording: true,
  },
  {
    name: 'Tokyo makers meetup 🍜',
    timeZone: 'Asia/Tokyo',
    dayOffset: -17,
    start: '19:30',
    durationMinutes: 150,
    place: 'Shibuya Stream, 3-21-3 Shibuya, Tokyo',
  },
  {
    name: 'Ship it! Demo day',
    timeZone: 'America/New_York',
    dayOffset: -9,
    start: '13:00',
    durationMinutes: 90,
    cover: true,
    recording: true,
  },
  {
    name: 'CSS layout deep dive',
    timeZone: 'Europe/Berlin',
    dayOffset: -4,
    start: '17:00',
    durationMinutes: 75,
  },
  {
    name: 'Late-night build jam 🌙',
    timeZone: 'America/New_York',
    dayOffset: -2,
    start: '22:00',
    durationMinutes: 240,
  },
  {
    name: 'Live: building a web component from scratch',
    timeZone: 'America/New_York',
    dayOffset: 0,
    start: '00:00',
    durationMinutes: 120,
    liveNow: true,
  },
  {
    name: 'Design critique circle',
    timeZone: 'Europe/Berlin',
    dayOffset: 1,
    start: '18:00',
    durationMinutes: 60,
    rsvpLimit: 8,
    full: true,
  },
  {
    name: 'Ask me anything with the moderators',
    timeZone: 'America/New_York',
    dayOffset: 3,
    start: '15:00',
    durationMinutes: 60,
    rsvpDisabled: true,
  },
  {
    name: 'Midnight launch party 🚀',
    timeZone: 'America/New_York',
    dayOffset: 5,
    start: '23:00',
    durationMinutes: 150,
    cover: true,
  },
  {
    name: 'Founders breakfast (invite only)',
    timeZone: 'Europe/Berlin',
    dayOffset: 8,
    start: '08:30',
    durationMinutes: 90,
    place: 'Café Einstein Stammhaus, Kurfürstenstraße 58, 10785 Berlin',
    hideAttendees: true,
    rsvpLimit: 12,
  },
  {
    name: 'TypeScript study group',
    timeZone: 'Asia/Tokyo',
    dayOffset: 10,
    start: '20:00',
    durationMinutes: 60,
    rsvpLimit: 20,
  },
  {
    name: 'Makers Summit Berlin',
    timeZone: 'Europe/Berlin',
    dayOffset: 20,
    start: '09:00',
    durationMinutes: 2 * 24 * 60 + 8 * 60,
    place: 'Festsaal Kreuzberg, Am Flutgraben 2, 12435 Berlin',
    rsvpLimit: 250,
    cover: true,
  },
  {
    name: 'Writing for developers workshop',
    timeZone: 'America/New_York',
    dayOffset: 13,
    start: '10:00',
    durationMinutes: 120,
  },
  {
    name: 'Motion design for the web',
    timeZone: 'Asia/Tokyo',
    dayOffset: 27,
    start: '18:00',
    durationMinutes: 90,
  },
  {
    name: 'Summer social in Brooklyn',
    timeZone: 'America/New_York',
    dayOffset: 34,
    start: '17:00',
    durationMinutes: 180,
    place: 'Brooklyn Bridge Park, Pier 6, Brooklyn, NY',
  },
];
