/**
 * `value` as JSON text, the same on every page. Legacy libraries (prototype.js among them) give
 * Array.prototype a `toJSON` that returns a string, and JSON.stringify would then send each array
 * as a string: arrays are serialised from the array itself instead.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, converted: unknown) {
    const original = this[key];
    return Array.isArray(original) ? original : converted;
  });
}
