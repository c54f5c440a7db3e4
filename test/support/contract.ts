/**
 * Checks requests and responses against Circle's Member API OpenAPI document (3.0), which the
 * test server serves at /__shared/member-api.openapi.json.
 */
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';

interface Parameter {
  name: string;
  in: string;
  schema?: { enum?: unknown[]; items?: { enum?: unknown[] } };
}
interface MediaType {
  schema?: Record<string, unknown>;
  examples?: Record<string, { value?: unknown }>;
}
interface Operation {
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
type PathItem = Record<string, Operation> & { parameters?: Parameter[] };
interface Spec {
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, unknown> };
}

const SPEC_ID = 'https://sandbox.invalid/member-api.openapi.json';
const API_PREFIX = '/api/headless/v1/';

const spec = (await (await fetch('/__shared/member-api.openapi.json')).json()) as Spec;

/** Where each converted schema object sits in the document, to name it in errors. */
const schemaPointers = new WeakMap<object, string>();

/**
 * OpenAPI 3.0 schema to JSON Schema for Ajv: `nullable` becomes a null alternative, `$ref`s point
 * into the registered document, and OpenAPI-only annotations are dropped.
 */
function toJsonSchema(schema: unknown, pointer: string): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;

  const source = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (['nullable', 'example', 'examples', 'discriminator', 'xml', 'externalDocs'].includes(key)) {
      continue;
    }
    const at = `${pointer}/${key}`;
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [
          name,
          toJsonSchema(property, `${at}/${name}`),
        ]),
      );
    } else if (['items', 'additionalProperties', 'not'].includes(key)) {
      out[key] = toJsonSchema(value, at);
    } else if (['allOf', 'anyOf', 'oneOf'].includes(key) && Array.isArray(value)) {
      out[key] = value.map((item, index) => toJsonSchema(item, `${at}/${index}`));
    } else if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) {
      out.$ref = `${SPEC_ID}${value}`;
    } else {
      out[key] = value;
    }
  }

  schemaPointers.set(out, pointer);
  if (source.nullable !== true) return out;
  const composed = ['$ref', 'allOf', 'anyOf', 'oneOf'].some((key) => key in out);
  if (typeof out.type === 'string' && !composed) {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  const wrapper = { anyOf: [out, { type: 'null' }] };
  schemaPointers.set(wrapper, `${pointer} (nullable)`);
  return wrapper;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
// verbose: errors carry the failing schema object, which schemaPointers names.
const ajv = new Ajv({ strict: false, allErrors: true, verbose: true });
// `date_time` is the spec's own spelling of `date-time` on some fields.
ajv.addFormat('date-time', ISO_DATE_TIME);
ajv.addFormat('date_time', ISO_DATE_TIME);
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
for (const format of new Set(JSON.stringify(spec).match(/"format":\s*"[^"]+"/g) ?? [])) {
  const name = /"format":\s*"([^"]+)"/.exec(format)![1];
  if (!['date-time', 'date_time', 'date'].includes(name)) ajv.addFormat(name, true);
}
ajv.addSchema({
  $id: SPEC_ID,
  components: {
    schemas: Object.fromEntries(
      Object.entries(spec.components.schemas).map(([name, value]) => [
        name,
        toJsonSchema(value, `#/components/schemas/${name}`),
      ]),
    ),
  },
});

const validators = new Map<string, ValidateFunction>();
function validatorFor(key: string, schema: unknown, pointer: string): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema, pointer) as object);
    validators.set(key, validate);
  }
  return validate;
}

/** Where a request lands in the document: its templated path and operation. */
export interface MatchedOperation {
  path: string;
  method: string;
  operation: Operation;
  parameters: Parameter[];
}

/** True when `url` is a Member API URL (`…/api/headless/v1/…`). */
export function isMemberApiUrl(url: string): boolean {
  return new URL(url, location.href).pathname.includes(API_PREFIX);
}

function apiPath(url: string): string | null {
  const { pathname } = new URL(url, location.href);
  const index = pathname.indexOf(API_PREFIX);
  return index < 0 ? null : pathname.slice(index);
}

/** The document's operation for a request, or a reason why there is none. */
export function matchOperation(method: string, url: string): MatchedOperation | string {
  const path = apiPath(url);
  if (!path) return `${method.toUpperCase()} ${url} is not a Member API URL`;

  const segments = path.split('/');
  let best: { path: string; score: number } | null = null;
  for (const candidate of Object.keys(spec.paths)) {
    const template = candidate.split('/');
    if (template.length !== segments.length) continue;

    let score = 0;
    const fits = template.every((part, index) => {
      if (/^\{[^}]+\}$/.test(part)) return segments[index] !== '';
      score += 1;
      return decodeURIComponent(segments[index]) === part;
    });
    if (fits && (!best || score > best.score)) best = { path: candidate, score };
  }
  if (!best) return `${method.toUpperCase()} ${path}: no such path in the Member API spec`;

  const item = spec.paths[best.path];
  const operation = item[method.toLowerCase()] as Operation | undefined;
  if (!operation) {
    const verb = method.toUpperCase();
    return `${verb} ${path}: the spec's ${best.path} has no ${verb}`;
  }
  const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])];
  return { path: best.path, method: method.toUpperCase(), operation, parameters };
}

