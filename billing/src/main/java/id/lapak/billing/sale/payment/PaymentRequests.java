package id.lapak.billing.sale.payment;

import id.lapak.billing.sale.DeviceContexts.DeviceContext;
import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.tenant.money.CurrencyUnits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of a device's payment request on its own, before anything is read or written: which fields it needs and
 * their ranges (each refusal with its stable reason, as docs/device-api.md lists them), and its canonical hash, which
 * tells a retry of the same request from another request reusing its idempotency key.
 */
final class PaymentRequests {

    static final int MAX_LINES = 500;

    /** Longest cashier code and name a device may report. */
    static final int MAX_CASHIER_CODE = 40;

    static final int MAX_CASHIER_NAME = 100;

    /** Letters, marks, digits, punctuation, symbols and spaces: no control or invisible formatting characters. */
    private static final Pattern PRINTABLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}]+");

    private PaymentRequests() {}

    static void validate(PaymentRequest r, DeviceContext device) {
        if (r.idempotencyKey() == null
                || r.idempotencyKey().isBlank()
                || r.idempotencyKey().strip().length() > 100) {
            throw bad("idempotency_key_invalid", "idempotencyKey is required, at most 100 characters");
        }
        if (r.amountMinor() == null || r.amountMinor() <= 0) {
            throw bad("amount_invalid", "amountMinor must be a positive whole amount in minor units");
        }
        long tip = r.tipMinor() == null ? 0 : r.tipMinor();
        if (tip < 0 || tip >= r.amountMinor()) {
            throw bad("tip_invalid", "tipMinor must be 0 or more and below amountMinor");
        }
        if (r.currency() == null || !r.currency().strip().matches("[A-Za-z]{3}")) {
            throw bad("currency_invalid", "currency is an ISO 4217 code such as IDR");
        }
        if (!r.currency().strip().equalsIgnoreCase(device.currency())) {
            throw new PaymentRefusedException(
                    "currency_mismatch", "The store of this device takes " + device.currency(), 422);
        }
        checkFractionDigits(r.fractionDigits(), device.currency());
        if (r.entryMode() == null) {
            throw bad("entry_mode_invalid", "entryMode is CHIP, CONTACTLESS or SWIPE");
        }
        if (r.deviceTime() == null) {
            throw bad("device_time_missing", "deviceTime is required");
        }
        if (r.card() == null
                || r.card().algorithm() == null
                || r.card().ksn() == null
                || r.card().iv() == null
                || r.card().ciphertext() == null) {
            throw bad("card_missing", "card with algorithm, ksn, iv and ciphertext is required");
        }
        checkCashier(r.cashier());
        checkLines(r, tip);
    }

    /** A cashier, when reported, has a code and may have a name: printable, not blank, of bounded length. */
    private static void checkCashier(PaymentRequest.Cashier cashier) {
        if (cashier == null) {
            return;
        }
        if (!printable(cashier.code(), MAX_CASHIER_CODE)
                || cashier.name() != null && !printable(cashier.name(), MAX_CASHIER_NAME)) {
            throw bad(
                    "cashier_invalid",
                    "cashier needs a code of 1 to " + MAX_CASHIER_CODE + " printable characters and, optionally, "
                            + "a name of 1 to " + MAX_CASHIER_NAME);
        }
    }

    private static boolean printable(String text, int maxLength) {
        return text != null
                && !text.isBlank()
                && text.strip().length() <= maxLength
                && PRINTABLE.matcher(text).matches();
    }

    /** At most {@link #MAX_LINES} complete lines; when there are lines, they and the tip add up to the amount. */
    private static void checkLines(PaymentRequest r, long tip) {
        if (r.lines().size() > MAX_LINES) {
            throw bad("lines_invalid", "at most " + MAX_LINES + " lines");
        }
        long linesTotal = 0;
        for (PaymentRequest.Line line : r.lines()) {
            if (line == null
                    || line.variantId() == null
                    || line.quantity() == null
                    || line.quantity() <= 0
                    || line.unitPriceMinor() == null
                    || line.unitPriceMinor() < 0
                    || line.taxMinor() != null && line.taxMinor() < 0
                    || line.totalMinor() == null
                    || line.totalMinor() < 0
                    || line.description() != null && line.description().length() > 200) {
                throw bad(
                        "lines_invalid",
                        "every line needs variantId, a positive quantity, unitPriceMinor, "
                                + "taxMinor and totalMinor of 0 or more, a description of at most 200 characters");
            }
            checkDiscount(line);
            linesTotal = Math.addExact(linesTotal, line.totalMinor());
        }
        if (!r.lines().isEmpty() && linesTotal + tip != r.amountMinor()) {
            throw new PaymentRefusedException(
                    "amount_mismatch", "amountMinor must equal the lines' totalMinor plus tipMinor", 422);
        }
    }

    /**
     * A line's discount is at most its undiscounted value ({@code quantity × unitPriceMinor}), and its total is that
     * value less the discount, PPN included in the price or added to it ({@code + taxMinor}). Lines without a
     * discount are not recomputed (a device may round its own way).
     */
    private static void checkDiscount(PaymentRequest.Line line) {
        if (line.discountMinor() == null) {
            return;
        }
        long undiscounted;
        try {
            undiscounted = Math.multiplyExact(line.quantity().longValue(), line.unitPriceMinor());
        } catch (ArithmeticException e) {
            throw bad("lines_invalid", "quantity × unitPriceMinor is too large");
        }
        if (line.discountMinor() < 0 || line.discountMinor() > undiscounted) {
            throw bad("discount_invalid", "discountMinor must be 0 or more and at most quantity × unitPriceMinor");
        }
        long discounted = undiscounted - line.discountMinor();
        long tax = line.taxMinor() == null ? 0 : line.taxMinor();
        if (line.totalMinor() != discounted && line.totalMinor() != discounted + tax) {
            throw new PaymentRefusedException(
                    "discount_mismatch",
                    "a discounted line's totalMinor must be quantity × unitPriceMinor − discountMinor "
                            + "(+ taxMinor when PPN is added)",
                    422);
        }
    }

    /** A device that says which minor unit it counts in must count in the currency's ({@code CurrencyUnits}). */
    static void checkFractionDigits(Integer sent, String currency) {
        int digits = CurrencyUnits.fractionDigits(currency);
        if (sent != null && sent != digits) {
            throw new PaymentRefusedException(
                    "fraction_digits_mismatch",
                    "Amounts in " + currency + " are minor units with " + digits + " fraction digits, not " + sent,
                    422);
        }
    }

    private static PaymentRefusedException bad(String reason, String message) {
        return new PaymentRefusedException(reason, message, 400);
    }

    static PaymentRefusedException keyReused() {
        return new PaymentRefusedException(
                "idempotency_key_reused", "This idempotency key was used for a different payment request", 422);
    }

    /**
     * SHA-256 over the request in a fixed textual form (fields in a fixed order, one per line), so the same request
     * sent twice hashes the same whatever its JSON spacing or field order.
     */
    static byte[] canonicalHash(PaymentRequest r) {
        StringBuilder text = new StringBuilder(256);
        text.append("lapak payment v1\n")
                .append(r.idempotencyKey().strip())
                .append('\n')
                .append(r.amountMinor())
                .append('\n')
                .append(r.currency().strip().toUpperCase(Locale.ROOT))
                .append('\n')
                .append(r.tipMinor() == null ? 0 : r.tipMinor())
                .append('\n')
                .append(r.customerId())
                .append('\n')
                .append(r.entryMode())
                .append('\n')
                .append(r.deviceTime())
                .append('\n')
                .append(Boolean.TRUE.equals(r.offline()))
                .append('\n')
                .append(r.card().algorithm().strip().toUpperCase(Locale.ROOT))
                .append('\n')
                .append(r.card().ksn().strip().toUpperCase(Locale.ROOT))
                .append('\n')
                .append(r.card().iv().strip())
                .append('\n')
                .append(r.card().ciphertext().strip())
                .append('\n');
        appendLines(text, r);
        appendCashier(text, r.cashier());
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line of text per sale line; its discount only when sent. */
    private static void appendLines(StringBuilder text, PaymentRequest r) {
        for (PaymentRequest.Line l : r.lines()) {
            text.append(l.variantId())
                    .append('|')
                    .append(l.description())
                    .append('|')
                    .append(l.quantity())
                    .append('|')
                    .append(l.unitPriceMinor())
                    .append('|')
                    .append(l.taxMinor() == null ? 0 : l.taxMinor())
                    .append('|')
                    .append(l.totalMinor());
            // Appended only when sent, so a request without discounts hashes as it did before they existed.
            if (l.discountMinor() != null) {
                text.append("|discount ").append(l.discountMinor());
            }
            text.append('\n');
        }
    }

    /** The cashier, when reported, on its own line (the code's length first, so code and name cannot run together). */
    private static void appendCashier(StringBuilder text, PaymentRequest.Cashier cashier) {
        if (cashier != null) {
            String code = cashier.code().strip();
            text.append("cashier ")
                    .append(code.length())
                    .append(':')
                    .append(code)
                    .append('|')
                    .append(cashier.name() == null ? "" : cashier.name().strip())
                    .append('\n');
        }
    }
}
