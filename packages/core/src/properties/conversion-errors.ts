import { type PropertyConversionError, PropertyDeflateError, PropertyInflateError } from '../errors';
import type { ConversionContext } from './property-type';

export function deflateError(context: ConversionContext, message: string): PropertyConversionError {
  return new PropertyDeflateError(context.model, context.field, message);
}

export function inflateError(context: ConversionContext, message: string): PropertyConversionError {
  return new PropertyInflateError(context.model, context.field, message);
}

/** Deflate refuses whatever validate refuses, so a value that skipped validation still never reaches Neo4j. */
export function assertValid(problems: readonly string[], context: ConversionContext): void {
  if (problems.length > 0) throw deflateError(context, problems.join('; '));
}
