package id.lapak.billing.sale.payment;

import id.lapak.billing.sale.SaleStatus;

/** What the acquirer's answer (or its silence) decided for a sale: its status, codes and amounts. */
record Decision(
        SaleStatus status,
        String responseCode,
        String authorizationCode,
        String declineReason,
        String gatewayReference,
        long authorizedMinor,
        long capturedMinor) {}
