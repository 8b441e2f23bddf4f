import type { ForecastModelInput } from '../model/schema.ts';
import { withStarterSignals } from '../signals/starter-signals.ts';

/**
 * The built-in sample: a realistic top-down pipeline of 40 deals across the five stages of an
 * executive-led enterprise cycle, with costs. New users see a forecast from it at once.
 * Rows: id, account, amount, stage, stage entered, owner, executive sponsor role.
 */
const DEALS: [string, string, number, string, string, string, string][] = [
  ['D-1001', 'Northwind Logistics', 180_000, 'discovery', '2026-11-02', 'Maya Chen', 'CIO'],
  ['D-1002', 'Helios Energy', 420_000, 'discovery', '2026-10-21', 'Jon Alvarez', 'CTO'],
  ['D-1003', 'Bluefin Insurance', 260_000, 'discovery', '2026-11-12', 'Priya Nair', 'CISO'],
  ['D-1004', 'Cobalt Health Systems', 350_000, 'discovery', '2026-09-30', 'Sam Okafor', 'CIO'],
  ['D-1005', 'Arcadia Retail Group', 140_000, 'discovery', '2026-11-18', 'Maya Chen', 'VP Engineering'],
  ['D-1006', 'Granite Federal Credit Union', 210_000, 'discovery', '2026-10-08', 'Lena Fischer', 'CISO'],
  ['D-1007', 'Vantage Telecom', 600_000, 'discovery', '2026-11-16', 'Jon Alvarez', 'CTO'],
  ['D-1008', 'Orchid Biotech', 120_000, 'discovery', '2026-10-27', 'Priya Nair', 'VP Engineering'],
  ['D-1009', 'Summit Airlines', 480_000, 'discovery', '2026-11-20', 'Sam Okafor', 'CIO'],
  ['D-1010', 'Keystone Manufacturing', 230_000, 'discovery', '2026-10-14', 'Lena Fischer', 'CTO'],
  ['D-1011', 'Meridian Bank', 750_000, 'exec-presentation', '2026-10-19', 'Jon Alvarez', 'CIO'],
  ['D-1012', 'Polaris Media', 160_000, 'exec-presentation', '2026-11-05', 'Maya Chen', 'CTO'],
  ['D-1013', 'Redwood Pharmaceuticals', 390_000, 'exec-presentation', '2026-09-24', 'Priya Nair', 'CISO'],
  ['D-1014', 'Tidewater Shipping', 220_000, 'exec-presentation', '2026-11-10', 'Sam Okafor', 'VP Engineering'],
  ['D-1015', 'Quantum Payments', 510_000, 'exec-presentation', '2026-10-30', 'Lena Fischer', 'CTO'],
  ['D-1016', 'Evergreen Utilities', 280_000, 'exec-presentation', '2026-10-02', 'Maya Chen', 'CIO'],
  ['D-1017', 'Apex Semiconductors', 640_000, 'exec-presentation', '2026-11-17', 'Jon Alvarez', 'VP Engineering'],
  ['D-1018', 'Harborview Hospitals', 310_000, 'exec-presentation', '2026-10-23', 'Sam Okafor', 'CISO'],
  ['D-1019', 'Acme Corp', 250_000, 'pilot', '2026-10-02', 'Priya Nair', 'CTO'],
  ['D-1020', 'Lumen Analytics', 190_000, 'pilot', '2026-11-09', 'Maya Chen', 'VP Engineering'],
  ['D-1021', 'Stratus Cloud Services', 820_000, 'pilot', '2026-09-15', 'Jon Alvarez', 'CTO'],
  ['D-1022', 'Pinnacle Insurance', 450_000, 'pilot', '2026-10-20', 'Lena Fischer', 'CISO'],
  ['D-1023', 'Cascade Foods', 170_000, 'pilot', '2026-08-28', 'Sam Okafor', 'CIO'],
  ['D-1024', 'Ironclad Defense Systems', 960_000, 'pilot', '2026-10-12', 'Jon Alvarez', 'CISO'],
  ['D-1025', 'Silverline Brokerage', 330_000, 'pilot', '2026-11-03', 'Priya Nair', 'CTO'],
  ['D-1026', 'Beacon Education', 130_000, 'pilot', '2026-09-29', 'Maya Chen', 'CIO'],
  ['D-1027', 'Falcon Automotive', 540_000, 'pilot', '2026-10-26', 'Lena Fischer', 'VP Engineering'],
  ['D-1028', 'Crescent Hotels', 200_000, 'security', '2026-11-06', 'Sam Okafor', 'CISO'],
  ['D-1029', 'Atlas Reinsurance', 680_000, 'security', '2026-10-22', 'Jon Alvarez', 'CISO'],
  ['D-1030', 'Nimbus Software', 240_000, 'security', '2026-11-13', 'Maya Chen', 'CTO'],
  ['D-1031', 'Sterling Wealth', 370_000, 'security', '2026-10-05', 'Priya Nair', 'CIO'],
  ['D-1032', 'Orion Space Systems', 890_000, 'security', '2026-11-01', 'Lena Fischer', 'VP Engineering'],
  ['D-1033', 'Willow Health Plans', 290_000, 'security', '2026-09-18', 'Sam Okafor', 'CISO'],
  ['D-1034', 'Monarch Retail', 160_000, 'procurement', '2026-11-11', 'Maya Chen', 'CIO'],
  ['D-1035', 'Zenith Financial', 1_200_000, 'procurement', '2026-10-28', 'Jon Alvarez', 'CTO'],
  ['D-1036', 'Copperleaf Mining', 310_000, 'procurement', '2026-11-19', 'Lena Fischer', 'CIO'],
  ['D-1037', 'Riverstone Logistics', 260_000, 'procurement', '2026-10-09', 'Priya Nair', 'VP Engineering'],
  ['D-1038', 'Sentinel Cyber', 430_000, 'procurement', '2026-11-04', 'Sam Okafor', 'CISO'],
  ['D-1039', 'Everest Capital', 720_000, 'procurement', '2026-09-21', 'Jon Alvarez', 'CIO'],
  ['D-1040', 'Lighthouse Media', 150_000, 'procurement', '2026-11-15', 'Maya Chen', 'CTO'],
];

