// Ends a test run with one plain line, "N passed, N failed", that any CI can read.
export function summaryReporter() {
  let summary = '';

  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;

      const count = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        suite.suites.forEach(count);
      };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        // A file that failed to load has no results but must still count as a failure.
        else if (!session.passed) failed += 1;
      }

      summary = `${passed} passed, ${failed} failed, ${skipped} skipped`;
    },

    // Printed last, after the default reporter's own closing lines.
    stop() {
      if (summary) setTimeout(() => process.stdout.write(`${summary}\n`));
    },
  };
}
