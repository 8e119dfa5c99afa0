/** The catalog feed to devices: changes since a catalog version, paged, for the device's store. */
package id.lapak.catalog.feed;
