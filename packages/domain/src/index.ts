export * from './enums.ts';
export * from './dates.ts';
export * from './model.ts';
export * from './money.ts';
export * from './errors.ts';
export * from './api.ts';
export * from './api-outcomes.ts';
export * from './api-routeplanner.ts';
