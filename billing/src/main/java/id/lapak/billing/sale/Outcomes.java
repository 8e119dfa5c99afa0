package id.lapak.billing.sale;

/** How a sale's state reads to a device: the outcome and a message for the cashier. */
final class Outcomes {

    private Outcomes() {}

    static String outcome(SaleStatus status, long authorizedMinor, long amountMinor) {
        return switch (status) {
            case AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, VOIDED ->
                authorizedMinor < amountMinor ? "PARTIALLY_APPROVED" : "APPROVED";
            case DECLINED -> "DECLINED";
            case REVERSED, REVERSAL_PENDING -> "TIMED_OUT";
            case FAILED -> "FAILED";
            case PENDING -> "PENDING";
        };
    }

    static String message(SaleStatus status, String declineReason) {
        return switch (status) {
            case AUTHORIZED -> "Approved";
            case CAPTURED -> "Approved and captured";
            case PARTIALLY_REFUNDED -> "Approved, partly refunded";
            case REFUNDED -> "Approved, refunded";
            case VOIDED -> "Approved, then voided";
            case DECLINED -> "Declined: " + (declineReason == null ? "declined" : declineReason.replace('_', ' '));
            case REVERSED ->
                "No answer from the card network in time; the payment was reversed and nothing was charged";
            case REVERSAL_PENDING ->
                "No answer from the card network in time; the reversal is not confirmed yet, "
                        + "nothing will be charged";
            case FAILED ->
                "sale_not_recorded".equals(declineReason)
                        ? "The sale could not be recorded; the payment was reversed and nothing was charged"
                        : "The card network could not be reached; nothing was charged";
            case PENDING -> "Being authorized";
        };
    }
}
