/**
 * The sale itself, as read and moved: its status and the one place its moves are decided ({@link
 * id.lapak.billing.sale.SaleStatus}), its row and timeline, and {@link id.lapak.billing.sale.SalesService}, the portal's
 * and the devices' security boundary for reading sales and moving money after authorization (search, totals, details
 * with the payment timeline, capture, void, refund, the tenant's capture setting). The row types ({@code SaleRow},
 * {@code SaleRows}, {@code NewOperation}) and {@code DeviceContexts} are public for the two feature packages built on
 * the sale: {@code payment} (a device's payment, exactly once) and {@code reversal} (unconfirmed reversals and
 * chargebacks).
 */
package id.lapak.billing.sale;
