/** The merchant ledger: append-only double entry per tenant, balanced per transaction by the database. */
package id.lapak.billing.ledger;
