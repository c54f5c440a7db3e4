// Generates custom-elements.json from the elements' source and JSDoc.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

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

/**
 * The analyzer can mistake a variable inside a method for a module's declaration; a module's API
 * is what it exports, so a declaration it does not export is left out.
 */
const keepExportedDeclarations = {
  name: 'keep-exported-declarations',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      const exported = new Set((module.exports ?? []).map((entry) => entry.declaration?.name));
      module.declarations = (module.declarations ?? []).filter((declaration) =>
        exported.has(declaration.name),
      );
    }
  },
};

/**
 * The words each string-union type in src/ allows, by type name: `type View = 'list' | 'month'`,
 * or `type View = (typeof VIEWS)[number]` over `const VIEWS = ['list', 'month'] as const`.
 */
function wordUnions(folder = 'src') {
  const unions = new Map();
  const files = readdirSync(folder, { recursive: true }).filter((file) => /\.ts$/.test(file));
  for (const file of files) {
    const path = join(folder, file);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
    const words = (node) =>
      node.elements?.every(ts.isStringLiteral) ? node.elements.map((element) => element.text) : [];

    const constants = new Map();
    const aliases = [];
    ts.forEachChild(source, function visit(node) {
      if (
        ts.isVariableDeclaration(node) &&
        node.initializer &&
        ts.isAsExpression(node.initializer)
      ) {
        const list = words(node.initializer.expression);
        if (list.length) constants.set(node.name.getText(source), list);
      }
      if (ts.isTypeAliasDeclaration(node)) aliases.push(node);
      ts.forEachChild(node, visit);
    });

    for (const alias of aliases) {
      let list = [];
      const type = alias.type;
      if (ts.isIndexedAccessTypeNode(type)) {
        const { objectType } = type;
        const query = ts.isParenthesizedTypeNode(objectType) ? objectType.type : objectType;
        if (ts.isTypeQueryNode(query)) list = constants.get(query.exprName.getText(source)) ?? [];
      } else if (ts.isUnionTypeNode(type)) {
        const literals = type.types.map((member) => ts.isLiteralTypeNode(member) && member.literal);
        if (literals.every((literal) => literal && ts.isStringLiteral(literal))) {
          list = literals.map((literal) => literal.text);
        }
      }
      if (!list.length) continue;

      const name = alias.name.text;
      const union = list.map((word) => `'${word}'`).join(' | ');
      // Two files may name different unions alike; then neither is spelled out.
      unions.set(name, unions.has(name) && unions.get(name) !== union ? null : union);
    }
  }
  return unions;
}

/**
 * Attributes typed with a union of words name the words, not the type's name (`'list' | 'month'`
 * rather than `View`), so editors and the docs' snippet builder can offer them.
 */
const spellOutWordUnions = {
  name: 'spell-out-word-unions',
  packageLinkPhase({ customElementsManifest }) {
    const unions = wordUnions();
    const spell = (type) => {
      if (!type?.text) return;
      const parts = type.text.split(' | ');
      const spelled = parts.map((part) => unions.get(part) ?? part);
      type.text = spelled.join(' | ');
    };
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
          spell(item.type);
        }
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
  plugins: [
    sortModules,
    keepPrefixedEvents,
    dropInternalMembers,
    keepExportedDeclarations,
    spellOutWordUnions,
  ],
};
