package id.lapak.device;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A device as the API sees it: its own key pair, spoken to over real HTTP. */
final class TestDevice {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String server;
    final KeyPair keys;
    UUID deviceId;
    String accessToken;

    TestDevice(int port) {
        this.server = "http://localhost:" + port;
        this.keys = newKeys();
    }

    static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> pair(String code) {
        String body = JSON.createObjectNode()
                .put("code", code)
                .put(
                        "publicKey",
                        Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()))
                .set(
                        "facts",
                        JSON.createObjectNode()
                                .put("model", "Sunmi P2")
                                .put("serialNumber", "SN-1")
                                .put("appVersion", "1.4.0"))
                .toString();
        HttpResponse<String> response = post("/api/device/v1/pairings", body, null);
        if (response.statusCode() == 201) {
            deviceId = UUID.fromString(json(response).path("deviceId").asString());
        }
        return response;
    }

    String assertion(KeyPair signer, String audience, Instant iat, Instant exp, String jti) {
        String header = b64(JSON.createObjectNode()
                .put("alg", "ES256")
                .put("typ", "JWT")
                .put("kid", deviceId.toString())
                .toString());
        String claims = b64(JSON.createObjectNode()
                .put("iss", deviceId.toString())
                .put("sub", deviceId.toString())
                .put("aud", audience)
                .put("iat", iat.getEpochSecond())
                .put("exp", exp.getEpochSecond())
                .put("jti", jti)
                .toString());
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(signer.getPrivate());
            signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String validAssertion() {
        Instant now = Instant.now();
        return assertion(
                keys,
                "lapak-device-token",
                now,
                now.plusSeconds(120),
                UUID.randomUUID().toString());
    }

    HttpResponse<String> token(String assertion) {
        HttpResponse<String> response = post(
                "/api/device/v1/token",
                JSON.createObjectNode().put("assertion", assertion).toString(),
                null);
        if (response.statusCode() == 200) {
            accessToken = json(response).path("access_token").asString();
        }
        return response;
    }

    TestDevice authenticate() {
        HttpResponse<String> response = token(validAssertion());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token refused: " + response.body());
        }
        return this;
    }

    HttpResponse<String> config(String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + "/api/device/v1/config"))
                .GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return send(request.build());
    }

    HttpResponse<String> heartbeat(String body) {
        return post("/api/device/v1/heartbeats", body, accessToken);
    }

    HttpResponse<String> post(String path, String body, String bearer) {
        return post(path, body, bearer, "application/json");
    }

    HttpResponse<String> post(String path, String body, String bearer, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String reason(HttpResponse<String> response) {
        return json(response).path("reason").asString("");
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
