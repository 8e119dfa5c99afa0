package id.lapak.billing.gateway.sandbox;

import id.lapak.billing.card.CardChecks;
import id.lapak.billing.gateway.sandbox.SandboxAcquirer.AccountBalance;
import id.lapak.billing.gateway.sandbox.SandboxTestCard.Behaviour;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The issuers' card accounts and the open authorizations on them, in memory. An account is found by the
 * HMAC-SHA256 of the card number under the sandbox's own key, never by the number itself.
 */
final class SandboxAccounts {

    private final ThreadLocal<Mac> macs;
    private final Map<String, SandboxAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, SandboxAuthorization> byReference = new ConcurrentHashMap<>();
    private final Map<String, SandboxAuthorization> byRequestId = new ConcurrentHashMap<>();
    private final Map<SandboxTestCard, String> testCardKeys = new EnumMap<>(SandboxTestCard.class);

    SandboxAccounts(String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length < 32) {
            throw new IllegalStateException("lapak.gateway.sandbox.account-key must be at least 32 bytes (base64)");
        }
        SecretKeySpec key = new SecretKeySpec(raw, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        for (SandboxTestCard card : SandboxTestCard.values()) {
            String accountKey = accountKey(card.pan().toCharArray());
            testCardKeys.put(card, accountKey);
            accounts.put(
                    accountKey, new SandboxAccount(accountKey, card.issuer(), card.balanceMinor(), card.behaviour()));
        }
    }

    /** The account of a key, opened with the default balance the first time an issuer sees the card. */
    SandboxAccount account(String accountKey, Issuer issuer) {
        return accounts.computeIfAbsent(
                accountKey,
                key -> new SandboxAccount(key, issuer, SandboxTestCard.DEFAULT_BALANCE_MINOR, Behaviour.NORMAL));
    }

    SandboxAuthorization byReference(String reference) {
        return reference == null ? null : byReference.get(reference);
    }

    SandboxAuthorization byRequestId(String requestId) {
        return byRequestId.get(requestId);
    }

    void remember(SandboxAuthorization authorization) {
        byReference.put(authorization.reference, authorization);
        byRequestId.put(authorization.requestId, authorization);
    }

    void forget(SandboxAuthorization authorization) {
        byReference.remove(authorization.reference);
        byRequestId.remove(authorization.requestId);
    }

    AccountBalance balanceOf(SandboxTestCard card) {
        return snapshot(accounts.get(testCardKeys.get(card)));
    }

    Optional<AccountBalance> balanceOf(CharSequence pan) {
        char[] chars = new char[pan.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = pan.charAt(i);
        }
        try {
            return Optional.ofNullable(accounts.get(accountKey(chars))).map(SandboxAccounts::snapshot);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static AccountBalance snapshot(SandboxAccount account) {
        synchronized (account) {
            return new AccountBalance(account.balance, account.held);
        }
    }

    String accountKey(char[] pan) {
        Mac mac = macs.get();
        ByteBuffer bytes = StandardCharsets.US_ASCII.encode(CharBuffer.wrap(pan));
        try {
            mac.update(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    /** A card number the issuers accept as one: at least 12 digits with a valid Luhn check digit. */
    static boolean luhnValid(char[] pan) {
        return pan.length >= 12 && CardChecks.luhn(pan);
    }
}
