/** The Settlement page: batches by day, their lines, payouts and the waterfall of a store's day. */
package id.lapak.settlement;
