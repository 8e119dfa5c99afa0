package id.lapak.billing.subscription;

import id.lapak.tenant.money.Money;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.function.Function;

/**
 * What an invoice line says in the reader's language, the same on the page and in the PDF: plan and days, devices
 * and device-days, transactions of a tier and their unit price, PPN and its rate. {@code labels} translates the
 * billing.* keys.
 */
public final class InvoiceTexts {

    private InvoiceTexts() {}

    public static String describe(InvoiceLine line, String currency, Locale locale, Function<String, String> labels) {
        String unit = Money.of(line.unitMinor(), currency).format(locale);
        return switch (line.kind()) {
            case PLAN -> MessageFormat.format(labels.apply("billing.line.plan"), line.planCode(), line.quantity());
            case DEVICES ->
                MessageFormat.format(labels.apply("billing.line.devices"), line.planCode(), line.quantity(), unit);
            case TRANSACTIONS ->
                MessageFormat.format(
                        labels.apply("billing.line.transactions"), line.tierFrom() + 1, line.quantity(), unit);
            case PPN ->
                MessageFormat.format(
                        labels.apply("billing.line.ppn"),
                        new BigDecimal(line.quantity())
                                .movePointLeft(2)
                                .stripTrailingZeros()
                                .toPlainString());
            case CREDIT -> labels.apply("billing.line.credit");
        };
    }
}
