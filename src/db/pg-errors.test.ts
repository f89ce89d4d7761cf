import { describe, expect, it } from 'vitest';
import { databaseTrouble, loggableDbError } from './pg-errors.ts';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('databaseTrouble', () => {
  it('calls a refused, reset or shut-down connection unavailable', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001']) {
      expect(databaseTrouble(pgError(code)), code).toBe('unavailable');
    }
    expect(databaseTrouble(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(databaseTrouble(new Error('timeout exceeded when trying to connect'))).toBe('unavailable');
    expect(databaseTrouble(new AggregateError([pgError('ECONNREFUSED')], ''))).toBe('unavailable');
  });

  it('calls a statement or lock timeout busy', () => {
    expect(databaseTrouble(pgError('57014'))).toBe('busy');
    expect(databaseTrouble(pgError('55P03'))).toBe('busy');
  });

  it('leaves every other failure alone', () => {
    for (const err of [pgError('23505'), pgError('42P01'), new TypeError('x is undefined'), 'text', null, undefined]) {
      expect(databaseTrouble(err)).toBeUndefined();
    }
  });
});

describe('loggableDbError', () => {
  it('drops the client the pool attaches, keeping code and message', () => {
    const err = Object.assign(pgError('57P01', 'terminating connection'), { client: { huge: true } });
    expect(loggableDbError(err)).toMatchObject({ code: '57P01', message: 'terminating connection' });
    expect(loggableDbError(err)).not.toHaveProperty('client');
  });
});
