package id.lapak.billing.payout;

/** What a merchant admin types for their payout account. */
public record PayoutAccountForm(String bankCode, String bankName, String holderName, String accountNumber) {}
