/**
 * The sandbox acquirer: a built-in {@link id.lapak.billing.gateway.PaymentGateway} that behaves like an acquirer
 * with simulated issuers and card accounts, for development, tests and benchmarks. It represents the outside world:
 * its journal ({@code sandbox_journal}) is the acquirer's settlement file, not tenant data.
 */
package id.lapak.billing.gateway.sandbox;
