/** What e-mails from the portal's jobs share: the tenant's admin address and language, translations outside a UI. */
package id.lapak.mail;
