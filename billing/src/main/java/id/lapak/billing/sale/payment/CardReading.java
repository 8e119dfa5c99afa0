package id.lapak.billing.sale.payment;

import id.lapak.billing.card.CardChecks;
import id.lapak.billing.gateway.CardBrand;
import id.lapak.billing.sale.DeviceContexts.DeviceContext;
import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.cardcrypto.CardCryptoException;
import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.carddata.CardData;
import id.lapak.cardcrypto.carddata.CardDataAlgorithm;
import id.lapak.cardcrypto.carddata.CardDataCipher;
import id.lapak.cardcrypto.carddata.EncryptedCardData;
import id.lapak.cardcrypto.dukpt.AesKeyUsage;
import id.lapak.cardcrypto.dukpt.AesKsn;
import id.lapak.cardcrypto.dukpt.TdesKeyUsage;
import id.lapak.cardcrypto.dukpt.TdesKsn;
import id.lapak.device.keys.ReaderKeyException;
import id.lapak.device.keys.ReaderKeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Reading the card of a device's payment: decrypting the reader's card data under the working key its KSN names, and
 * what Lapak checks of the card itself before the acquirer sees it (Luhn, length, brand, expiry, offline limits), with
 * the card's fingerprint. The clear card data it returns is the caller's to destroy.
 */
@Component
class CardReading {

    private final ReaderKeyStore keys;

    CardReading(ReaderKeyStore keys) {
        this.keys = keys;
    }

    CardData decrypt(PaymentRequest.EncryptedCard card) {
        CardDataAlgorithm algorithm;
        try {
            algorithm = CardDataAlgorithm.valueOf(card.algorithm().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PaymentRefusedException("card_algorithm_unknown", "card.algorithm is AES128 or TDES", 400);
        }
        try {
            EncryptedCardData encrypted = new EncryptedCardData(
                    algorithm,
                    Base64.getDecoder().decode(card.iv()),
                    Base64.getDecoder().decode(card.ciphertext()));
            try (KeyBytes key = algorithm == CardDataAlgorithm.AES128
                    ? keys.deriveWorkingKey(AesKsn.fromHex(card.ksn()), AesKeyUsage.DATA_ENCRYPT)
                    : keys.deriveWorkingKey(TdesKsn.fromHex(card.ksn()), TdesKeyUsage.DATA_REQUEST)) {
                return CardDataCipher.decrypt(key, encrypted);
            }
        } catch (CardCryptoException | ReaderKeyException | IllegalArgumentException e) {
            throw new PaymentRefusedException(
                    "card_data_unreadable", "The card data does not decrypt under the reader key its KSN names", 422);
        }
    }

    /** Luhn, length, brand and expiry; the fingerprint. The PAN copy made here is wiped before returning. */
    CardFacts inspect(CardData card, PaymentRequest request, DeviceContext device, Instant now) {
        byte[] pan = card.pan();
        try {
            CardBrand brand = CardChecks.brand(pan);
            YearMonth expiry = CardChecks.expiry(card.expiry());
            String code = null;
            String reason = null;
            if (!CardChecks.lengthFits(brand, pan.length) || !CardChecks.luhn(pan)) {
                code = "14";
                reason = "invalid_card_number";
            } else if (brand == CardBrand.UNKNOWN) {
                code = "57";
                reason = "card_not_supported";
            } else if (CardChecks.expired(
                    card.expiry(), YearMonth.from(request.deviceTime().atZone(ZoneOffset.UTC)))) {
                code = "54";
                reason = "expired_card";
            } else if (Boolean.TRUE.equals(request.offline()) && !withinOfflineLimits(request, device, now)) {
                code = "61";
                reason = "offline_limit_exceeded";
            }
            return new CardFacts(
                    brand,
                    CardChecks.masked(pan),
                    CardChecks.last4(pan),
                    expiry.getMonthValue(),
                    expiry.getYear(),
                    keys.cardFingerprint(pan),
                    code,
                    reason);
        } finally {
            Arrays.fill(pan, (byte) 0);
        }
    }

    private static boolean withinOfflineLimits(PaymentRequest request, DeviceContext device, Instant now) {
        return device.offlineMaxAmount() > 0
                && request.amountMinor() <= device.offlineMaxAmount()
                && !request.deviceTime().isBefore(now.minus(Duration.ofHours(device.offlineMaxAgeHours())));
    }

    static void destroy(CardData[] card) {
        if (card[0] != null && !card[0].isDestroyed()) {
            card[0].destroy();
        }
    }
}
