/** Portal customer screens: the customer list with search, and a customer's page with history and data rights. */
package id.lapak.customers;