/**
 * Throws unless the request's method and path exist in the document and every query parameter
 * is one the operation declares (with a value from its enum, when it has one).
 */
export function assertRequestInSpec(method: string, url: string): void {
  const match = matchOperation(method, url);
  if (typeof match === 'string') throw new Error(match);

  const problems: string[] = [];
  for (const [key, value] of new URL(url, location.href).searchParams) {
    const name = key.replace(/\[\]$/, '');
    const parameter = match.parameters.find((p) => p.in === 'query' && p.name === name);
    if (!parameter) {
      problems.push(`query parameter "${key}" is not declared`);
      continue;
    }
    const allowed = parameter.schema?.enum ?? parameter.schema?.items?.enum;
    if (allowed && !allowed.includes(value)) {
      problems.push(`query parameter "${key}=${value}" is not one of ${allowed.join(', ')}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`${match.method} ${match.path}: ${problems.join('; ')}`);
  }
}

/** E.g. `label: /records/0/id must be integer (schema #/components/schemas/basic_post/…/type)` */
const describeErrors = (label: string, errors: ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map((error) => {
    const owner = error.parentSchema && schemaPointers.get(error.parentSchema);
    const where = owner ? `${owner}/${error.keyword}` : error.schemaPath;
    return `${label}: ${error.instancePath || '(root)'} ${error.message} (schema ${where})`;
  });

const isEmpty = (body: unknown): boolean => body === null || body === undefined || body === '';

/** Checks a 4xx/5xx body against the spec's standard error schema. */
function validateErrorBody(label: string, body: unknown, messages?: unknown[]): string[] {
  const validate = validatorFor('#error', { $ref: '#/components/schemas/error' }, '(error)');
  const errors = validate(body) ? [] : describeErrors(label, validate.errors);
  const record = (body ?? {}) as { success?: unknown; message?: unknown };
  if (record.success !== false) errors.push(`${label}: success is not false`);
  if (typeof record.message !== 'string') errors.push(`${label}: message is not a string`);
  if (messages && !messages.includes(record.message)) {
    errors.push(`${label}: message ${JSON.stringify(record.message)} is not one the spec lists`);
  }
  return errors;
}

/**
 * Validates a response against the document; returns readable errors naming the route, the
 * instance path and the schema path. Statuses the operation does not document are accepted
 * only as 4xx with the standard error body (e.g. the 404s and 422s Circle sends everywhere).
 */
export function validateResponse(
  method: string,
  url: string,
  status: number,
  body: unknown,
): string[] {
  const match = matchOperation(method, url);
  if (typeof match === 'string') return [match];

  const label = `${match.method} ${match.path} → ${status}`;
  const response = match.operation.responses[String(status)];
  if (!response) {
    if (status >= 400) {
      return validateErrorBody(
        `${label} (undocumented; checked as #/components/schemas/error)`,
        body,
      );
    }
    const documented = Object.keys(match.operation.responses).join(', ');
    return [`${label}: status not documented (documented: ${documented})`];
  }

  const media = response.content?.['application/json'];
  if (status === 204) return isEmpty(body) ? [] : [`${label}: a 204 must have no body`];
  if (media?.schema) {
    const key = `${match.method} ${match.path} ${status}`;
    const escapedPath = match.path.replace(/~/g, '~0').replace(/\//g, '~1');
    const operation = `#/paths/${escapedPath}/${match.method.toLowerCase()}`;
    const pointer = `${operation}/responses/${status}/content/application~1json/schema`;
    const validate = validatorFor(key, media.schema, pointer);
    return validate(body) ? [] : describeErrors(label, validate.errors);
  }

  const examples = Object.values(media?.examples ?? {}).map((example) => example.value);
  if (status >= 400) {
    const messages = examples.map((example) => (example as { message?: unknown })?.message);
    return validateErrorBody(label, body, status === 401 ? messages : undefined);
  }
  // The spec shows bodiless answers as an example whose value is null or missing.
  if (examples.length > 0 && examples.every((example) => example == null)) {
    return isEmpty(body) ? [] : [`${label}: the spec shows no body, got ${JSON.stringify(body)}`];
  }
  return [];
}

/** Validates a value against one of `#/components/schemas`. */
export function validateSchema(name: string, value: unknown): string[] {
  const validate = validatorFor(`#${name}`, { $ref: `#/components/schemas/${name}` }, `(${name})`);
  return validate(value) ? [] : describeErrors(`#/components/schemas/${name}`, validate.errors);
}
