// The test runner sends a failed assertion's `actual` and `expected` to Node through
// structuredClone, which throws on a DOM node or a function: the page then never reports, and the
// whole file times out minutes later with no message. This plugin turns such values into text
// before the failure leaves chai, so `expect(button).to.equal(null)` fails the way `1 === 2` does.
// test-runner-html loads it on every test page, ahead of the test file, which is why it takes
// chai from the bundle @open-wc/testing re-exports: importing @open-wc/testing itself before
// mocha exists would skip its fixture clean-up hook for the whole page.
import { Assertion } from '@esm-bundle/chai';

function describeValue(value: unknown): unknown {
  if (value instanceof Element) return value.outerHTML.slice(0, 500);
  if (value instanceof Node) return `${value.nodeName}: ${(value.textContent ?? '').slice(0, 200)}`;
  try {
    structuredClone(value);
    return value;
  } catch {
    return String(value);
  }
}

const assert = Assertion.prototype.assert;
Assertion.prototype.assert = function (...args: Parameters<typeof assert>) {
  try {
    assert.apply(this, args);
  } catch (error) {
    const failure = error as { actual?: unknown; expected?: unknown };
    failure.actual = describeValue(failure.actual);
    failure.expected = describeValue(failure.expected);
    throw error;
  }
};
