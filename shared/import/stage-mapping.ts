import type { Stage } from '../model/schema.ts';
import { normalizeHeader } from './columns.ts';

/** A CRM stage mapped here is not an open deal (closed lost, or not used): its rows are left out. */
export const SKIP_STAGE = '';
/** A CRM stage mapped here is closed won: its rows are booked deals. "#" cannot start a stage id. */
export const BOOKED_STAGE = '#won';
const WON = /\bwon\b|\bbooked\b/;
const CLOSED = /\bclosed?\b|\blost\b|\bdisqualified\b|\bcancell?ed\b/;

/** Words that name each step of a top-down cycle, to map CRM stage names the first time. */
const STEP_WORDS: [RegExp, RegExp][] = [
  [/discover|qualif|prospect|intro|lead/, /discover/],
  [/exec|present|demo|pitch|briefing/, /exec|present|pitch/],
  [/proof|poc|pilot|trial|evaluat|technical/, /proof|poc|pilot|trial/],
  // Before the security words: "Negotiation/Review" is procurement, not a security review.
  [/procure|legal|negotiat|contract|commit|purchas/, /procure|legal|negotiat|contract/],
  [/secur|compliance|infosec|risk|review/, /secur|compliance|review/],
];

/**
 * Maps each CRM stage name to a model stage id (or SKIP_STAGE, BOOKED_STAGE): what the user chose last time for this
 * workspace first, then a stage with the same name or id, then the step of the cycle its words name.
 */
export function guessStageMapping(crmStages: readonly string[], stages: readonly Stage[], remembered: Readonly<Record<string, string>>): Record<string, string> {
  const ids = new Set(stages.map((s) => s.id));
  const mapping: Record<string, string> = {};
  for (const crm of crmStages) {
    const known = remembered[crm];
    if (known !== undefined && (known === SKIP_STAGE || known === BOOKED_STAGE || ids.has(known))) {
      mapping[crm] = known;
      continue;
    }
    const text = normalizeHeader(crm);
    const same = stages.find((s) => normalizeHeader(s.name) === text || normalizeHeader(s.id) === text);
    if (same) {
      mapping[crm] = same.id;
      continue;
    }
    if (WON.test(text)) {
      mapping[crm] = BOOKED_STAGE;
      continue;
    }
    if (CLOSED.test(text)) {
      mapping[crm] = SKIP_STAGE;
      continue;
    }
    const step = STEP_WORDS.find(([crmWords]) => crmWords.test(text));
    const target = step ? stages.find((s) => step[1].test(normalizeHeader(`${s.name} ${s.id}`))) : undefined;
    // No confident guess: left unmapped, so its rows are reported and the user chooses.
    if (target) mapping[crm] = target.id;
  }
  return mapping;
}
