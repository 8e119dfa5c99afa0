/**
 * The current tenant: one holder, the Hibernate resolver, the per-transaction PostgreSQL setting that row-level
 * security reads, and the single named path for work across tenants.
 */
package id.lapak.tenant.context;
