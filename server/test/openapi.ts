/** Circle's Auth API OpenAPI document, compiled into validators for its bodies. */
import { readFileSync } from 'node:fs';

import AjvModule from 'ajv';
import type { ValidateFunction } from 'ajv';

const specUrl = new URL('../../../../shared/circle-api/auth-api.openapi.json', import.meta.url);

interface MediaType {
  schema?: object;
}
interface Operation {
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface OpenApiDocument {
  components: { schemas: Record<string, object> };
  paths: Record<string, Record<string, Operation>>;
}

export const authSpec = JSON.parse(readFileSync(specUrl, 'utf8')) as OpenApiDocument;

// ajv ships CommonJS; its class is the module's default export once loaded as ESM.
const ajv = new AjvModule.default({ allErrors: true, strict: false });
ajv.addSchema({ components: authSpec.components }, 'auth-api');

const cache = new Map<string, ValidateFunction | undefined>();

function compile(key: string, schema: object | undefined): ValidateFunction | undefined {
  if (!cache.has(key)) {
    // Local "#/components/..." references resolve against the whole document.
    const resolved = schema && JSON.parse(JSON.stringify(schema).replaceAll('"#/', '"auth-api#/'));
    cache.set(key, resolved ? ajv.compile(resolved as object) : undefined);
  }
  return cache.get(key);
}

function operation(method: string, path: string): Operation {
  const found = authSpec.paths[path]?.[method.toLowerCase()];
  if (!found) throw new Error(`The Auth API spec has no ${method} ${path}.`);
  return found;
}

/** Problems with a request body for `method path`, per the spec; empty when it conforms. */
export function requestBodyProblems(method: string, path: string, body: unknown): string[] {
  const schema = operation(method, path).requestBody?.content['application/json']?.schema;
  return problems(compile(`${method} ${path} request`, schema), body);
}

/**
 * Problems with a response body for `method path` answering `status`, per the spec; a status the
 * spec does not document is a problem too.
 */
export function responseBodyProblems(
  method: string,
  path: string,
  status: number,
  body: unknown,
): string[] {
  const response = operation(method, path).responses[String(status)];
  if (!response) return [`the spec documents no ${status} for ${method} ${path}`];

  const schema = response.content?.['application/json']?.schema;
  if (!schema) return body === undefined ? [] : [`${status} should have no body`];
  return problems(compile(`${method} ${path} ${status}`, schema), body);
}

function problems(validate: ValidateFunction | undefined, body: unknown): string[] {
  if (!validate || validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
}
