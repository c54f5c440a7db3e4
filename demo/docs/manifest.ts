/**
 * Reading a custom elements manifest (schema 1.x, as `npm run analyze` writes it): the elements
 * it declares and what each one offers. The docs pages build everything from these helpers, so
 * a new element, attribute or token shows up without touching them.
 */

/** A type as the analyzer writes it; `parsedType` is what type-expanding plugins add. */
export interface ManifestType {
  text: string;
}

/** Where an inherited member, attribute or event was declared. */
export interface InheritedFrom {
  name: string;
  module?: string;
}

export interface ManifestAttribute {
  name: string;
  type?: ManifestType;
  parsedType?: ManifestType;
  default?: string;
  description?: string;
  summary?: string;
  fieldName?: string;
  inheritedFrom?: InheritedFrom;
  deprecated?: boolean | string;
}

export interface ManifestParameter {
  name: string;
  type?: ManifestType;
  optional?: boolean;
  description?: string;
}

export interface ManifestMember {
  kind: 'field' | 'method';
  name: string;
  type?: ManifestType;
  parsedType?: ManifestType;
  default?: string;
  description?: string;
  summary?: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  reflects?: boolean;
  parameters?: ManifestParameter[];
  return?: { type?: ManifestType; description?: string };
  inheritedFrom?: InheritedFrom;
  deprecated?: boolean | string;
}

export interface ManifestEvent {
  name: string;
  type?: ManifestType;
  description?: string;
  summary?: string;
  inheritedFrom?: InheritedFrom;
}

/** A slot, a CSS part or a CSS custom property: a name, a description, maybe a default. */
export interface ManifestNamedItem {
  name: string;
  description?: string;
  summary?: string;
  default?: string;
  syntax?: string;
}

export interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: ManifestEvent[];
  slots?: ManifestNamedItem[];
  cssParts?: ManifestNamedItem[];
  cssProperties?: ManifestNamedItem[];
  deprecated?: boolean | string;
}

export interface ManifestModule {
  kind?: string;
  path: string;
  declarations?: ManifestDeclaration[];
}

export interface Manifest {
  schemaVersion: string;
  modules: ManifestModule[];
}

/** A declaration that registers a tag. */
export type ElementDeclaration = ManifestDeclaration & { tagName: string };

/** Every element the manifest registers a tag for, by tag name. */
export function elementsOf(manifest: Manifest): ElementDeclaration[] {
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration): declaration is ElementDeclaration => Boolean(declaration.tagName));
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** The element with this tag, if the manifest has it. */
export function elementNamed(manifest: Manifest, tagName: string): ElementDeclaration | undefined {
  return elementsOf(manifest).find((element) => element.tagName === tagName);
}

/** Only what a page may use: no private, protected, static or underscore-named members. */
function isPublic(member: ManifestMember): boolean {
  return (
    member.privacy !== 'private' &&
    member.privacy !== 'protected' &&
    !member.static &&
    !member.name.startsWith('_') &&
    !member.name.startsWith('#')
  );
}

/** The element's public properties (fields), attribute-backed or not. */
export function propertiesOf(element: ManifestDeclaration): ManifestMember[] {
  return (element.members ?? []).filter((member) => member.kind === 'field' && isPublic(member));
}

/** The element's public methods. */
export function methodsOf(element: ManifestDeclaration): ManifestMember[] {
  return (element.members ?? []).filter((member) => member.kind === 'method' && isPublic(member));
}

/** The field behind an attribute, which often knows the type or a literal default. */
export function fieldOf(
  element: ManifestDeclaration,
  attribute: ManifestAttribute,
): ManifestMember | undefined {
  return (element.members ?? []).find(
    (member) =>
      member.kind === 'field' &&
      (member.attribute === attribute.name ||
        (attribute.fieldName !== undefined && member.name === attribute.fieldName)),
  );
}

/** The attribute's type text, from the attribute or else its field; '' when neither says. */
export function attributeType(element: ManifestDeclaration, attribute: ManifestAttribute): string {
  const field = fieldOf(element, attribute);
  const type =
    attribute.parsedType ?? attribute.type ?? field?.parsedType ?? field?.type ?? undefined;
  return type?.text ?? '';
}

/**
 * A default worth showing: the attribute's when it is a literal (the analyzer sometimes writes
 * a constant's name there), else the field's.
 */
export function attributeDefault(
  element: ManifestDeclaration,
  attribute: ManifestAttribute,
): string | undefined {
  const candidates = [attribute.default, fieldOf(element, attribute)?.default];
  return candidates.find((value) => value !== undefined && isLiteral(value));
}

/** A JavaScript literal: a quoted string, a number, a boolean, null or undefined. */
export function isLiteral(value: string): boolean {
  return /^(['"`]).*\1$|^-?\d+(\.\d+)?$|^(true|false|null|undefined)$/.test(value.trim());
}

/** A literal default as a page author would write it in an attribute (no quotes). */
export function unquote(value: string): string {
  const match = /^(['"`])(.*)\1$/.exec(value.trim());
  return match ? match[2]! : value.trim();
}

/**
 * The string literals of a type that is a union of them (`'list' | 'month' | undefined`), or
 * undefined for any other type. `undefined` and `null` members are ignored.
 */
export function stringLiterals(typeText: string): string[] | undefined {
  const members = splitUnion(typeText).filter((part) => part !== 'undefined' && part !== 'null');
  if (members.length === 0) return undefined;

  const literals: string[] = [];
  for (const member of members) {
    const match = /^(['"])([^'"]*)\1$/.exec(member);
    if (!match) return undefined;
    literals.push(match[2]!);
  }
  return literals;
}

/** A type's top-level union members; a `|` inside brackets or quotes does not split. */
function splitUnion(typeText: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const char of typeText) {
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === "'" || char === '"' || char === '`') {
      quote = char;
    } else if ('([{<'.includes(char)) {
      depth += 1;
    } else if (')]}>'.includes(char)) {
      depth -= 1;
    } else if (char === '|' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

/** Whether a type is `boolean` (possibly with `undefined`): such attributes are present or not. */
export function isBooleanType(typeText: string): boolean {
  const members = splitUnion(typeText).filter((part) => part !== 'undefined');
  return members.length > 0 && members.every((part) => part === 'boolean');
}

/** Whether a type is `number` (possibly with `undefined`). */
export function isNumberType(typeText: string): boolean {
  const members = splitUnion(typeText).filter((part) => part !== 'undefined');
  return members.length > 0 && members.every((part) => part === 'number');
}

/** A CSS custom property, with the tags of the elements that read it. */
export interface ThemeToken extends ManifestNamedItem {
  elements: string[];
}

/**
 * Every CSS custom property across the elements, once each: the first description and default
 * found, and which elements read it. Tokens read by more than one element come first.
 */
export function themeTokensOf(manifest: Manifest): ThemeToken[] {
  const tokens = new Map<string, ThemeToken>();
  for (const element of elementsOf(manifest)) {
    for (const property of element.cssProperties ?? []) {
      const known = tokens.get(property.name);
      if (known) {
        known.elements.push(element.tagName);
        known.default ??= property.default;
        known.description ??= property.description;
      } else {
        tokens.set(property.name, { ...property, elements: [element.tagName] });
      }
    }
  }

  // A stable sort keeps the manifest's order, which groups related tokens.
  const shared = (token: ThemeToken) => (token.elements.length > 1 ? 0 : 1);
  return [...tokens.values()].sort((a, b) => shared(a) - shared(b));
}
