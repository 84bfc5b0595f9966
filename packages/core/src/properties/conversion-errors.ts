import { PropertyConversionError } from '../errors';
import type { ConversionContext } from './property-type';

export function deflateError(context: ConversionContext, message: string): PropertyConversionError {
  return new PropertyConversionError(context.model, context.field, message, 'deflate');
}

export function inflateError(context: ConversionContext, message: string): PropertyConversionError {
  return new PropertyConversionError(context.model, context.field, message, 'inflate');
}

/** Deflate refuses whatever validate refuses, so a value that skipped validation still never reaches Neo4j. */
export function assertValid(problems: readonly string[], context: ConversionContext): void {
  if (problems.length > 0) throw deflateError(context, problems.join('; '));
}
