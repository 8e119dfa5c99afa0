/** Who is acting: the roles Lapak knows and the signed-in user's tenant and store scope. */
package id.lapak.tenant.access;
