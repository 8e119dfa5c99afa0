/** Inventory and customers: the product catalog, stock per store, customer records and the catalog feed to devices. */
package id.lapak.catalog;
