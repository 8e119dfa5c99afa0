/**
 * The Sales pages: a lazy, filterable list of the tenant's sales with totals, one sale with its lines, payment
 * timeline and refunds, and its receipt (a printable page, and by e-mail).
 */
package id.lapak.sales;
