/**
 * Billing the tenants: the plans Lapak charges its merchants for the service, their usage in each tenant's own
 * month, invoices exactly once per tenant and period with PPN as its own line, corrections as notes, and collecting
 * (marked paid, reminders, suspension for non-payment, reactivation when paid).
 */
package id.lapak.billing.subscription;
