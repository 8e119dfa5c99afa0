/**
 * Sales and their payments: the device payment API (authorization exactly once per idempotency key, offline
 * uploads), and the portal's read and money-movement API ({@link id.lapak.billing.sale.SalesService}: search,
 * totals, details with the payment timeline, capture, void, refund, the tenant's capture setting), and the
 * {@link id.lapak.billing.sale.ReversalSweeper} job that resolves sales whose reversal was never confirmed.
 */
package id.lapak.billing.sale;
