/** The shared diff engine: changed items between two versions of answers, structured per item type. Pure (runs in the renderer too). */
export { jsonEqual, jsonKey } from './equal';
export { diffSequences, type EditRun } from './sequence';
export { diffText, wordTokens, type TextPart } from './text';
export { matchRows, isRow, type Row, type RowMatch, type RowPair } from './rows';
export {
  diffAnswer,
  diffRows,
  diffSet,
  type AnswerChange,
  type CellChange,
  type EvidenceChange,
  type FieldChange,
  type FieldsChange,
  type Link,
  type RowChange,
  type RowsChange,
  type SetChange,
  type TextChange,
  type ValueChange,
} from './item';
export { diffAnswers, diffItem, itemsInOrder, type Answers, type ItemDiff } from './answers';
