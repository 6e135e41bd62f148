// The log never carries patient data: PHI field names are redacted at the top level and one level
// down, at every level, and the Temporal SDK's own messages go through the same redaction.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger, loggerOptions, REDACTED_FIELDS } from '../../platform/logger.ts';
import { temporalLogger } from '../../platform/temporal-runtime.ts';

function capture(level = 'debug') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== ''),
      );
      done();
    },
  });
  return {
    root: pino(loggerOptions(level), stream),
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => lines.join('\n'),
  };
}

const PATIENT = {
  firstName: 'Marguerite',
  lastName: 'Okonkwo-Vasquez',
  dateOfBirth: '1951-07-19',
  memberId: 'MBR-99887766',
  address: '17 Larkspur Lane',
  phone: '555-0142',
  notes: 'Patient reports chest pain radiating to the left arm',
};

describe('logger', () => {
  it('writes one JSON line with level name, component, message and the non-PHI fields', () => {
    const log = capture();
    createLogger('intake', log.root).info('encounter stored', { encounterId: 'enc-1', stage: 'coding' });
    const [record] = log.records();
    expect(record).toMatchObject({ level: 'info', component: 'intake', msg: 'encounter stored', encounterId: 'enc-1', stage: 'coding' });
    expect(typeof record?.['time']).toBe('string');
  });

  it('redacts PHI field names at the top level and one level down, at every level', () => {
    const log = capture();
    const logger = createLogger('worker', log.root);
    logger.debug('debug', { ...PATIENT, encounterId: 'enc-2' });
    logger.info('info', { patient: PATIENT });
    logger.warn('warn', { request: PATIENT });
    logger.error('error', { authorization: 'Bearer supervisor-demo', cookie: 'session=abc' });
    const text = log.text();
    for (const value of [...Object.values(PATIENT), 'supervisor-demo', 'session=abc']) expect(text).not.toContain(value);
    const [debug, info, warn, error] = log.records();
    expect(debug).toMatchObject({ firstName: '[redacted]', memberId: '[redacted]', notes: '[redacted]', encounterId: 'enc-2' });
    expect(info?.['patient']).toBe('[redacted]');
    expect(warn?.['request']).toMatchObject({ lastName: '[redacted]', dateOfBirth: '[redacted]', phone: '[redacted]' });
    expect(error).toMatchObject({ authorization: '[redacted]', cookie: '[redacted]' });
    expect(REDACTED_FIELDS).toContain('documentation');
  });

  it('writes nothing below its level', () => {
    const log = capture('warn');
    const logger = createLogger('api', log.root);
    logger.info('not written');
    logger.warn('written');
    expect(log.records().map((record) => record['msg'])).toEqual(['written']);
  });

  it('routes the Temporal SDK through the same redaction, and its webpack listing to debug', () => {
    const log = capture('info');
    const sdk = temporalLogger(log.root);
    sdk.warn('Activity failed', { activityType: 'codeEncounter', attempt: 2, patient: PATIENT, input: { memberId: PATIENT.memberId } });
    sdk.info('asset workflow-bundle.js 1.2 MiB [emitted]\nwebpack 5.101.3 compiled successfully in 2345 ms');
    sdk.info('Worker state changed', { state: 'RUNNING' });
    const text = log.text();
    expect(text).not.toContain(PATIENT.firstName);
    expect(text).not.toContain(PATIENT.memberId);
    expect(text).not.toContain('webpack');
    expect(log.records()).toMatchObject([
      { level: 'warn', component: 'temporal', msg: 'Activity failed', activityType: 'codeEncounter', patient: '[redacted]' },
      { level: 'info', component: 'temporal', msg: 'Worker state changed', state: 'RUNNING' },
    ]);
  });
});
