package id.lapak.billing.subscription;

import java.util.UUID;

/** An invoice or note was issued to a tenant (published inside the transaction that wrote it). */
public record InvoiceIssued(
        UUID tenantId, UUID invoiceId, String number, String kind, long totalMinor, String currency) {}
