export * from './csv.ts';
export * from './outliers.ts';
export * from './fromJournal.ts';
