// Compacts the markup and styles written inside Lit's tagged templates for the CDN builds. The JS
// minifier leaves template text alone, and that text is a fifth of each chunk: the indentation of
// every html`` template and the comments and spacing of every css`` block.
//
// - html`` (and staticHtml``): a run of white space that holds a line break becomes one space.
//   The browser collapses such runs in text to one space anyway, so what renders is the same;
//   text inside <pre> and <textarea>, where it would not be, is refused with an error. In a
//   written attribute value such a run becomes one space too, which token lists (`class`,
//   `sandbox`) don't mind; a multi-line `title` written in a template would lose its breaks.
// - css``: each static piece is minified by Lightning CSS. An interpolation must stand between
//   whole rules (`${otherStyles}`), so every piece is a style sheet of its own.
import { transform as minifyCss } from 'lightningcss';
import ts from 'typescript';

const HTML_TAGS = new Set(['html', 'staticHtml']);
const CSS_TAGS = new Set(['css']);

/** White space runs that hold a line break, which render as one space. */
const BROKEN_SPACE = /\s*\n\s*/g;

/** Text in <pre> or <textarea> that spans lines: compacting it would change what shows. */
const PRESERVED_TEXT = /<(pre|textarea)\b[^>]*>[^<]*\n/i;

/**
 * Returns `source` with its html`` and css`` template text compacted, or `source` itself when it
 * has none. Throws, naming `fileName` and the line, on a template it can't compact safely.
 */
export function compactTemplates(source, fileName) {
  if (!source.includes('`')) return source;

  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const edits = [];

  const fail = (node, reason) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    throw new Error(`${fileName}:${line + 1}: ${reason}`);
  };

  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      if (HTML_TAGS.has(tag)) edits.push(...htmlEdits(node.template, file, fail));
      else if (CSS_TAGS.has(tag)) edits.push(...cssEdits(node.template, file, fail));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  // From the end backwards, so each edit's offsets still hold.
  let result = source;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + text + result.slice(end);
  }
  return result;
}

/** The static pieces of a template, each with the offsets of its text between the delimiters. */
function pieces(template, file) {
  const literals = ts.isNoSubstitutionTemplateLiteral(template)
    ? [template]
    : [template.head, ...template.templateSpans.map((span) => span.literal)];

  return literals.map((literal) => {
    const start = literal.getStart(file) + 1; // after ` or }
    const closing = ts.isTemplateHead(literal) || ts.isTemplateMiddle(literal) ? 2 : 1; // ${ or `
    const end = literal.end - closing;
    return { start, end, raw: file.text.slice(start, end) };
  });
}

function htmlEdits(template, file, fail) {
  const parts = pieces(template, file);
  if (PRESERVED_TEXT.test(parts.map((part) => part.raw).join('${}'))) {
    fail(template, 'text inside <pre> or <textarea> spans lines; it would not survive compacting');
  }
  return parts.map((part) => ({ ...part, text: part.raw.replace(BROKEN_SPACE, ' ') }));
}

function cssEdits(template, file, fail) {
  return pieces(template, file).map((part) => {
    // Escapes would need cooking before Lightning CSS and raw text after it; none are needed yet.
    if (part.raw.includes('\\')) fail(template, 'a backslash in css`` is not supported');
    if (part.raw.trim() === '') return { ...part, text: '' };

    let result;
    try {
      result = minifyCss({ filename: 'template.css', code: Buffer.from(part.raw), minify: true });
    } catch (error) {
      fail(template, `css\`\` piece is not a style sheet of its own: ${error.message}`);
    }
    if (result.warnings.length > 0) fail(template, result.warnings[0].message);

    const text = result.code.toString();
    if (text.includes('`') || text.includes('${')) fail(template, 'minified CSS needs escaping');
    return { ...part, text };
  });
}

/** The Vite plugin: compacts the templates of the project's own TypeScript sources. */
export function compactTemplatesPlugin() {
  return {
    name: 'compact-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id)) return undefined;
      try {
        const compacted = compactTemplates(code, id);
        return compacted === code ? undefined : { code: compacted, map: null };
      } catch (error) {
        this.error(error.message);
      }
    },
  };
}
