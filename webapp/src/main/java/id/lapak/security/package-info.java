/**
 * Identity: login through Keycloak (OIDC), who may log in (a tenant user needs a known, active tenant), and the
 * one place where the current tenant is set for a web request.
 */
package id.lapak.security;
