/** The start page of a tenant user: their business and what it has in Lapak. */
package id.lapak.dashboard;
