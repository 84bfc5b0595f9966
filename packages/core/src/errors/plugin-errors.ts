import { CartographError } from './cartograph-error';

/** A multi-tenant model was queried or created outside `runWithTenant(...)`. */
export class TenantContextError extends CartographError {
  constructor(readonly model: string) {
    super(
      'NO_TENANT',
      `${model} is multi-tenant: run the query inside runWithTenant(tenant, () => ...) so Cartograph knows whose data to read or write.`,
    );
  }
}
