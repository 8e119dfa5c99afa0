/**
 * The local run: starts an embedded PostgreSQL and a local Keycloak when no external ones are configured, before
 * the application context is built, so everything downstream is ordinary Spring Boot configuration.
 */
package id.lapak.local;
