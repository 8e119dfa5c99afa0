/**
 * The e-mail outbox: e-mails (low-stock alerts, receipts) are written in the transaction that decides them and
 * delivered after it commits, retried by a clustered job until sent or given up.
 */
package id.lapak.catalog.mail;
