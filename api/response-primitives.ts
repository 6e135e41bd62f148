/** The small zod building blocks every response schema shares (times, days, cents, links). */
import { z } from 'zod';

export const isoTime = z.iso.datetime().meta({ example: '2026-11-20T14:03:00.000Z' });
export const day = z.iso.date().meta({ example: '2026-11-20' });
export const cents = z.number().int().meta({ description: 'US cents' });
export const links = z.record(z.string(), z.string()).meta({ description: 'Related resources by name (relative URLs)' });
