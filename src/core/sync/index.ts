// Merging what a sync tool left when two computers edited the same file: pure, deterministic.
export { parseConflictName, isConflictName, type ConflictName } from './conflict-name'
export { mergeRecord, laterOf, MERGE_AUTHOR, type Side, type Settled, type Added, type RecordMerge } from './merge-record'
export { mergeCases, secondVersionId, SECOND_VERSION_PREFIX, type CaseMerge, type KeptVersions } from './merge-case'
export { mergeShards, type ShardMerge } from './merge-shard'
export { canonical, sameValue } from './keys'
