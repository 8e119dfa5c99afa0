package id.lapak.sales;

import id.lapak.billing.sale.Cashiers;
import id.lapak.billing.sale.SaleDetails;
import id.lapak.billing.sale.SaleLineDetails;
import id.lapak.billing.sale.SaleSummary;
import id.lapak.billing.sale.SalesService;
import id.lapak.device.config.DeviceConfigService;
import id.lapak.device.config.EffectiveValue;
import id.lapak.tenant.TenantDetails;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.ui.PortalDates;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * A sale's receipt: the tenant and store as header, who served the customer (when the device reported a cashier),
 * the lines with their discounts, tax, tip and total, the card as brand and masked number, the authorization code,
 * and what was refunded. One HTML rendering serves the printable page and the
 * e-mail, so both always say the same. Reading goes through {@link SalesService#get}, which applies the role and
 * store rules.
 */
@Service
class Receipts {

    /** Translates a key with arguments in a language (a page's {@code getTranslation(Locale, key, args)}). */
    @FunctionalInterface
    interface Translator {
        String get(Locale locale, String key, Object... args);
    }

    /** Translates a key with arguments in the receipt's language. */
    @FunctionalInterface
    interface Texts {
        String get(String key, Object... args);
    }

    /**
     * Everything a receipt prints. {@code taxId} is the business's NPWP, present only when the store is tax
     * registered; {@code header} and {@code footer} are the receipt texts set in the device settings (blank prints
     * nothing); {@code language} the receipt language set there (empty: whoever reads it).
     */
    record Receipt(
            TenantDetails tenant,
            StoreDetails store,
            SaleDetails sale,
            Optional<String> taxId,
            String header,
            String footer,
            Optional<Locale> language) {

        /** The language the receipt is written in: the one set for the selling device, else the reader's. */
        Locale locale(Locale reader) {
            return language.orElse(reader);
        }

        /** {@code t} in the receipt's language. */
        Texts texts(Locale reader, Translator t) {
            Locale locale = locale(reader);
            return (key, args) -> t.get(locale, key, args);
        }
    }

    private final SalesService sales;
    private final StoreService stores;
    private final TenantDirectory tenants;
    private final DeviceConfigService config;

    Receipts(SalesService sales, StoreService stores, TenantDirectory tenants, DeviceConfigService config) {
        this.sales = sales;
        this.stores = stores;
        this.tenants = tenants;
        this.config = config;
    }

    Receipt receipt(UUID saleId) {
        SaleDetails sale = sales.get(saleId);
        StoreDetails store = stores.get(sale.sale().storeId());
        Map<String, String> texts =
                new HashMap<>(Map.of("receipt.header", "", "receipt.footer", "", "receipt.language", ""));
        if (sale.sale().deviceId() != null) {
            // The texts the selling device prints: its own settings over its store's over all stores'.
            for (EffectiveValue value : config.effective(sale.sale().deviceId())) {
                if (texts.containsKey(value.key())
                        && value.value() != null
                        && value.value().isString()) {
                    texts.put(value.key(), value.value().asString().strip());
                }
            }
        }
        return new Receipt(
                tenants.current(),
                store,
                sale,
                store.taxRegistered() ? tenants.currentTaxId() : Optional.empty(),
                texts.get("receipt.header"),
                texts.get("receipt.footer"),
                Optional.of(texts.get("receipt.language"))
                        .filter(code -> !code.isBlank())
                        .map(Locale::forLanguageTag));
    }

    /** The receipt as one {@code <div>} of HTML with inline styles (e-mail clients ignore style sheets). */
    String html(Receipt receipt, Locale reader, Translator translator) {
        Locale locale = receipt.locale(reader);
        Texts t = receipt.texts(reader, translator);
        SaleSummary s = receipt.sale().sale();
        String currency = s.currency();
        DateTimeFormatter time = PortalDates.dateTime(locale, receipt.store().timeZone());
        StringBuilder h = new StringBuilder(2048);
        header(h, receipt, t);
        h.append("<hr>");
        row(h, t.get("receipt.date"), time.format(s.soldAt()));
        row(h, t.get("receipt.number"), s.id().toString().substring(0, 8).toUpperCase(Locale.ROOT));
        String cashier =
                Cashiers.label(receipt.sale().cashierCode(), receipt.sale().cashierName());
        if (cashier != null) {
            h.append("<div class=\"receipt-cashier\">")
                    .append(e(t.get("receipt.servedBy", cashier)))
                    .append("</div>");
        }
        lines(h, receipt, currency, locale, t);
        h.append("<hr>");
        row(
                h,
                t.get("receipt.tax"),
                Money.of(receipt.sale().taxMinor(), currency).format(locale));
        if (s.tipMinor() > 0) {
            row(h, t.get("receipt.tip"), Money.of(s.tipMinor(), currency).format(locale));
        }
        h.append("<div style=\"display:flex;justify-content:space-between;font-weight:bold;font-size:1.2em;\">")
                .append("<span>")
                .append(e(t.get("receipt.total")))
                .append("</span><span class=\"receipt-total\">")
                .append(e(Money.of(s.amountMinor(), currency).format(locale)))
                .append("</span></div>");
        if (s.authorizedMinor() > 0 && s.authorizedMinor() < s.amountMinor()) {
            row(
                    h,
                    t.get("receipt.approved"),
                    Money.of(s.authorizedMinor(), currency).format(locale));
        }
        payment(h, s, currency, locale, t);
        if (!receipt.footer().isBlank()) {
            h.append("<hr><div style=\"text-align:center;white-space:pre-line;\" class=\"receipt-footer\">")
                    .append(e(receipt.footer()))
                    .append("</div>");
        }
        h.append("</div>");
        return h.toString();
    }

    /** The merchant, the store and its tax number, the receipt header the store set. */
    private static void header(StringBuilder h, Receipt receipt, Texts t) {
        h.append("<div class=\"lapak-receipt\" style=\"font-family:sans-serif;max-width:26rem;margin:0 auto;\">");
        h.append("<h2 style=\"margin:0;text-align:center;\">")
                .append(e(receipt.tenant().name()))
                .append("</h2>");
        h.append("<div style=\"text-align:center;\">")
                .append(e(receipt.tenant().legalName()))
                .append("</div>");
        h.append("<div style=\"text-align:center;\">")
                .append(e(receipt.store().name()))
                .append("<br>")
                .append(e(receipt.store().address()))
                .append(", ")
                .append(e(receipt.store().city()))
                .append("</div>");
        receipt.taxId()
                .ifPresent(npwp -> h.append("<div style=\"text-align:center;\" class=\"receipt-npwp\">")
                        .append(e(t.get("receipt.taxId", npwp)))
                        .append("</div>"));
        if (!receipt.header().isBlank()) {
            h.append("<div style=\"text-align:center;white-space:pre-line;\" class=\"receipt-header\">")
                    .append(e(receipt.header()))
                    .append("</div>");
        }
    }

    /**
     * The items: description and unit price, quantity, line total. A line the device discounted shows the discount
     * under its price, and its amount is after the discount, so the amounts still add up to the total.
     */
    private static void lines(StringBuilder h, Receipt receipt, String currency, Locale locale, Texts t) {
        if (receipt.sale().lines().isEmpty()) {
            return;
        }
        h.append("<hr><table style=\"width:100%;border-collapse:collapse;\">");
        h.append("<tr><th style=\"text-align:left;\">")
                .append(e(t.get("receipt.item")))
                .append("</th><th style=\"text-align:right;padding-left:0.75em;\">")
                .append(e(t.get("receipt.quantity")))
                .append("</th><th style=\"text-align:right;padding-left:0.75em;\">")
                .append(e(t.get("receipt.lineTotal")))
                .append("</th></tr>");
        for (SaleLineDetails line : receipt.sale().lines()) {
            h.append("<tr><td>")
                    .append(e(line.description() == null ? "" : line.description()))
                    .append("<br><small>")
                    .append(e(Money.of(line.unitPriceMinor(), currency).format(locale)))
                    .append("</small>");
            if (line.discountMinor() != null && line.discountMinor() > 0) {
                h.append("<br><small class=\"receipt-line-discount\">")
                        .append(e(t.get(
                                "receipt.lineDiscount",
                                Money.of(-line.discountMinor(), currency).format(locale))))
                        .append("</small>");
            }
            h.append("</td><td style=\"text-align:right;padding-left:0.75em;\">")
                    .append(line.quantity())
                    .append("</td><td style=\"text-align:right;padding-left:0.75em;\">")
                    .append(e(Money.of(line.totalMinor(), currency).format(locale)))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    /** How it was paid: card, entry mode, authorization code, status, refunds, offline. */
    private static void payment(StringBuilder h, SaleSummary s, String currency, Locale locale, Texts t) {
        h.append("<hr>");
        if (s.brand() != null) {
            row(
                    h,
                    t.get("receipt.card"),
                    t.get("sales.brand." + s.brand().name()) + " " + (s.maskedPan() == null ? "" : s.maskedPan()));
        }
        if (s.entryMode() != null) {
            row(
                    h,
                    t.get("receipt.entryMode"),
                    t.get("sales.entryMode." + s.entryMode().name()));
        }
        if (s.authorizationCode() != null) {
            row(h, t.get("receipt.authCode"), s.authorizationCode());
        }
        row(h, t.get("receipt.status"), t.get("sales.status." + s.status().name()));
        if (s.refundedMinor() > 0) {
            row(
                    h,
                    t.get("receipt.refunded"),
                    Money.of(s.refundedMinor(), currency).format(locale));
        }
        if (s.offline()) {
            h.append("<div>").append(e(t.get("receipt.offline"))).append("</div>");
        }
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<div style=\"display:flex;justify-content:space-between;gap:1em;\"><span>")
                .append(e(label))
                .append("</span><span>")
                .append(e(value))
                .append("</span></div>");
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
