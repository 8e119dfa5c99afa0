/**
 * Stock on hand per variant per store as a ledger of movements (sales, refunds, receipts, adjustments, counts,
 * transfers), transfers between stores, stock counts, and low-stock alerts with their e-mail to store managers.
 */
package id.lapak.catalog.stock;
