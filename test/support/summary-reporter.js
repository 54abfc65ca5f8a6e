/**
 * Ends a Jest run with the plain line CI reads ("N passed, N failed"), which
 * Jest's own summary does not print in that form.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const label = process.env.TZ ? `TZ=${process.env.TZ}: ` : "";
    process.stdout.write(
      `\n${label}${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ""}\n`,
    );
  }
}

module.exports = SummaryReporter;
