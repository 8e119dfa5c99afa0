package id.lapak.billing.sale.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.gateway.EntryMode;
import id.lapak.billing.sale.DeviceContexts.DeviceContext;
import id.lapak.billing.sale.PaymentRefusedException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A device's payment request on its own: every refusal with its reason and status (the ones docs/device-api.md
 * lists for {@code POST /payments}), and the canonical hash that tells a retry from a different request.
 */
class PaymentRequestsTest {

    static final DeviceContext DEVICE = new DeviceContext(
            UUID.randomUUID(), UUID.randomUUID(), "Kasir 1", UUID.randomUUID(), "IDR", 500_000, 10, 24);
    static final UUID VARIANT = UUID.randomUUID();
    static final PaymentRequest.EncryptedCard CARD =
            new PaymentRequest.EncryptedCard("AES128", "FFFF0000", "aXY=", "Y2lwaGVy");

    static PaymentRequest good() {
        return new PaymentRequest(
                "key-1",
                27_750L,
                "IDR",
                2_750L,
                List.of(new PaymentRequest.Line(VARIANT, "Kopi susu", 1, 25_000L, 2_477L, 25_000L, null)),
                null,
                EntryMode.CHIP,
                Instant.parse("2026-12-01T03:00:00Z"),
                false,
                CARD,
                0,
                null);
    }

