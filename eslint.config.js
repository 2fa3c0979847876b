import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests read JSON replies whose shape they assert on.
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Storage stays in packages/db: routes validate, call a use case and map its result; use
    // cases decide and call the repositories there. Tests may open a database themselves.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['better-sqlite3', 'kysely', 'pg'].map((name) => ({
            name,
            message: 'SQL lives in packages/db: call or add a repository function there.',
          })),
        },
      ],
      // A transaction in a use-case context is handed on to repositories, never given SQL text.
      'no-restricted-syntax': [
        'error',
        ...["[callee.object.name='tx']", "[callee.object.property.name='tx']"].map((on) => ({
          selector: `CallExpression${on}[callee.property.name=/^(run|get|all)$/]`,
          message: 'SQL lives in packages/db: pass the transaction to a repository function there.',
        })),
      ],
    },
  },
);
