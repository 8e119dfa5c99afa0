package id.lapak.simulator;

import id.lapak.cardcrypto.carddata.CardDataCipher;
import id.lapak.cardcrypto.tr31.InvalidKeyBlockException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A Lapak device speaking the device API ({@code docs/device-api.md}) over plain HTTP, keeping its identity and
 * caches in a {@link DeviceHome}. The command line is one user; the server's integration tests are the other, so
 * every call either returns the contract's answer or throws {@link ApiException} (an answer that is not 2xx) or
 * {@link DeviceNetworkException} (no answer).
 */
public class DeviceClient {

    public static final String PAIRINGS = "/api/device/v1/pairings";
    public static final String TOKEN = "/api/device/v1/token";
    public static final String CONFIG = "/api/device/v1/config";
    public static final String HEARTBEATS = "/api/device/v1/heartbeats";
    public static final String READER_KEYS = "/api/device/v1/reader-keys";
    public static final String CATALOG = "/api/device/v1/catalog";
    public static final String PAYMENTS = "/api/device/v1/payments";
    /** HKDF {@code info} of a reader key delivery starts with this, then the device id and the delivery id. */
    public static final String KDF_LABEL = "lapak tr31 kbpk";

    /** An assertion lives this long: well inside the server's 300 s limit, long enough for a slow network. */
    public static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(120);
    /** A cached token this close to expiry is renewed first, so it does not expire on its way to the server. */
    public static final Duration TOKEN_RENEWAL_MARGIN = Duration.ofSeconds(30);

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String server;
    private final DeviceHome home;
    private final HttpClient http;
    private final Clock clock;

    public DeviceClient(URI server, DeviceHome home) {
        this(
                server,
                home,
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build(),
                Clock.systemUTC());
    }

    /** With a clock of the caller's choosing, e.g. one running ahead to test how the server treats skew. */
    public DeviceClient(URI server, DeviceHome home, HttpClient http, Clock clock) {
        this.server = stripTrailingSlash(server.toString());
        this.home = home;
        this.http = http;
        this.clock = clock;
    }

    /** A client for an already paired home, talking to the server it paired with. */
    public static DeviceClient forHome(DeviceHome home) {
        return new DeviceClient(home.pairing().server(), home);
    }

    public URI server() {
        return URI.create(server);
    }

    HttpClient http() {
        return http;
    }

    Clock clock() {
        return clock;
    }

    public DeviceHome home() {
        return home;
    }