    static PaymentRequest with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(good())).build();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("no key", with(b -> b.key(null)), "idempotency_key_invalid", 400),
                Arguments.of("key too long", with(b -> b.key("k".repeat(101))), "idempotency_key_invalid", 400),
                Arguments.of("no amount", with(b -> b.amount(null)), "amount_invalid", 400),
                Arguments.of("zero amount", with(b -> b.amount(0L)), "amount_invalid", 400),
                Arguments.of("negative tip", with(b -> b.tip(-1L)), "tip_invalid", 400),
                Arguments.of("tip is everything", with(b -> b.tip(27_750L)), "tip_invalid", 400),
                Arguments.of("bad currency", with(b -> b.currency("RP")), "currency_invalid", 400),
                Arguments.of("another currency", with(b -> b.currency("USD")), "currency_mismatch", 422),
                Arguments.of("two decimals for IDR", with(b -> b.fractionDigits(2)), "fraction_digits_mismatch", 422),
                Arguments.of("no entry mode", with(b -> b.entryMode(null)), "entry_mode_invalid", 400),
                Arguments.of("no device time", with(b -> b.deviceTime(null)), "device_time_missing", 400),
                Arguments.of("no card", with(b -> b.card(null)), "card_missing", 400),
                Arguments.of(
                        "card without KSN",
                        with(b -> b.card(new PaymentRequest.EncryptedCard("AES128", null, "aXY=", "Y2lwaGVy"))),
                        "card_missing",
                        400),
                Arguments.of(
                        "line without variant",
                        with(b -> b.lines(List.of(new PaymentRequest.Line(null, "x", 1, 25_000L, 0L, 25_000L, null)))),
                        "lines_invalid",
                        400),
                Arguments.of(
                        "negative total",
                        with(b -> b.lines(List.of(new PaymentRequest.Line(VARIANT, "x", 1, 25_000L, 0L, -1L, null)))),
                        "lines_invalid",
                        400),
                Arguments.of(
                        "too many lines",
                        with(b -> b.lines(Collections.nCopies(
                                PaymentRequests.MAX_LINES + 1,
                                new PaymentRequest.Line(VARIANT, "x", 1, 1L, 0L, 1L, null)))),
                        "lines_invalid",
                        400),
                Arguments.of("lines do not add up", with(b -> b.amount(30_000L)), "amount_mismatch", 422),
                Arguments.of("negative discount", with(b -> b.discounted(-1, 0, 25_001)), "discount_invalid", 400),
                Arguments.of(
                        "discount above the line's value",
                        with(b -> b.discounted(25_001, 0, 1)),
                        "discount_invalid",
                        400),
                Arguments.of(
                        "total not the value less the discount",
                        with(b -> b.discounted(5_000, 0, 25_000)),
                        "discount_mismatch",
                        422),
                Arguments.of("cashier without code", with(b -> b.cashier(null, "Sari")), "cashier_invalid", 400),
                Arguments.of("blank cashier code", with(b -> b.cashier("  ", "Sari")), "cashier_invalid", 400),
                Arguments.of(
                        "cashier code too long", with(b -> b.cashier("K".repeat(41), "Sari")), "cashier_invalid", 400),
                Arguments.of(
                        "cashier name too long", with(b -> b.cashier("K-07", "S".repeat(101))), "cashier_invalid", 400),
                Arguments.of(
                        "control character in the name",
                        with(b -> b.cashier("K-07", "Sari" + (char) 0)),
                        "cashier_invalid",
                        400),
                Arguments.of("blank cashier name", with(b -> b.cashier("K-07", "")), "cashier_invalid", 400));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("refusals")
    void aBadRequestIsRefusedWithItsReason(String what, PaymentRequest request, String reason, int status) {
        assertThatThrownBy(() -> PaymentRequests.validate(request, DEVICE))
                .isInstanceOfSatisfying(PaymentRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.status()).isEqualTo(status);
                });
    }

    @Test
    void aGoodRequestPassesAndSoDoesOneWithoutLines() {
        assertThatCode(() -> PaymentRequests.validate(good(), DEVICE)).doesNotThrowAnyException();
        assertThatCode(() -> PaymentRequests.validate(
                        with(b -> b.lines(List.of()).amount(99L).tip(0L)), DEVICE))
                .doesNotThrowAnyException();
    }

    @Test
    void aCashierAndDiscountedLinesPass() {
        assertThatCode(() -> PaymentRequests.validate(with(b -> b.cashier(" K-07 ", "Sari Dewi")), DEVICE))
                .doesNotThrowAnyException();
        assertThatCode(() -> PaymentRequests.validate(with(b -> b.cashier("K-07", null)), DEVICE))
                .doesNotThrowAnyException();
        // PPN inside the price, PPN added to the discounted price, the whole line given away.
        assertThatCode(() -> PaymentRequests.validate(with(b -> b.discounted(5_000, 1_982, 20_000)), DEVICE))
                .doesNotThrowAnyException();
        assertThatCode(() -> PaymentRequests.validate(with(b -> b.discounted(5_000, 2_200, 22_200)), DEVICE))
                .doesNotThrowAnyException();
        assertThatCode(() -> PaymentRequests.validate(
                        with(b -> b.discounted(25_000, 0, 0)
                                .tip(0L)
                                .lines(List.of(
                                        new PaymentRequest.Line(VARIANT, "Kopi", 2, 12_500L, 0L, 0L, 25_000L),
                                        new PaymentRequest.Line(VARIANT, "Teh", 1, 8_000L, 0L, 8_000L, 0L)))
                                .amount(8_000L)),
                        DEVICE))
                .doesNotThrowAnyException();
    }

    @Test
    void theCashierAndTheDiscountsAreHashedButOnlyWhenSent() {
        byte[] plain = PaymentRequests.canonicalHash(good());
        byte[] sari = PaymentRequests.canonicalHash(with(b -> b.cashier("K-07", "Sari")));
        assertThat(sari).isNotEqualTo(plain);
        assertThat(PaymentRequests.canonicalHash(with(b -> b.cashier(" K-07", "Sari "))))
                .isEqualTo(sari);
        assertThat(PaymentRequests.canonicalHash(with(b -> b.cashier("K-08", "Sari"))))
                .isNotEqualTo(sari);
        assertThat(PaymentRequests.canonicalHash(with(b -> b.cashier("K-07", "Budi"))))
                .isNotEqualTo(sari);
        assertThat(PaymentRequests.canonicalHash(with(b -> b.cashier("K-07", null))))
                .isNotEqualTo(sari);
        byte[] fiveOff = PaymentRequests.canonicalHash(with(b -> b.discounted(5_000, 0, 20_000)));
        assertThat(PaymentRequests.canonicalHash(with(b -> b.discounted(4_000, 1_000, 21_000))))
                .isNotEqualTo(fiveOff);
        assertThat(PaymentRequests.canonicalHash(with(b -> b.discounted(5_000, 0, 20_000))))
                .isEqualTo(fiveOff);
        // A request without the new fields hashes as it always did: a retry of an older sale is still a replay.
        assertThat(HexFormat.of().formatHex(PaymentRequests.canonicalHash(with(b -> b.lines(List.of())))))
                .isEqualTo("e961f3f2773b53cd45651e28087392329023201f6c9223ac74f70b9f3c0c3a42");
    }

    @Test
    void theHashIgnoresSpellingButNotContent() {
        byte[] first = PaymentRequests.canonicalHash(good());
        assertThat(PaymentRequests.canonicalHash(with(b -> b.key(" key-1 ").currency("idr"))))
                .isEqualTo(first);
        assertThat(PaymentRequests.canonicalHash(with(b -> b.amount(27_751L)))).isNotEqualTo(first);
        assertThat(PaymentRequests.canonicalHash(with(b -> b.key("key-2")))).isNotEqualTo(first);
        assertThat(PaymentRequests.canonicalHash(with(b -> b.offline(true)))).isNotEqualTo(first);
    }

    /** A request with one field changed. */
    static final class Builder {
        private String key;
        private Long amount;
        private String currency;
        private Long tip;
        private List<PaymentRequest.Line> lines;
        private EntryMode entryMode;
        private Instant deviceTime;
        private Boolean offline;
        private PaymentRequest.EncryptedCard card;
        private Integer fractionDigits;
        private PaymentRequest.Cashier cashier;

        Builder(PaymentRequest r) {
            key = r.idempotencyKey();
            amount = r.amountMinor();
            currency = r.currency();
            tip = r.tipMinor();
            lines = r.lines();
            entryMode = r.entryMode();
            deviceTime = r.deviceTime();
            offline = r.offline();
            card = r.card();
            fractionDigits = r.fractionDigits();
            cashier = r.cashier();
        }

        Builder cashier(String code, String name) {
            cashier = new PaymentRequest.Cashier(code, name);
            return this;
        }

        /** One line of 2 × 12,500 with {@code discount} off, totalling {@code total}, and no tip. */
        Builder discounted(long discount, long tax, long total) {
            lines = List.of(new PaymentRequest.Line(VARIANT, "Kopi susu", 2, 12_500L, tax, total, discount));
            amount = total;
            tip = 0L;
            return this;
        }

        Builder key(String v) {
            key = v;
            return this;
        }

        Builder amount(Long v) {
            amount = v;
            return this;
        }

        Builder currency(String v) {
            currency = v;
            return this;
        }

        Builder tip(Long v) {
            tip = v;
            return this;
        }

        Builder lines(List<PaymentRequest.Line> v) {
            lines = v;
            return this;
        }

        Builder entryMode(EntryMode v) {
            entryMode = v;
            return this;
        }

        Builder deviceTime(Instant v) {
            deviceTime = v;
            return this;
        }

        Builder offline(Boolean v) {
            offline = v;
            return this;
        }

        Builder card(PaymentRequest.EncryptedCard v) {
            card = v;
            return this;
        }

        Builder fractionDigits(Integer v) {
            fractionDigits = v;
            return this;
        }

        PaymentRequest build() {
            return new PaymentRequest(
                    key,
                    amount,
                    currency,
                    tip,
                    lines,
                    null,
                    entryMode,
                    deviceTime,
                    offline,
                    card,
                    fractionDigits,
                    cashier);
        }
    }
}
