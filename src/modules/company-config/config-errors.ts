import { Compile } from 'typebox/compile';
import { AppError, type ErrorCode } from '../../errors.ts';
import { CompanyConfigDocument } from './company-config.schemas.ts';

/**
 * Errors of the configuration document name the offending field by its path from the
 * document's root, as a person reads it: `booking.services[2].durationMinutes`. Every one
 * carries `details.field` (the first) and, when there are several, `details.fields`.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

const MAX_REPORTED = 50;
// Compiled once, on first use: a document with 5,000 knowledge entries checks in milliseconds.
const compileDocument = () => Compile(CompanyConfigDocument);
let validator: ReturnType<typeof compileDocument> | undefined;

/** '/booking/services/2/name' → 'booking.services[2].name'; the root is 'document'. */
export function pathOf(pointer: string): string {
  const path = pointer.split('/').slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out === '' ? s : `${out}.${s}`), '');
  return path === '' ? 'document' : path;
}

const join = (parent: string, child: string) => (parent === 'document' ? child : child.startsWith('[') ? `${parent}${child}` : `${parent}.${child}`);

export function rejected(problems: FieldProblem[], code: ErrorCode = 'VALIDATION_FAILED'): AppError {
  const shown = problems.slice(0, MAX_REPORTED);
  return new AppError(code, shown.map((p) => `${p.field} ${p.message}`).join('; '), { field: shown[0]!.field, fields: shown });
}

export const invalidAt = (field: string, message: string, code: ErrorCode = 'VALIDATION_FAILED') => rejected([{ field, message }], code);

/**
 * The document's shape, checked against its schema: one problem per place, the most specific
 * (a problem inside an object hides the object's own; of a choice of forms, the summary).
 */
export function shapeProblems(doc: unknown): FieldProblem[] {
  const check = (validator ??= compileDocument());
  if (check.Check(doc)) return [];
  const found: { path: string; message: string; summary?: boolean; type?: string }[] = [];
  for (const e of check.Errors(doc)) {
    const params = e.params as { requiredProperties?: string[]; additionalProperties?: string[]; type?: string };
    if (e.keyword === 'boolean') continue; // repeats its additionalProperties error
    const at = pathOf(e.instancePath);
    if (params.requiredProperties) found.push(...params.requiredProperties.map((p) => ({ path: join(at, p), message: 'is required' })));
    else if (params.additionalProperties) found.push(...params.additionalProperties.map((p) => ({ path: join(at, p), message: 'is not an allowed property' })));
    else found.push({ path: at, message: e.message, summary: e.keyword === 'anyOf', ...(e.keyword === 'type' ? { type: params.type } : {}) });
  }
  const paths = found.map((f) => f.path);
  const deeper = (p: string) => paths.some((q) => q !== p && (q.startsWith(`${p}.`) || q.startsWith(`${p}[`)));
  const byPath = new Map<string, FieldProblem>();
  for (const f of found) {
    if (byPath.has(f.path) || deeper(f.path)) continue;
    const here = found.filter((g) => g.path === f.path);
    const choice = here.some((g) => g.summary);
    const types = here.filter((g) => g.type).map((g) => g.type);
    const message = !choice ? f.message : types.length === here.length - 1 ? `must be ${types.join(' or ')}` : 'is not one of the allowed forms';
    byPath.set(f.path, { field: f.path, message });
  }
  return [...byPath.values()];
}

/**
 * A module's error, whose fields are named relative to where its part sits in the document
 * (`weeklyHours.monday[0].start` under `booking.settings`), named from the root instead.
 */
export function relocated(err: AppError, prefix: string): AppError {
  const details = err.details ?? {};
  const move = (f: string) => (f === '' ? prefix : f.startsWith('[') ? `${prefix}${f}` : `${prefix}.${f}`);
  const fields = Array.isArray(details.fields) ? (details.fields as FieldProblem[]).map((p) => ({ ...p, field: move(p.field) })) : undefined;
  const own = typeof details.field === 'string' ? details.field : undefined;
  const field = own !== undefined ? move(own) : (fields?.[0]?.field ?? prefix);
  const message = own !== undefined && err.message.startsWith(own) ? `${field}${err.message.slice(own.length)}`
    : fields ? fields.map((f) => `${f.field} ${f.message}`).join('; ')
      : `${field}: ${err.message}`;
  return new AppError(err.code, message, { ...details, field, ...(fields ? { fields } : {}) });
}

/** Runs a module's check of one part of the document; its errors name fields from the root. */
export function within<T>(prefix: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    throw err instanceof AppError ? relocated(err, prefix) : err;
  }
}

/** An error that names its fields from the root already, given `details.field` when it has only `fields`. */
export function named(err: unknown): unknown {
  if (!(err instanceof AppError) || typeof err.details?.field === 'string') return err;
  const fields = err.details?.fields as FieldProblem[] | undefined;
  if (!fields?.[0]) return err;
  return new AppError(err.code, err.message, { ...err.details, field: fields[0].field });
}
