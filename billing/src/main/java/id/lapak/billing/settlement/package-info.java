/**
 * Settlement: the business-day rule, the close of day that puts every money-moving payment operation into exactly
 * one batch per tenant, payout account, currency and day, posts it to the ledger and schedules its payout.
 */
package id.lapak.billing.settlement;
