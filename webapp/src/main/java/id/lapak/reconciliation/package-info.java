/** The Reconciliation page: the acquirer's settlement files imported, their exceptions and the actions on them. */
package id.lapak.reconciliation;
