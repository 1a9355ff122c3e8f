import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_PATH, SCHEMA_PATH, validatorSource } from '../../scripts/gen_validators';

describe('the precompiled scenario validators', () => {
  it('are generated from the current schema (run `pnpm gen` after changing scenario.schema.json)', () => {
    const expected = validatorSource(readFileSync(SCHEMA_PATH, 'utf8'));
    const committed = readFileSync(GENERATED_PATH, 'utf8');
    expect(committed === expected, 'scenario_validators.gen.ts is out of date: run `pnpm gen`').toBe(true);
  });

  it('compile nothing at run time and need no ajv', () => {
    const committed = readFileSync(GENERATED_PATH, 'utf8');
    expect(committed).not.toMatch(/new Function|\beval\(|require\(|from ['"]ajv/);
  });
});
