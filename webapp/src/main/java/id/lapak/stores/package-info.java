/** The Stores page: a lazy, searchable list of the tenant's stores and the form to create and change them. */
package id.lapak.stores;
