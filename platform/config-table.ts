/**
 * The README's configuration table, written from the configuration schema (platform/config.ts):
 * `npm run docs:config` puts it between the markers, and a test fails when the README's table
 * is not the one the schema gives.
 */
import { z } from 'zod';
import { environmentSchema } from './config.ts';

export const CONFIG_TABLE_START = '<!-- config-table:start (npm run docs:config writes this table from platform/config.ts) -->';
export const CONFIG_TABLE_END = '<!-- config-table:end -->';

interface VariableDoc {
  description?: string;
  unset?: string;
  default?: unknown;
}

/** The Markdown table: one row per environment variable, in the schema's order. */
export function renderConfigTable(): string {
  const schema = z.toJSONSchema(environmentSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, VariableDoc> };
  const rows = Object.entries(schema.properties).map(([name, doc]) => {
    const fallback = doc.unset !== undefined ? `unset: ${doc.unset}` : doc.default !== undefined ? `\`${String(doc.default)}\`` : 'unset';
    const cell = (value: string) => value.replaceAll('|', '\\|');
    return `| \`${name}\` | ${cell(fallback)} | ${cell(doc.description ?? '')} |`;
  });
  return ['| Variable | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The README with the table between the markers replaced; throws when the markers are missing. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(CONFIG_TABLE_START);
  const end = readme.indexOf(CONFIG_TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${CONFIG_TABLE_START} ... ${CONFIG_TABLE_END}`);
  return `${readme.slice(0, start + CONFIG_TABLE_START.length)}\n${renderConfigTable()}\n${readme.slice(end)}`;
}
