/**
 * A device's card payment: the payment API ({@code POST /api/device/v1/payments}, and reading back, refunding or
 * voiding a payment through {@code SalesService}), the request's rules, the card checks, and {@link
 * id.lapak.billing.sale.payment.PaymentService}, which records the sale and authorizes it at the acquirer exactly once
 * per idempotency key, online or as an offline upload.
 */
package id.lapak.billing.sale.payment;
