package id.lapak.billing.subscription;

/** How often a plan's platform fee is billed: each month, or twelve months at once when the plan's year starts. */
public enum PlanInterval {
    MONTHLY,
    ANNUAL
}
