/** Moving a draft to another version of its checklist: preview, conversion, kept answers. */
export { planMove, type MovePlan, type PreviewEntry, type PreviewKind, type AnswerOutcome } from './plan';
export { applyMove, moveDraft, type MoveResult } from './move';
export { applyConversion, applyEntry, canonicalText, type Converted } from './convert';
export { fateOf, changedLanguages, optionsChanged, type ItemFate } from './item-map';
