import type { BookedDeal, Deal, ForecastModel } from '../model/schema.ts';
import { mergeKey } from './deal-identity.ts';
import type { ImportPreview } from './pipeline-import.ts';

/**
 * What a merge does with an imported deal that has the name of a deal already in the workspace under
 * another id (a workspace started by hand or from another CRM, whose ids the export does not know):
 * update that deal, keeping its id, or add the imported one beside it.
 */
export type SameNameChoice = 'match-by-name' | 'keep-both';

/** A deal of the workspace or of the file: open (in a stage), booked, or (in the file only) closed lost. */
export type DealOnEitherSide = { kind: 'open'; deal: Deal } | { kind: 'booked'; deal: BookedDeal } | { kind: 'lost'; deal: BookedDeal };

/** An imported deal and the one deal of the workspace with its name, under a different id. */
export interface SameNamePair {
  existing: DealOnEitherSide;
  imported: DealOnEitherSide;
}

/**
 * A name that more than one deal carries on one side: which imported deal is which existing one cannot
 * be told, so none of them is matched by name, and the preview says so.
 */
export interface SharedName {
  name: string;
  inWorkspace: number;
  inFile: number;
}

export interface SameNameReview {
  pairs: SameNamePair[];
  shared: SharedName[];
}

/** Names as a person reads them: "Orion Space Systems", " orion  space systems" and "ORION SPACE SYSTEMS" are one. */
export const nameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

const open = (deal: Deal): DealOnEitherSide => ({ kind: 'open', deal });
const booked = (deal: BookedDeal): DealOnEitherSide => ({ kind: 'booked', deal });
const lost = (deal: BookedDeal): DealOnEitherSide => ({ kind: 'lost', deal });

function byName(deals: readonly DealOnEitherSide[]): Map<string, DealOnEitherSide[]> {
  const groups = new Map<string, DealOnEitherSide[]>();
  for (const side of deals) {
    const key = nameKey(side.deal.name);
    groups.set(key, [...(groups.get(key) ?? []), side]);
  }
  return groups;
}

/**
 * The imported deals a merge by id would add beside a deal of the workspace with the same name: pairs
 * of one imported deal and one existing deal, and the names too many deals share to pair them.
 * Deals whose id the other side knows are merged by id and left out of this. An imported open deal
 * is paired with an open deal; an imported booked deal with an open deal (won since the last export)
 * or a booked one; a closed-lost row with an open deal (lost since), so that deal leaves the pipeline
 * as lost instead of staying open beside it. An open deal named like a booked one is a new deal (a
 * renewal, an expansion).
 */
export function findSameNameDeals(model: ForecastModel, preview: ImportPreview): SameNameReview {
  const idsInFile = new Set([...preview.deals, ...preview.booked, ...preview.lost].map((d) => mergeKey(d.id)));
  const idsInWorkspace = new Set([...model.deals, ...(model.closedWon ?? [])].map((d) => mergeKey(d.id)));
  const existing = byName([...model.deals.map(open), ...(model.closedWon ?? []).map(booked)].filter((s) => !idsInFile.has(mergeKey(s.deal.id))));
  const imported = byName([...preview.deals.map(open), ...preview.booked.map(booked), ...preview.lost.map(lost)].filter((s) => !idsInWorkspace.has(mergeKey(s.deal.id))));

  const pairs: SameNamePair[] = [];
  const shared: SharedName[] = [];
  for (const [key, inFile] of imported) {
    const first = inFile[0];
    if (!first) continue;
    const candidates = (side: DealOnEitherSide) => (existing.get(key) ?? []).filter((e) => side.kind === 'booked' || e.kind === 'open');
    const inWorkspace = new Set(inFile.flatMap(candidates));
    if (inWorkspace.size === 0) continue;
    const only = [...inWorkspace][0];
    if (inFile.length === 1 && inWorkspace.size === 1 && only) pairs.push({ existing: only, imported: first });
    else shared.push({ name: first.deal.name, inWorkspace: inWorkspace.size, inFile: inFile.length });
  }
  return { pairs, shared };
}

/** The preview with each paired imported deal under its existing deal's id, so a merge by id updates that deal. */
export function matchByName(preview: ImportPreview, pairs: readonly SameNamePair[]): ImportPreview {
  // Ids are unique across the file's rows (the import lists a repeated id), so one map serves open, booked and lost deals.
  const existingId = new Map(pairs.map((p) => [p.imported.deal.id, p.existing.deal.id]));
  const underExistingId = <T extends { id: string }>(deal: T): T => {
    const id = existingId.get(deal.id);
    return id === undefined ? deal : { ...deal, id };
  };
  return { ...preview, deals: preview.deals.map(underExistingId), booked: preview.booked.map(underExistingId), lost: preview.lost.map(underExistingId) };
}