    /** A fresh EC P-256 (secp256r1) key pair, as a device makes when it pairs. */
    public static KeyPair generateKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make P-256 keys", e);
        }
    }

    /** Pairs with a new key pair and stores the identity in the home, replacing whatever it held. */
    public PairingResult pair(String code, DeviceFacts facts) {
        return pair(code, facts, generateKeyPair());
    }

    /** Pairs with the given key pair, e.g. one already used by another device. */
    public PairingResult pair(String code, DeviceFacts facts, KeyPair keyPair) {
        String publicKey =
                Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded());
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code);
        body.put("publicKey", publicKey);
        body.put("facts", facts);
        RawResponse response =
                Answers.expectSuccess(send("POST", PAIRINGS, Json.MAPPER.writeValueAsString(body), null, Map.of()));
        JsonNode answer = Answers.parse(response);
        var result = new PairingResult(
                uuid(answer, "deviceId"),
                uuid(answer, "tenantId"),
                uuid(answer, "storeId"),
                Json.text(answer, "name"),
                Json.text(answer, "tokenAudience"));
        String audience = result.tokenAudience() != null ? result.tokenAudience() : Assertions.TOKEN_AUDIENCE;
        home.savePairing(
                new Pairing(
                        server(),
                        result.deviceId(),
                        result.tenantId(),
                        result.storeId(),
                        result.name(),
                        audience,
                        publicKey,
                        facts,
                        clock.instant()),
                keyPair);
        return result;
    }

    /** A fresh assertion for this device: its own key, now until now + 120 s, a random jti. */
    public String signAssertion() {
        Pairing pairing = home.pairing();
        Instant now = clock.instant();
        return Assertions.create(
                home.keyPair(),
                pairing.deviceId().toString(),
                pairing.tokenAudience(),
                now,
                now.plus(ASSERTION_LIFETIME),
                Assertions.randomJti());
    }

    /** Signs a fresh assertion, trades it for a token and caches the token in the home. */
    public TokenResult requestToken() {
        TokenResult token = exchange(signAssertion());
        home.saveToken(new CachedToken(token.accessToken(), token.expiresAt()));
        return token;
    }

    /** Trades any assertion for a token, caching nothing: for assertions the caller built by hand. */
    public TokenResult exchange(String assertion) {
        String body = Json.MAPPER.writeValueAsString(Map.of("assertion", assertion));
        JsonNode answer = Answers.parse(Answers.expectSuccess(send("POST", TOKEN, body, null, Map.of())));
        long expiresIn = answer.path("expires_in").asLong(0);
        return new TokenResult(
                Json.text(answer, "access_token"),
                Json.text(answer, "token_type"),
                expiresIn,
                clock.instant().plusSeconds(expiresIn));
    }

    /** The cached access token, or a new one when none is cached or it expires within 30 s. */
    public String accessToken() {
        Instant renewBy = clock.instant().plus(TOKEN_RENEWAL_MARGIN);
        return home.token()
                .filter(token -> token.expiresAt().isAfter(renewBy))
                .map(CachedToken::accessToken)
                .orElseGet(() -> requestToken().accessToken());
    }

    /** Pulls the configuration, conditional on the cached ETag when a configuration is cached. */
    public ConfigResult config() {
        return config(home.config().map(CachedConfig::etag).orElse(null));
    }

    /**
     * Pulls the configuration with the given {@code If-None-Match} (null: unconditional). A 200 is cached with its
     * ETag; a 304 answers with the cached body when its ETag is the one sent.
     */
    public ConfigResult config(String ifNoneMatch) {
        return new ConfigAndHeartbeats(this).config(ifNoneMatch);
    }

    /** The catalog feed: pages, a whole sync, item images. */
    public CatalogClient catalog() {
        return new CatalogClient(this);
    }

    /** Payments taken offline, kept in the home until uploaded. */
    public OfflineQueue offline() {
        return new OfflineQueue(this);
    }

    /** Reports the device's state; a null {@code deviceTime} becomes now. */
    public HeartbeatResult heartbeat(Heartbeat heartbeat) {
        return new ConfigAndHeartbeats(this).heartbeat(heartbeat);
    }

    /**
     * Asks for a DUKPT initial key for the reader, opens the TR-31 block with the key block protection key from
     * ECDH (the device's own private key, the server's one-time public key) and HKDF-SHA256, checks the block's
     * header and the key's check value against the answer, and keeps the key in the home.
     *
     * @param algorithm {@code AES128} or {@code TDES}
     */
    public ReaderKey requestReaderKey(String readerSerial, String algorithm) {
        var body = new LinkedHashMap<String, Object>();
        body.put("readerSerial", readerSerial);
        body.put("algorithm", algorithm);
        RawResponse response = Answers.expectSuccess(
                send("POST", READER_KEYS, Json.MAPPER.writeValueAsString(body), accessToken(), Map.of()));
        JsonNode answer = Answers.parse(response);
        ReaderKey key = ReaderCrypto.openReaderKey(home, answer, readerSerial);
        home.saveReaderKey(key);
        return key;
    }

    /**
     * Opens the JSON answer of a delivery without keeping the key; fails with {@link InvalidKeyBlockException} when
     * the block was altered or is not the key the answer describes.
     */
    public ReaderKey openReaderKey(String answerJson, String readerSerial) {
        return ReaderCrypto.openReaderKey(home, Json.MAPPER.readTree(answerJson), readerSerial);
    }

    /** The data-encryption working key of the reader for a transaction counter (AES-128 or TDES data variant). */
    public WorkingKey dataEncryptionKey(long counter) {
        return ReaderCrypto.dataEncryptionKey(home, counter);
    }

    /**
     * Encrypts card data as the reader would for a payment: the PAN, expiry (YYMM) and optional track 2 equivalent
     * data in the layout of {@link CardDataCipher}, under the data-encryption key of the reader key's KSN at
     * {@code counter}, with a random IV. The clear card data is wiped before this returns.
     */
    public EncryptedCard encryptCardData(long counter, String pan, String expiryYYMM, String track2OrNull) {
        return ReaderCrypto.encryptCardData(home, counter, pan, expiryYYMM, track2OrNull);
    }

    /**
     * The JSON body of a payment: the card encrypted under the reader key at the next transaction counter, the
     * device time now unless the draft carries one. The clear card data is wiped before this returns.
     */
    public String paymentJson(PaymentDraft draft) {
        return paymentJson(draft, home.nextTransactionCounter());
    }

    /** As {@link #paymentJson(PaymentDraft)}, at a transaction counter the caller reserved. */
    public String paymentJson(PaymentDraft draft, long counter) {
        EncryptedCard card = encryptCardData(counter, draft.pan(), draft.expiryYyMm(), draft.track2());
        var body = new LinkedHashMap<String, Object>();
        body.put("idempotencyKey", draft.idempotencyKey());
        body.put("amountMinor", draft.amountMinor());
        body.put("currency", draft.currency());
        storeFractionDigits(draft.currency()).ifPresent(digits -> body.put("fractionDigits", digits));
        body.put("tipMinor", draft.tipMinor());
        body.put("lines", draft.lines());
        body.put("customerId", draft.customerId());
        body.put("entryMode", draft.entryMode());
        body.put(
                "deviceTime",
                (draft.deviceTime() != null ? draft.deviceTime() : clock.instant())
                        .truncatedTo(ChronoUnit.MILLIS)
                        .toString());
        body.put("offline", draft.offline());
        if (draft.cashier() != null) {
            body.put("cashier", draft.cashier());
        }
        body.put("card", card);
        return Json.MAPPER.writeValueAsString(body);
    }

    /**
     * The minor unit of the store's currency as the server said it in the configuration ({@code store.fractionDigits},
     * the same as the catalog feed's), when the configuration was fetched and {@code currency} (if given) is the
     * store's. The device never decides a minor unit itself: it sends back what it was told.
     */
    public OptionalInt storeFractionDigits(String currency) {
        var store = home.config().map(c -> Json.MAPPER.readTree(c.json()).path("store"));
        if (store.isEmpty()
                || !store.get().path("fractionDigits").isIntegralNumber()
                || currency != null
                        && !currency.equalsIgnoreCase(
                                store.get().path("currency").asString(""))) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(store.get().path("fractionDigits").asInt());
    }

    /** Encrypts and sends a payment; a refusal (4xx/5xx) throws {@link ApiException}. */
    public PaymentReply pay(PaymentDraft draft) {
        return sendPayment(paymentJson(draft));
    }

    /** Sends a payment body as it is (a replay, a stored offline payment). */
    public PaymentReply sendPayment(String json) {
        RawResponse response = Answers.expectSuccess(send("POST", PAYMENTS, json, accessToken(), Map.of()));
        return new PaymentReply(response.status(), response.body());
    }

    /** Refunds part or all of a captured payment; {@code idempotencyKey} may be null. */
    public PaymentReply refund(
            UUID paymentId, long amountMinor, boolean restock, String reason, String idempotencyKey) {
        var body = new LinkedHashMap<String, Object>();
        body.put("amountMinor", amountMinor);
        storeFractionDigits(null).ifPresent(digits -> body.put("fractionDigits", digits));
        body.put("restock", restock);
        body.put("reason", reason);
        body.put("idempotencyKey", idempotencyKey);
        RawResponse response = Answers.expectSuccess(send(
                "POST",
                PAYMENTS + "/" + paymentId + "/refunds",
                Json.MAPPER.writeValueAsString(body),
                accessToken(),
                Map.of()));
        return new PaymentReply(response.status(), response.body());
    }

    /** Voids an authorized, not yet captured payment. */
    public PaymentReply voidPayment(UUID paymentId, String reason) {
        var body = new LinkedHashMap<String, Object>();
        body.put("reason", reason);
        RawResponse response = Answers.expectSuccess(send(
                "POST",
                PAYMENTS + "/" + paymentId + "/void",
                Json.MAPPER.writeValueAsString(body),
                accessToken(),
                Map.of()));
        return new PaymentReply(response.status(), response.body());
    }

    /** Reads a payment of the device's store. */
    public PaymentReply payment(UUID paymentId) {
        RawResponse response =
                Answers.expectSuccess(send("GET", PAYMENTS + "/" + paymentId, null, accessToken(), Map.of()));
        return new PaymentReply(response.status(), response.body());
    }

    /**
     * Sends any request to the server and returns the answer whatever its status: for tests of what the typed
     * methods cannot send (no token, a forged token, a malformed body).
     *
     * @param path        e.g. {@code /api/device/v1/config}
     * @param jsonBody    null for no body
     * @param bearerToken null for no {@code Authorization} header
     */
    public RawResponse send(
            String method, String path, String jsonBody, String bearerToken, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", "lapak-device-simulator");
        if (jsonBody != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new RawResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new DeviceNetworkException(method + " " + server + path + " failed: " + Answers.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceNetworkException(method + " " + server + path + " interrupted", e);
        }
    }

    private static UUID uuid(JsonNode node, String field) {
        String value = Json.text(node, field);
        return value == null ? null : UUID.fromString(value);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
