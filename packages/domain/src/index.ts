export * from './enums.ts';
export * from './dates.ts';
export * from './model.ts';
export * from './money.ts';
