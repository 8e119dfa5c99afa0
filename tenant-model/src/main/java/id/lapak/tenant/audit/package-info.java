/** The tamper-evident audit log: who did what to which tenant's data, when and from where, hash-chained per tenant. */
package id.lapak.tenant.audit;
