package id.lapak.billing.subscription;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The settings of tenant billing: the PPN rate on invoices ({@code lapak.billing.ppn-bp}, 1100 = 11 %), the days
 * to pay ({@code lapak.billing.payment-days}, after which an open invoice is overdue and a reminder goes out) and
 * the days overdue after which the tenant is suspended ({@code lapak.billing.suspend-after-days}).
 */
@Component
public class BillingSettings {

    private final long ppnBasisPoints;
    private final int paymentDays;
    private final int suspendAfterDays;

    BillingSettings(
            @Value("${lapak.billing.ppn-bp:1100}") long ppnBasisPoints,
            @Value("${lapak.billing.payment-days:14}") int paymentDays,
            @Value("${lapak.billing.suspend-after-days:14}") int suspendAfterDays) {
        if (ppnBasisPoints < 0 || ppnBasisPoints > 10_000 || paymentDays < 0 || suspendAfterDays < 0) {
            throw new IllegalStateException("lapak.billing.* settings must be within range");
        }
        this.ppnBasisPoints = ppnBasisPoints;
        this.paymentDays = paymentDays;
        this.suspendAfterDays = suspendAfterDays;
    }

    public long ppnBasisPoints() {
        return ppnBasisPoints;
    }

    public int paymentDays() {
        return paymentDays;
    }

    public int suspendAfterDays() {
        return suspendAfterDays;
    }
}
