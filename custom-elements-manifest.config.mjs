// Generates custom-elements.json from the elements' source and JSDoc.

/** The analyzer reads files in parallel; a fixed module order keeps the output reproducible. */
const sortModules = {
  name: 'sort-modules',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
  },
};

/**
 * The analyzer takes the first argument of any `new SomethingEvent(...)` for an event name, so
 * typed events such as `new CircleLikeEvent('post', …)` add junk; every real event is prefixed.
 */
const keepPrefixedEvents = {
  name: 'keep-prefixed-events',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.events) continue;
        declaration.events = declaration.events.filter((event) =>
          event.name?.startsWith('circle-'),
        );
      }
    }
  },
};

/**
 * Private and protected members are implementation details, and the analyzer copies their
 * initialisers in whole; leaving them out keeps the manifest to the API a page may use.
 */
const dropInternalMembers = {
  name: 'drop-internal-members',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter(
          (member) =>
            member.privacy !== 'private' &&
            member.privacy !== 'protected' &&
            !/^[#_]/.test(member.name),
        );
      }
    }
  },
};

// Module paths here point at src/*.ts; the package ships dist/custom-elements.json instead, which
// scripts/dist-manifest.mjs writes from a fresh run with the paths of the built files.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  // The staleness check writes elsewhere and compares.
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  packagejson: false,
  plugins: [sortModules, keepPrefixedEvents, dropInternalMembers],
};
