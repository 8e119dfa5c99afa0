/** The merchant admin's plan page: the plan, this month's usage and estimated invoice, invoices and their PDFs. */
package id.lapak.myplan;
