package id.lapak.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreForm;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.TestUsers;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The integration API with bearer tokens shaped like Keycloak's (same claims), signed by a key this test holds in
 * place of the realm's: the role and tenant rules of a portal login apply to API calls too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(id.lapak.testing.SameSecurityContextStrategy.class)
class DeviceCodesApiIntegrationTest {

    static final KeyPair REALM_KEY = rsa();
    static final String ISSUER = "http://localhost:18181/realms/lapak";

    @TestConfiguration
    static class RealmKey {
        @Bean
        @Primary
        JwtDecoder testRealmDecoder() {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) REALM_KEY.getPublic())
                    .build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            return decoder;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    UUID tenant;
    StoreDetails store;
    StoreDetails otherStore;

    @BeforeEach
    void merchant() {
        tenant = UUID.randomUUID();
        tenants.createIfMissing(new NewTenant(tenant, "Api " + tenant, "PT Api", "ID", null, null), "test setup");
        var admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        store = TestUsers.as(admin, () -> stores.create(form("Api Pusat")));
        otherStore = TestUsers.as(admin, () -> stores.create(form("Api Cabang")));
    }

    @Test
    void aMerchantAdminCreatesACodeThatADeviceCanRedeem() {
        HttpResponse<String> created = post(
                token(Map.of("roles", List.of("MERCHANT_ADMIN"), "tenant_id", tenant.toString()), ISSUER),
                "{\"storeId\": \"" + store.id() + "\", \"name\": \"Kasir 9\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String code = TestDevice.json(created).path("code").asString();
        assertThat(code).hasSize(8);

        TestDevice device = new TestDevice(port);
        assertThat(device.pair(code).statusCode()).isEqualTo(201);
    }

    @Test
    void roleScopeTenantAndTokenAreEnforced() {
        String manager = token(
                Map.of(
                        "roles",
                        List.of("STORE_MANAGER"),
                        "tenant_id",
                        tenant.toString(),
                        "store_ids",
                        List.of(store.id().toString())),
                ISSUER);
        assertThat(post(manager, "{\"storeId\": \"" + store.id() + "\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> notTheirs = post(manager, "{\"storeId\": \"" + otherStore.id() + "\"}");
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(TestDevice.reason(notTheirs)).isEqualTo("store_unknown");

        String cashier = token(Map.of("roles", List.of("CASHIER"), "tenant_id", tenant.toString()), ISSUER);
        HttpResponse<String> denied = post(cashier, "{\"storeId\": \"" + store.id() + "\"}");
        assertThat(denied.statusCode()).isEqualTo(403);

        String otherTenant = token(
                Map.of(
                        "roles",
                        List.of("MERCHANT_ADMIN"),
                        "tenant_id",
                        UUID.randomUUID().toString()),
                ISSUER);
        assertThat(post(otherTenant, "{\"storeId\": \"" + store.id() + "\"}").statusCode())
                .isEqualTo(401);

        String wrongIssuer = token(
                Map.of("roles", List.of("MERCHANT_ADMIN"), "tenant_id", tenant.toString()),
                "http://evil.example/realms/lapak");
        assertThat(post(wrongIssuer, "{\"storeId\": \"" + store.id() + "\"}").statusCode())
                .isEqualTo(401);
        HttpResponse<String> anonymous = post(null, "{\"storeId\": \"" + store.id() + "\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(TestDevice.reason(anonymous)).isEqualTo("token_invalid");

        String admin = token(Map.of("roles", List.of("MERCHANT_ADMIN"), "tenant_id", tenant.toString()), ISSUER);
        HttpResponse<String> malformed = post(admin, "{\"storeId\": \"not-a-uuid\"}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    HttpResponse<String> post(String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/device-codes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return TestDevice.send(request.build());
    }

    static String token(Map<String, Object> claims, String issuer) {
        try {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(UUID.randomUUID().toString())
                    .claim("preferred_username", "integration")
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300)));
            claims.forEach(set::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
            jwt.sign(new RSASSASigner(REALM_KEY.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static StoreForm form(String name) {
        return new StoreForm(
                name,
                "Jl. Api 1",
                "Jakarta",
                ZoneId.of("Asia/Jakarta"),
                Currency.getInstance("IDR"),
                true,
                new BigDecimal("11.00"),
                true);
    }
}
