/** Support's pages of tenant billing (plans, invoices of every tenant, overdue, revenue) and the invoice e-mails. */
package id.lapak.tenantbilling;
