/** Payout accounts, payouts (scheduled, sent, paid, failed), the business-day calendar and the bank files. */
package id.lapak.billing.payout;
