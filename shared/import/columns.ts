/** The fields a pipeline import fills, and the CRM export headers that mean them. */
export const IMPORT_FIELDS = ['id', 'name', 'account', 'amount', 'stage', 'stageEnteredOn', 'createdOn', 'closeDate', 'probability', 'forecastCategory', 'owner', 'sponsorRole'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_LABELS: Record<ImportField, string> = {
  id: 'Deal id',
  name: 'Deal name',
  account: 'Account',
  amount: 'Amount',
  stage: 'Stage',
  stageEnteredOn: 'Date entered current stage',
  createdOn: 'Created date',
  closeDate: 'CRM close date',
  probability: 'CRM probability',
  forecastCategory: 'CRM forecast category',
  owner: 'Owner',
  sponsorRole: 'Executive sponsor role',
};

export const REQUIRED_FIELDS: readonly ImportField[] = ['name', 'amount', 'stage'];

/** Headers of Salesforce opportunity reports and HubSpot deal exports, normalized, most telling first. */
const ALIASES: Record<ImportField, string[]> = {
  id: ['opportunity id', 'opportunity id 18', 'opportunity id 15', '18 digit opportunity id', 'opportunity 18 digit id', 'case safe opportunity id', 'deal id', 'record id', 'hs object id', 'id', 'crm id'],
  // The deal's own name first: an account has many opportunities (renewals, expansions).
  name: ['opportunity name', 'deal name', 'opportunity', 'deal', 'name'],
  account: ['account name', 'account', 'company name', 'company', 'associated company'],
  amount: ['amount', 'deal amount', 'amount converted', 'opportunity amount', 'total contract value', 'acv', 'tcv'],
  stage: ['stage', 'deal stage', 'opportunity stage', 'stage name', 'pipeline stage'],
  stageEnteredOn: ['last stage change date', 'stage change date', 'date entered current stage', 'stage entered', 'stage date', 'last stage change'],
  createdOn: ['created date', 'create date', 'created', 'date created', 'created on'],
  closeDate: ['close date', 'expected close date', 'closing date'],
  probability: ['probability', 'probability %', 'deal probability', 'win probability'],
  forecastCategory: ['forecast category', 'forecast category name', 'hubspot forecast category'],
  owner: ['opportunity owner', 'deal owner', 'owner', 'owner name', 'account owner', 'sales rep'],
  sponsorRole: ['executive sponsor', 'executive sponsor role', 'sponsor role', 'economic buyer', 'sponsor'],
};

export const normalizeHeader = (header: string): string =>
  header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export type ColumnMapping = Partial<Record<ImportField, number>>;

/**
 * The column for each of `fields` from a table of header aliases (pipeline and history imports each
 * have theirs): by exact alias first, then by an alias the header contains (aliases of four letters
 * or more), aliases in their order of preference, each column used once. Columns in `taken` are
 * left alone.
 */
export function guessColumnsByAlias<F extends string>(headers: readonly string[], fields: readonly F[], aliases: Readonly<Record<F, readonly string[]>>, taken: ReadonlySet<number> = new Set()): Partial<Record<F, number>> {
  const normalized = headers.map(normalizeHeader);
  const mapping: Partial<Record<F, number>> = {};
  const used = new Set(taken);
  for (const exact of [true, false]) {
    for (const field of fields) {
      if (mapping[field] !== undefined) continue;
      for (const alias of aliases[field]) {
        const index = normalized.findIndex((h, i) => !used.has(i) && (exact ? h === alias : alias.length > 3 && h.includes(alias)));
        if (index < 0) continue;
        mapping[field] = index;
        used.add(index);
        break;
      }
    }
  }
  return mapping;
}

/**
 * The pipeline import's columns, by the CRM headers above. Without a column named like an id, a column
 * holding Salesforce opportunity ids (15 or 18 characters starting "006") is the id. Without a deal
 * name, the account name is the name too.
 */
export function guessColumns(headers: readonly string[], rows: readonly { cells: string[] }[] = []): ColumnMapping {
  const mapping: ColumnMapping = guessColumnsByAlias(headers, IMPORT_FIELDS, ALIASES);
  const taken = new Set(Object.values(mapping));
  if (mapping.id === undefined) {
    const index = headers.findIndex((_, i) => !taken.has(i) && holdsSalesforceIds(rows.map((r) => r.cells[i] ?? '')));
    if (index >= 0) mapping.id = index;
  }
  if (mapping.name === undefined && mapping.account !== undefined) mapping.name = mapping.account;
  return mapping;
}

/** Salesforce record ids: 15 characters (case-sensitive) or 18 (with a case checksum); "006" is an opportunity. */
export const SALESFORCE_OPPORTUNITY_ID = /^006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

const holdsSalesforceIds = (values: readonly string[]): boolean => {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((v) => SALESFORCE_OPPORTUNITY_ID.test(v));
};
