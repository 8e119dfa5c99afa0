package id.lapak.device;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.device.config.ConfigScope;
import id.lapak.device.config.DeviceConfigService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreForm;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.node.JsonNodeFactory;

/** The device API over real HTTP: pairing, assertions, tokens, configuration, heartbeats, revocation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(id.lapak.testing.SameSecurityContextStrategy.class)
class DeviceApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    DeviceChanges deviceChanges;

    @Autowired
    PairingCodes codes;

    @Autowired
    DeviceService devices;

    @Autowired
    DeviceConfigService config;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    UUID tenant;
    TestUser admin;
    StoreDetails store;

    @BeforeEach
    void merchantWithAStore() {
        platform.run(
                "test: forget pairing failures",
                () -> jdbc.sql("delete from pairing_failure").update());
        var merchant = id.lapak.testing.TestMerchants.create(tenants, stores, "Devices");
        tenant = merchant.tenant();
        admin = merchant.admin();
        store = merchant.store();
    }

    String newCode() {
        return TestUsers.as(admin, () -> codes.create(store.id(), "Kasir 1")).code();
    }

    TestDevice pairedDevice() {
        TestDevice device = new TestDevice(port);
        assertThat(device.pair(newCode()).statusCode()).isEqualTo(201);
        return device;
    }

    @Test
    void aCodeBindsTheDeviceToItsTenantAndStoreOnce() {
        TestDevice device = new TestDevice(port);
        String code = newCode();
        HttpResponse<String> paired = device.pair(code.substring(0, 4).toLowerCase() + "-" + code.substring(4));
        assertThat(paired.statusCode()).isEqualTo(201);
        assertThat(TestDevice.json(paired).path("tenantId").asString())
                .as(paired.body())
                .isEqualTo(tenant.toString());
        assertThat(TestDevice.json(paired).path("storeId").asString())
                .isEqualTo(store.id().toString());
        DeviceDetails details = TestUsers.as(admin, () -> devices.get(device.deviceId));
        assertThat(details.name()).isEqualTo("Kasir 1");
        assertThat(details.model()).isEqualTo("Sunmi P2");

        HttpResponse<String> again = new TestDevice(port).pair(code);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(TestDevice.reason(again)).isEqualTo("code_used");
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void unknownExpiredAndMalformedPairingsAreRefusedWithReasons() {
        assertThat(TestDevice.reason(new TestDevice(port).pair("ABCD2345"))).isEqualTo("code_unknown");
        assertThat(TestDevice.reason(new TestDevice(port).pair("short"))).isEqualTo("code_unknown");

        String code = newCode();
        TenantContextSql.expireCodes(platform, jdbc, tenant);
        HttpResponse<String> expired = new TestDevice(port).pair(code);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(TestDevice.reason(expired)).isEqualTo("code_expired");

        TestDevice device = new TestDevice(port);
        assertThat(device.post("/api/device/v1/pairings", "{\"code\": ", null).statusCode())
                .isEqualTo(400);
        assertThat(device.post("/api/device/v1/pairings", "{\"code\": 5, \"publicKey\": []}", null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(device.post("/api/device/v1/pairings", "code=x", null, "text/plain")
                        .statusCode())
                .isEqualTo(415);
        HttpResponse<String> badKey = device.post(
                "/api/device/v1/pairings", "{\"code\": \"" + newCode() + "\", \"publicKey\": \"AAAA\"}", null);
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(TestDevice.reason(badKey)).isEqualTo("public_key_invalid");
        HttpResponse<String> huge =
                device.post("/api/device/v1/pairings", "{\"code\": \"" + "A".repeat(70_000) + "\"}", null);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).doesNotContain("Exception");
        // The same without a declared length: counted while reading.
        HttpResponse<String> chunked = TestDevice.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(device.server + "/api/device/v1/pairings"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.ByteArrayInputStream(("{\"code\": \"" + "A".repeat(70_000) + "\"}").getBytes())))
                .build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(TestDevice.reason(chunked)).isEqualTo("body_too_large");
    }

    @Test
    void guessingIsThrottledPerSourceAddress() {
        for (int i = 0; i < 10; i++) {
            assertThat(new TestDevice(port).pair("ZZZZ222" + (i % 8 + 2)).statusCode())
                    .isEqualTo(400);
        }
        HttpResponse<String> throttled = new TestDevice(port).pair(newCode());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void assertionsAreCheckedAndSingleUse() {
        TestDevice device = pairedDevice();
        String assertion = device.validAssertion();
        assertThat(device.token(assertion).statusCode()).isEqualTo(200);
        assertThat(TestDevice.json(device.token(device.validAssertion()))
                        .path("expires_in")
                        .asLong())
                .isEqualTo(600);

        HttpResponse<String> replay = device.token(assertion);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(TestDevice.reason(replay)).isEqualTo("assertion_replayed");

        Instant now = Instant.now();
        String jti = UUID.randomUUID().toString();
        assertThat(TestDevice.reason(device.token(
                        device.assertion(TestDevice.newKeys(), "lapak-device-token", now, now.plusSeconds(60), jti))))
                .isEqualTo("assertion_signature");
        assertThat(TestDevice.reason(device.token(device.assertion(
                        device.keys,
                        "someone-else",
                        now,
                        now.plusSeconds(60),
                        UUID.randomUUID().toString()))))
                .isEqualTo("assertion_audience");
        assertThat(TestDevice.reason(device.token(device.assertion(
                        device.keys,
                        "lapak-device-token",
                        now.minusSeconds(200),
                        now.minusSeconds(100),
                        UUID.randomUUID().toString()))))
                .isEqualTo("assertion_expired");
        assertThat(TestDevice.reason(device.token(device.assertion(
                        device.keys,
                        "lapak-device-token",
                        now,
                        now.plusSeconds(600),
                        UUID.randomUUID().toString()))))
                .isEqualTo("assertion_expired");
        assertThat(TestDevice.reason(device.token("not.a.jws"))).isEqualTo("assertion_malformed");

        TestDevice stranger = new TestDevice(port);
        stranger.deviceId = UUID.randomUUID();
        assertThat(TestDevice.reason(stranger.token(stranger.validAssertion()))).isEqualTo("device_unknown");
    }

    @Test
    void configurationHasEtagsAndFollowsEveryLayerAndTheStore() {
        TestDevice device = pairedDevice().authenticate();
        HttpResponse<String> first = device.config(null);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var document = TestDevice.json(first);
        assertThat(document.path("store").path("name").asString()).isEqualTo("Devices Pusat");
        assertThat(document.path("device").path("name").asString()).isEqualTo("Kasir 1");
        assertThat(document.path("tipping").path("enabled").asBoolean()).isFalse();
        assertThat(document.path("entryModes")).hasSize(3);

        HttpResponse<String> unchanged = device.config(etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);

        TestUsers.run(
                admin,
                () -> config.setLayer(
                        ConfigScope.TENANT,
                        tenant,
                        Map.of("tipping.enabled", JsonNodeFactory.instance.booleanNode(true))));
        HttpResponse<String> tenantChanged = device.config(etag);
        assertThat(tenantChanged.statusCode()).isEqualTo(200);
        var afterTenant = TestDevice.json(tenantChanged);
        assertThat(afterTenant.path("tipping").path("enabled").asBoolean()).isTrue();
        assertThat(afterTenant.path("version").asLong())
                .isGreaterThan(document.path("version").asLong());

        TestUsers.run(
                admin,
                () -> config.setLayer(
                        ConfigScope.DEVICE,
                        device.deviceId,
                        Map.of("tipping.enabled", JsonNodeFactory.instance.booleanNode(false))));
        var provenance = TestUsers.as(admin, () -> config.effective(device.deviceId));
        assertThat(provenance)
                .filteredOn(v -> v.key().equals("tipping.enabled"))
                .singleElement()
                .satisfies(v -> assertThat(v.source()).isEqualTo(ConfigScope.DEVICE));
        assertThat(provenance)
                .filteredOn(v -> v.key().equals("receipt.footer"))
                .singleElement()
                .satisfies(v -> assertThat(v.source()).isEqualTo(ConfigScope.PLATFORM));

        String etagNow = device.config(null).headers().firstValue("ETag").orElseThrow();
        TestUsers.run(
                admin,
                () -> stores.update(
                        store.id(),
                        stores.get(store.id()).version(),
                        new StoreForm(
                                "Pusat Baru",
                                "Jl. Dua 2",
                                "Bandung",
                                ZoneId.of("Asia/Jakarta"),
                                Currency.getInstance("IDR"),
                                true,
                                new BigDecimal("11.00"),
                                true)));
        HttpResponse<String> storeChanged = device.config(etagNow);
        assertThat(storeChanged.statusCode()).isEqualTo(200);
        assertThat(TestDevice.json(storeChanged).path("store").path("city").asString())
                .isEqualTo("Bandung");
    }

    @Test
    void theCachedNotModifiedAnswersAsTheRenderedOne() {
        TestDevice device = pairedDevice().authenticate();
        String etag = device.config(null).headers().firstValue("ETag").orElseThrow();
        // A change signal that changes nothing in the document drops it from the cache: the next pull renders it
        // again and answers 304 through the controller, the one after from the cache, before Spring MVC.
        deviceChanges.deviceChanged(device.deviceId);
        HttpResponse<String> rendered = device.config(etag);
        long observed = observedNotModified();
        HttpResponse<String> cached = device.config(etag);

        assertThat(rendered.statusCode()).isEqualTo(304);
        assertThat(cached.statusCode()).isEqualTo(304);
        assertThat(cached.headers().firstValue("ETag")).contains(etag);
        assertThat(cached.body()).isEmpty();
        assertThat(withoutDate(cached.headers().map()))
                .isEqualTo(withoutDate(rendered.headers().map()));
        assertThat(device.config("\"another\"").statusCode()).isEqualTo(200);
        // Request metrics name the endpoint for the shortcut's 304 as MVC's handler lookup does.
        assertThat(observedNotModified()).isEqualTo(observed + 1);
    }

    private long observedNotModified() {
        return meters
                .find("http.server.requests")
                .tag("uri", "/api/device/v1/config")
                .tag("status", "304")
                .timers()
                .stream()
                .mapToLong(Timer::count)
                .sum();
    }

    private static Map<String, List<String>> withoutDate(Map<String, List<String>> headers) {
        var kept = new TreeMap<>(headers);
        kept.remove("date");
        return kept;
    }

    @Test
    void badLayerValuesAreRefused() {
        TestUsers.run(admin, () -> {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.setLayer(
                            ConfigScope.TENANT,
                            tenant,
                            Map.of("offline.maxAgeHours", JsonNodeFactory.instance.numberNode(1000))))
                    .hasMessageContaining("offline.maxAgeHours");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.setLayer(
                            ConfigScope.TENANT,
                            tenant,
                            Map.of("no.such.key", JsonNodeFactory.instance.booleanNode(true))))
                    .hasMessageContaining("not a known setting");
        });
    }

    @Test
    void heartbeatsAreRecordedAndValidated() {
        TestDevice device = pairedDevice().authenticate();
        HttpResponse<String> accepted = device.heartbeat("""
                {"batteryPercent": 42, "charging": true, "appVersion": "1.5.0", "readerFirmware": "2.0.1",
                 "connectivity": "CELLULAR", "signalStrength": -80, "pendingUploads": 3,
                 "deviceTime": "2026-11-25T10:00:00Z"}""");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(TestDevice.json(accepted).path("configVersion").asLong()).isPositive();
        DeviceDetails details = TestUsers.as(admin, () -> devices.get(device.deviceId));
        assertThat(details.batteryPercent()).isEqualTo(42);
        assertThat(details.pendingUploads()).isEqualTo(3);
        assertThat(details.appVersion()).isEqualTo("1.5.0");
        assertThat(TestUsers.as(admin, () -> devices.timeline(device.deviceId, 10)))
                .extracting(DeviceTimeline.Entry::kind)
                .contains("PAIRED", "HEARTBEAT");

        assertThat(device.heartbeat("{\"batteryPercent\": 150}").statusCode()).isEqualTo(400);
        assertThat(device.heartbeat("{\"connectivity\": \"PIGEON\"}").statusCode())
                .isEqualTo(400);
        assertThat(device.heartbeat("[]").statusCode()).isEqualTo(400);
    }

    @Test
    void tokensMustBeGenuineAndTheirDeviceActive() {
        TestDevice device = pairedDevice().authenticate();
        assertThat(device.config(null).statusCode()).isEqualTo(200);

        String token = device.accessToken;
        device.accessToken = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        assertThat(TestDevice.reason(device.config(null))).isEqualTo("token_invalid");
        device.accessToken = null;
        assertThat(device.config(null).statusCode()).isEqualTo(401);
        device.accessToken = token;

        TestUsers.run(admin, () -> devices.revoke(device.deviceId, "Stolen from the counter"));
        HttpResponse<String> refused = device.config(null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(TestDevice.reason(refused)).isEqualTo("device_revoked");
        assertThat(TestDevice.reason(device.token(device.validAssertion()))).isEqualTo("device_revoked");
    }

    @Test
    void devicesOfASuspendedTenantAreRefused() {
        TestDevice device = pairedDevice().authenticate();
        platform.run("test: suspend tenant", () -> {
            jdbc.sql("update tenant set status = 'SUSPENDED' where id = ?")
                    .param(tenant)
                    .update();
            jdbc.sql("select pg_notify('lapak_device', ?)")
                    .param("tenant:" + tenant)
                    .query()
                    .singleRow();
        });
        id.lapak.testing.Await.until(() -> "tenant_suspended".equals(TestDevice.reason(device.config(null))));
    }

    @Test
    void aTenantsDeviceSeesOnlyItsOwnConfiguration() {
        TestDevice ours = pairedDevice().authenticate();
        UUID otherTenant = UUID.randomUUID();
        tenants.createIfMissing(
                new NewTenant(otherTenant, "Other " + otherTenant, "PT Other", "ID", null, null), "test setup");
        TestUser otherAdmin = TestUsers.user(otherTenant, Set.of(), Role.MERCHANT_ADMIN);
        StoreDetails otherStore = TestUsers.as(
                otherAdmin,
                () -> stores.create(new StoreForm(
                        "Rahasia",
                        "Jl. X",
                        "Medan",
                        ZoneId.of("Asia/Jakarta"),
                        Currency.getInstance("IDR"),
                        false,
                        BigDecimal.ZERO,
                        true)));
        String code = TestUsers.as(otherAdmin, () -> codes.create(otherStore.id(), null))
                .code();
        TestDevice theirs = new TestDevice(port);
        assertThat(theirs.pair(code).statusCode()).isEqualTo(201);
        theirs.authenticate();

        assertThat(TestDevice.json(ours.config(null)).path("store").path("name").asString())
                .isEqualTo("Devices Pusat");
        assertThat(TestDevice.json(theirs.config(null))
                        .path("store")
                        .path("name")
                        .asString())
                .isEqualTo("Rahasia");
        assertThat(ours.config(null).body()).doesNotContain("Rahasia");
        // The other tenant's admin cannot see our device at all.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TestUsers.run(otherAdmin, () -> devices.get(ours.deviceId)))
                .isInstanceOf(DeviceNotFoundException.class);
    }

    /** Direct SQL a test needs to put data in states the API cannot reach quickly (e.g. an expired code). */
    static final class TenantContextSql {
        static void expireCodes(PlatformAccess platform, JdbcClient jdbc, UUID tenant) {
            platform.run(
                    "test: expire codes",
                    () -> jdbc.sql(
                                    "update pairing_code set expires_at = now() - interval '1 minute' where tenant_id = ?")
                            .param(tenant)
                            .update());
        }
    }
}
