/**
 * The payment gateway as Lapak sees it: one connector interface (authorize, capture, void, refund, reversal) that a
 * real acquirer connector or the built-in sandbox acquirer implements.
 */
package id.lapak.billing.gateway;