/** With the starter signals, at odds ratio 1 until the VP sets them: they change no forecast yet. */
export const SAMPLE_WORKSPACE: ForecastModelInput = withStarterSignals({
  version: 1,
  name: 'Sample: enterprise pipeline',
  asOf: '2026-11-23',
  fiscalYearStartMonth: 2,
  horizonQuarters: 6,
  currency: 'USD',
  stages: [
    { id: 'discovery', name: 'Discovery', conversion: 0.55, conversionSampleSize: 60, duration: { median: 21, p90: 60 }, costPerDay: 120, entryCost: 0 },
    { id: 'exec-presentation', name: 'Executive presentation', conversion: 0.65, conversionSampleSize: 45, duration: { median: 30, p90: 75 }, costPerDay: 180, entryCost: 4_000 },
    { id: 'pilot', name: 'Proof of concept', conversion: 0.6, conversionSampleSize: 40, duration: { median: 45, p90: 110 }, costPerDay: 450, entryCost: 15_000 },
    { id: 'security', name: 'Security and compliance review', conversion: 0.85, conversionSampleSize: 30, duration: { median: 28, p90: 80 }, costPerDay: 90, entryCost: 2_000 },
    { id: 'procurement', name: 'Procurement and legal', conversion: 0.9, conversionSampleSize: 30, duration: { median: 35, p90: 100 }, costPerDay: 60, entryCost: 1_000 },
  ],
  deals: DEALS.map(([id, name, amount, stage, stageEnteredOn, owner, sponsorRole]) => ({
    id,
    name,
    amount,
    stage,
    stageEnteredOn,
    owner,
    sponsorRole,
  })),
  newPipeline: { dealsPerMonth: 4, amount: { median: 150_000, p90: 450_000 } },
  targets: {
    '2026-11-01': 4_000_000,
    '2027-02-01': 3_500_000,
    '2027-05-01': 2_500_000,
    '2027-08-01': 2_500_000,
  },
});
