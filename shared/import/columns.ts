/** The fields a pipeline import fills, and the CRM export headers that mean them. */
export const IMPORT_FIELDS = ['id', 'name', 'amount', 'stage', 'stageEnteredOn', 'createdOn', 'closeDate', 'owner', 'sponsorRole'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_LABELS: Record<ImportField, string> = {
  id: 'Deal id',
  name: 'Deal or account name',
  amount: 'Amount',
  stage: 'Stage',
  stageEnteredOn: 'Date entered current stage',
  createdOn: 'Created date',
  closeDate: 'CRM close date',
  owner: 'Owner',
  sponsorRole: 'Executive sponsor role',
};

export const REQUIRED_FIELDS: readonly ImportField[] = ['name', 'amount', 'stage'];

/** Headers of Salesforce opportunity reports and HubSpot deal exports, normalized. */
const ALIASES: Record<ImportField, string[]> = {
  id: ['opportunity id', 'opportunity id 18', 'deal id', 'record id', 'id', 'crm id'],
  name: ['opportunity name', 'deal name', 'name', 'opportunity', 'deal', 'account name'],
  amount: ['amount', 'deal amount', 'amount converted', 'opportunity amount', 'total contract value', 'acv', 'tcv'],
  stage: ['stage', 'deal stage', 'opportunity stage', 'stage name', 'pipeline stage'],
  stageEnteredOn: ['last stage change date', 'stage change date', 'date entered current stage', 'stage entered', 'stage date', 'last stage change'],
  createdOn: ['created date', 'create date', 'created', 'date created', 'created on'],
  closeDate: ['close date', 'expected close date', 'closing date'],
  owner: ['opportunity owner', 'deal owner', 'owner', 'owner name', 'account owner', 'sales rep'],
  sponsorRole: ['executive sponsor', 'executive sponsor role', 'sponsor role', 'economic buyer', 'sponsor'],
};

export const normalizeHeader = (header: string): string =>
  header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export type ColumnMapping = Partial<Record<ImportField, number>>;

/** The column for each field, by exact alias first, then by an alias the header contains. */
export function guessColumns(headers: readonly string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const exact of [true, false]) {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      const index = normalized.findIndex((h, i) => !taken.has(i) && ALIASES[field].some((a) => (exact ? h === a : h.includes(a) && a.length > 3)));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
      }
    }
  }
  return mapping;
}
