/**
 * Spreadsheet formula neutralization, and its exact inverse for the importer.
 *
 * A spreadsheet runs a cell as a formula when it starts with = + - @ (or their full-width forms
 * ＝ ＋ － ＠), also after spaces, no-break spaces, zero-width characters or a byte order mark that it
 * skips, and some spreadsheets strip a leading tab or line break first. The exporter puts an apostrophe
 * before such text (spreadsheets show it as text). Text that already starts with apostrophes before
 * such a start gets one more, so the importer can remove exactly one and every text round-trips.
 */
// An alternation, not a character class: a zero-width joiner inside a class reads as a joined sequence.
const SKIPPED = '(?: |\\u00A0|\\u200B|\\u200C|\\u200D|\\u2060|\\uFEFF)';
const SIGN = '[=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\t]';
/** At the start of a cell a line break can also start a formula. */
const RISKY_START = new RegExp(`^(?='*${SKIPPED}*(?:${SIGN}|[\\r\\n]))`);
/** After a line break inside a quoted cell (the next line of a multi-line cell). */
const RISKY_LINE = new RegExp(`([\\r\\n])(?='*${SKIPPED}*${SIGN})`, 'g');
const NEUTRALIZED_START = new RegExp(`^'(?='*${SKIPPED}*(?:${SIGN}|[\\r\\n]))`);
const NEUTRALIZED_LINE = new RegExp(`([\\r\\n])'(?='*${SKIPPED}*${SIGN})`, 'g');

/** Makes text inert in spreadsheets: an apostrophe before anything a spreadsheet would run. */
export function neutralizeFormula(text: string): string {
  return text.replace(RISKY_LINE, "$1'").replace(RISKY_START, "'");
}

/** Removes exactly the apostrophes `neutralizeFormula` added (ours or another exporter's). */
export function unneutralizeFormula(cell: string): string {
  return cell.replace(NEUTRALIZED_START, '').replace(NEUTRALIZED_LINE, '$1');
}
