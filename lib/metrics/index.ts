/** Pure analytics for the dashboard and the report CLI: no Dexie, no DOM, no zod. */
export * from './cost';
export * from './engagement';
export * from './funnel';
export * from './money';
export * from './report';
export * from './stats';
export * from './suggest';
export * from './time';
