/** What Lapak may learn from a clear card number while it is in memory: Luhn, length, expiry and brand checks. */
package id.lapak.billing.card;
