/** Customer records, their purchase history from the sale events, merging duplicates and personal data rights. */
package id.lapak.catalog.customers;
