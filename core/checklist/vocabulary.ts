/**
 * Closed vocabularies shared by the pack, the draft and the rules: the implementation-status scale
 * and the reusable UNCAC-style block. Defined once here; packs only supply their translated labels.
 */
export const STATUS_VALUES = ['fully', 'partially', 'not_implemented', 'not_applicable', 'unknown'] as const;
export type ImplementationStatus = (typeof STATUS_VALUES)[number];

/** Typology of technical assistance needs (DESIGN.md, "The checklist"). */
export const ASSISTANCE_TYPES = [
  'policy_advice',
  'legislative_drafting',
  'capacity_building',
  'data_and_indicators',
  'safety_audits',
  'financing',
  'peer_exchange',
  'other',
] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];

/** Fields of the UNCAC-style compound, in display order; each has a translated label in the pack. */
export const UNCAC_FIELDS = [
  'status',
  'measures',
  'examples',
  'challenges',
  'assistanceNeeded',
  'assistanceTypes',
  'assistanceOther',
  'assistanceDetails',
  'assistanceReceived',
  'assistanceReceivedFrom',
] as const;
export type UncacField = (typeof UNCAC_FIELDS)[number];

export const ITEM_TYPES = [
  'status',
  'single',
  'multi',
  'text',
  'longtext',
  'number',
  'date',
  'yesno',
  'table',
  'evidence',
  'uncac',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const COLUMN_TYPES = ['text', 'number', 'date', 'single', 'yesno'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Stable item ids: a section letter, then dot-separated parts, e.g. `B.1`, `C.2.a`. */
export const ITEM_ID_PATTERN = /^[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;
/** Semantic version of a pack's content (`1.0.0`, `1.1.0-rc.1`). */
export const VERSION_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
/** Option, column and section ids: short machine names. */
export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
