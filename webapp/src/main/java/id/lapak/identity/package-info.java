/**
 * Identities in Keycloak: provisioning a tenant's group and first admin, the merchant team (invite, roles, store
 * scope, disable), and removing a tenant's identities when it is offboarded. Keycloak is reached only through
 * {@code KeycloakAdmin}, as the confidential {@code lapak-provisioner} client.
 */
package id.lapak.identity;
