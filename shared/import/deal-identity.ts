import { keyOfText } from '../engine/random.ts';
import { SALESFORCE_OPPORTUNITY_ID } from './columns.ts';

/**
 * Deal ids for an import. With the CRM's id column, its ids. Without one (the default of most
 * Salesforce report types), an id made from what identifies an opportunity in the CRM, its account,
 * name and created date: the same row gets the same id in next week's export, so a merge updates it.
 * Rows that share all three get a counter (-2, -3, …) in file order; nothing is dropped for sharing a name.
 */
export function contentId(account: string, name: string, createdOn: string): string {
  const text = `${account}\u0001${name}\u0001${createdOn}`;
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `CSV-${hex(keyOfText(text))}${hex(keyOfText(`${text}\u0002`)).slice(0, 4)}`;
}

/** Makes content ids unique in file order: the second "Acme - Renewal" of the same day is "…-2". */
export class ContentIdCounter {
  private readonly counts = new Map<string, number>();

  next(base: string): string {
    const count = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  }
}

/**
 * The key two ids are matched on when merging: a Salesforce id's first 15 characters (the 18-character
 * form only adds a checksum of their letter case), any other id as it is.
 */
export const mergeKey = (id: string): string => (SALESFORCE_OPPORTUNITY_ID.test(id) ? id.slice(0, 15) : id);
