/** The support area for Lapak staff: tenants across the platform, read through the named platform path. */
package id.lapak.support;
