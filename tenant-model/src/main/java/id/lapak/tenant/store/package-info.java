/** Stores: a tenant's physical outlets, each with its address, time zone, currency and tax settings. */
package id.lapak.tenant.store;
