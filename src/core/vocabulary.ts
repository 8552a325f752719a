/**
 * The fixed vocabularies shared by banks (conditions) and workbooks (journeys, systems).
 * Pure data.
 */

export const CHANNELS = ['voice', 'chat', 'email', 'web', 'social', 'in-person', 'messaging', 'app'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DATA_CATEGORIES = [
  'contact-details',
  'account-credentials',
  'payment-data',
  'identity-documents',
  'health-data',
  'financial-data',
  'location',
  'children-data',
  'special-category',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const SYSTEM_KINDS = [
  'crm',
  'contact-centre',
  'help-desk',
  'marketing',
  'analytics',
  'workforce-quality',
  'identity',
  'storage',
  'ai-assistant',
  'outsourced-agents',
  'other',
] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

export const SENSITIVITIES = ['low', 'moderate', 'high'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** s(j) in the scoring model: low 1, moderate 2, high 3. */
export const SENSITIVITY_FACTOR: Record<Sensitivity, 1 | 2 | 3> = { low: 1, moderate: 2, high: 3 };

/** Data categories that make a journey high sensitivity on their own. */
const HIGH_CATEGORIES: ReadonlySet<DataCategory> = new Set([
  'payment-data',
  'identity-documents',
  'health-data',
  'children-data',
  'special-category',
  'account-credentials',
]);

/** The sensitivity suggested for a journey from the data categories it handles. */
export function suggestSensitivity(categories: readonly DataCategory[]): Sensitivity {
  if (categories.some((c) => HIGH_CATEGORIES.has(c))) return 'high';
  if (categories.some((c) => c === 'financial-data' || c === 'location')) return 'moderate';
  return 'low';
}
