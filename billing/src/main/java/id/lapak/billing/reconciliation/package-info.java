/**
 * Reconciliation with the acquirer: its settlement files imported (the sandbox acquirer's own file and a generic CSV
 * in the columns of Adyen's Settlement Details Report), every line matched to a payment operation by the acquirer's
 * reference or explained by an exception, and the actions that resolve exceptions.
 */
package id.lapak.billing.reconciliation;
