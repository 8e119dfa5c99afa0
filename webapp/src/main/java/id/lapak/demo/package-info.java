/** Demo tenants and stores for local runs, matching the demo users of the local Keycloak realm. */
package id.lapak.demo;
