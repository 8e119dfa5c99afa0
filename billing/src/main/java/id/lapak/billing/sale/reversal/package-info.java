/**
 * Money going back after an authorization: {@link id.lapak.billing.sale.reversal.Reversals} asks the acquirer to
 * reverse an authorization whose answer never arrived (for the payment path and the {@link
 * id.lapak.billing.sale.reversal.ReversalSweeper} job that resolves sales whose reversal was never confirmed), and
 * {@link id.lapak.billing.sale.reversal.Chargebacks} records the acquirer's chargebacks on sales.
 */
package id.lapak.billing.sale.reversal;
