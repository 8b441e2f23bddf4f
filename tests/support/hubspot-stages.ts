import { LOST, WON } from '../../shared/history/history-types.ts';

/** The sample's stages under the names a HubSpot deal-stage history export gives them, for generated fixtures. */
export const HUBSPOT_STAGE_NAMES: Record<string, string> = {
  discovery: 'Qualified To Buy',
  'exec-presentation': 'Presentation Scheduled',
  pilot: 'Technical Evaluation',
  security: 'Security Review',
  procurement: 'Contract Sent',
  [WON]: 'Closed Won',
  [LOST]: 'Closed Lost',
};

/** The stage columns of such an export, in cycle order, then won and lost. */
export const HUBSPOT_STAGE_COLUMNS = ['discovery', 'exec-presentation', 'pilot', 'security', 'procurement', WON, LOST];
