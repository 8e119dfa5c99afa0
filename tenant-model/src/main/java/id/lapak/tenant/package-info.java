/** Tenants: the merchants (companies) that use Lapak, their status and defaults. */
package id.lapak.tenant;
