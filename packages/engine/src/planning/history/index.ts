export * from './csv.ts';
export * from './outliers.ts';
