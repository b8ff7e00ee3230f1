/** Public surface of the analysis for the thematic implementation report: sources, model, tables, exports. */
export { analyse, type AnalyseOptions } from './aggregate';
export { CONSENT_ITEM, SUMMARY_ITEM, consentOf, useOf, type Consent, type Use } from './consent';
export { folderSource, listBundles, type FolderSkip, type FolderSourceOptions } from './folder-source';
export { createAnalysisLabels, type AnalysisLabels } from './labels';
export type * from './model';
export { REGIONAL_GROUPS, REGIONAL_GROUPS_SOURCE, isRegionalGroup, regionalGroupOf, type RegionalGroup } from './regional-groups';
export { checklistVersions, formatOf, prepareReport, tableIds, writeReport, type PreparedReport, type ReportFormat, type ReportRequest, type WriteOptions } from './report';
export { currentSubmissions, memorySource, type SourcedSubmission, type SubmissionSource } from './source';
export { buildTables, isPerCountry, type ExportTable, type ExportColumn, type ColumnKind } from './tables';
export { compareVersions, mapAnswers, versionMap, type MappedAnswers, type NotCountedReason, type VersionMap } from './across-versions';
