package id.lapak.billing.sale.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.gateway.EntryMode;
import id.lapak.billing.sale.DeviceContexts.DeviceContext;
import id.lapak.billing.sale.PaymentRefusedException;
import java.time.Instant;
import java.util.Collections;
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
                List.of(new PaymentRequest.Line(VARIANT, "Kopi susu", 1, 25_000L, 2_477L, 25_000L)),
                null,
                EntryMode.CHIP,
                Instant.parse("2026-12-01T03:00:00Z"),
                false,
                CARD,
                0);
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
                        with(b -> b.lines(List.of(new PaymentRequest.Line(null, "x", 1, 25_000L, 0L, 25_000L)))),
                        "lines_invalid",
                        400),
                Arguments.of(
                        "negative total",
                        with(b -> b.lines(List.of(new PaymentRequest.Line(VARIANT, "x", 1, 25_000L, 0L, -1L)))),
                        "lines_invalid",
                        400),
                Arguments.of(
                        "too many lines",
                        with(b -> b.lines(Collections.nCopies(
                                PaymentRequests.MAX_LINES + 1, new PaymentRequest.Line(VARIANT, "x", 1, 1L, 0L, 1L)))),
                        "lines_invalid",
                        400),
                Arguments.of("lines do not add up", with(b -> b.amount(30_000L)), "amount_mismatch", 422));
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
                    key, amount, currency, tip, lines, null, entryMode, deviceTime, offline, card, fractionDigits);
        }
    }
}
