package id.lapak.billing.payout;

/** How a bank account number is shown: only its last four digits. */
public final class AccountNumbers {

    private AccountNumbers() {}

    public static String mask(String accountNumber) {
        if (accountNumber == null || accountNumber.length() <= 4) {
            return "••••";
        }
        return "•".repeat(Math.min(6, accountNumber.length() - 4))
                + accountNumber.substring(accountNumber.length() - 4);
    }
}
