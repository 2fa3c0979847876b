import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The dashboard imports the engine; if any module it loads reached zod-openapi or Hono, the
// browser bundle would carry them (and the temptation to copy the engine would return).
const here = dirname(fileURLToPath(import.meta.url));
const DOMAIN = resolve(here, '../../domain/src');
const ENTRIES: Record<string, string> = {
  '@wegwijzer/domain/core': join(DOMAIN, 'core.ts'),
  '@wegwijzer/domain/values': join(DOMAIN, 'values.ts'),
  '@wegwijzer/domain/rules': join(DOMAIN, 'rules.ts'),
};

/** Every file and bare package the runtime imports of `entry` reach (type-only imports left out). */
function reach(entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+'([^']+)'/gms),
      ...source.matchAll(/^import\s+'([^']+)'/gm),
    ].map((m) => m[1]!);
    for (const s of specifiers) {
      if (s.startsWith('.')) visit(resolve(dirname(file), s));
      else if (ENTRIES[s]) visit(ENTRIES[s]);
      else packages.add(s);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
}

describe('the outcome engine', () => {
  it('loads no framework: no zod, no Hono, no domain schema module', () => {
    const { files, packages } = reach(join(here, 'index.ts'));
    expect(files.length).toBeGreaterThan(15);
    expect(packages.filter((p) => !p.startsWith('node:'))).toEqual([]);
    const schemaModules = files.filter(
      (f) => f.startsWith(DOMAIN) && /\/(api[^/]*|enums|dates)\.ts$/.test(f),
    );
    expect(schemaModules).toEqual([]);
  });

  it('reaches the shared rules through the domain core', () => {
    const { files } = reach(join(DOMAIN, 'core.ts'));
    expect(files).toContain(join(DOMAIN, 'rules.ts'));
    expect(reach(join(DOMAIN, 'core.ts')).packages).toEqual([]);
  });
});
