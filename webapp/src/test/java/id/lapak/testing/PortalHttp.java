package id.lapak.testing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.local.LocalKeycloak;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A cookie-keeping HTTP client for the portal of {@link KeycloakPortalTest}: logs in through Keycloak's login form
 * as a browser would. {@link Admin} is Keycloak's own administrator (the local server's dev-only bootstrap admin),
 * for what Lapak itself never does.
 */
public final class PortalHttp {

    public static final String PORTAL = "http://localhost:18083";

    /**
     * The Keycloak of this test JVM: the first application context that starts one starts it (another class's
     * context may have started it on its own port), and every later context uses it.
     */
    public static String keycloak() {
        return LocalKeycloak.current().url();
    }

    private final String portal;
    private final CookieManager cookies = new CookieManager(new LocalhostCookies(), java.net.CookiePolicy.ACCEPT_ALL);
    private final HttpClient following = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final HttpClient plain = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A client of the test's portal. */
    public PortalHttp() {
        this(PORTAL);
    }

    /** A client of the portal at {@code portal}, e.g. a second node. */
    public PortalHttp(String portal) {
        this.portal = portal;
    }

    /** Opens the portal, is sent to Keycloak's login form and submits it; answers where the browser lands. */
    public HttpResponse<String> login(String username, String password) throws Exception {
        HttpResponse<String> form = follow("/");
        Matcher action =
                Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(form.body());
        assertThat(action.find())
                .as("Keycloak's login form at %s: %s", form.uri(), form.body())
                .isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        fields.put("credentialId", "");
        return following.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One portal request, redirects not followed. */
    public HttpResponse<String> get(String path) throws Exception {
        return plain.send(
                HttpRequest.newBuilder(URI.create(portal + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A portal request with every redirect followed. */
    public HttpResponse<String> follow(String path) throws Exception {
        return following.send(
                HttpRequest.newBuilder(URI.create(portal + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Keycloak's own administrator. */
    public static final class Admin {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        private Admin() {}

        static String token() throws Exception {
            String body = HTTP.send(
                            HttpRequest.newBuilder(
                                            URI.create(keycloak() + "/realms/master/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                            "grant_type",
                                            "password",
                                            "client_id",
                                            "admin-cli",
                                            "username",
                                            "admin",
                                            "password",
                                            "admin"))))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            assertThat(m.find()).as("admin token: %s", body).isTrue();
            return m.group(1);
        }

        public static String userId(String username) throws Exception {
            String body = HTTP.send(
                            HttpRequest.newBuilder(URI.create(
                                            keycloak() + "/admin/realms/lapak/users?exact=true&username=" + username))
                                    .header("Authorization", "Bearer " + token())
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            assertThat(m.find()).as("user %s: %s", username, body).isTrue();
            return m.group(1);
        }

        /**
         * Points the portal client's back-channel logout at {@code portal} (Keycloak posts logout tokens to the
         * portal that started it, which in a shared test JVM may be another test class's).
         */
        public static void backChannelLogoutTo(String portal) throws Exception {
            String token = token();
            String clients = HTTP.send(
                            HttpRequest.newBuilder(URI.create(
                                            keycloak() + "/admin/realms/lapak/clients?clientId=lapak-portal"))
                                    .header("Authorization", "Bearer " + token)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            JsonNode client = JSON.readTree(clients).get(0);
            ObjectNode attributes = (ObjectNode) client.get("attributes");
            attributes.put("backchannel.logout.url", portal + "/logout/connect/back-channel/keycloak");
            int status = HTTP.send(
                            HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms/lapak/clients/"
                                            + client.get("id").asString()))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            assertThat(status).as("the portal client updated").isBetween(200, 299);
        }

        private static final JsonMapper JSON = JsonMapper.builder().build();

        public static void post(String path) throws Exception {
            int status = HTTP.send(
                            HttpRequest.newBuilder(URI.create(keycloak() + path))
                                    .header("Authorization", "Bearer " + token())
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            assertThat(status).as("POST %s", path).isBetween(200, 299);
        }
    }

    /**
     * Keycloak marks its login cookies {@code Secure} even over plain HTTP (browsers treat localhost as secure);
     * Java's cookie manager would never send them back over {@code http://localhost}.
     */
    private static final class LocalhostCookies implements java.net.CookieStore {
        private final java.net.CookieStore store = new CookieManager().getCookieStore();

        @Override
        public void add(URI uri, java.net.HttpCookie cookie) {
            cookie.setSecure(false);
            store.add(uri, cookie);
        }

        @Override
        public java.util.List<java.net.HttpCookie> get(URI uri) {
            return store.get(uri);
        }

        @Override
        public java.util.List<java.net.HttpCookie> getCookies() {
            return store.getCookies();
        }

        @Override
        public java.util.List<URI> getURIs() {
            return store.getURIs();
        }

        @Override
        public boolean remove(URI uri, java.net.HttpCookie cookie) {
            return store.remove(uri, cookie);
        }

        @Override
        public boolean removeAll() {
            return store.removeAll();
        }
    }
}
