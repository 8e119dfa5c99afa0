/** The sale events payments publish and inventory and customers consume: the one contract between those modules. */
package id.lapak.tenant.sale;
