package id.lapak.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import id.lapak.device.auth.ProblemWriter;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(KeycloakProperties.class)
class SecurityConfiguration {

    static final String REGISTRATION = "keycloak";

    /**
     * What a portal page may load: everything from Lapak itself (Vaadin's client needs inline scripts and
     * {@code eval} for its server-driven updates, and inline styles), images also as data/blob URLs, no plugins, no
     * framing, no other base. Spring Security adds {@code nosniff}, {@code Cache-Control: no-store} and HSTS (over
     * HTTPS); the browser journeys fail on any violation Chromium reports.
     */
    static final String PORTAL_CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            LapakOidcUserService users,
            ViewAs viewAs,
            TenantStatusCheck tenantStatus,
            AccessRevocations revocations)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/access-refused",
                        "/error",
                        PortalSessionFilter.SUSPENDED_PAGE)
                .permitAll()
                // Audit chain verification: support staff only (or a separate management port, see README).
                .requestMatchers("/actuator/audit-chain", "/actuator/audit-chain/**")
                .hasRole("SUPPORT")
                // The API description is public, like the API's own documentation.
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui", "/swagger-ui/**", "/swagger-ui.html")
                .permitAll());
        http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                .failureHandler((request, response, exception) -> {
                    String code = exception instanceof OAuth2AuthenticationException oauth
                                    && LoginRefusal.fromCode(oauth.getError().getErrorCode()) != null
                            ? oauth.getError().getErrorCode()
                            : "failed";
                    if (LoginRefusal.fromCode(code) == LoginRefusal.TENANT_SUSPENDED) {
                        response.sendRedirect(request.getContextPath() + PortalSessionFilter.SUSPENDED_PAGE);
                        return;
                    }
                    response.sendRedirect(request.getContextPath() + "/access-refused?reason=" + code);
                }));
        // Keycloak tells the portal when it ends a login session (logout elsewhere, an admin, expiry): POST
        // /logout/connect/back-channel/keycloak with a signed logout token; every node then ends the portal sessions.
        http.oidcLogout(logout ->
                logout.backChannel(backChannel -> backChannel.logoutHandler(new BackChannelLogout(revocations))));
        http.headers(
                headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PORTAL_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()));
        http.addFilterBefore(new PortalSessionFilter(viewAs, tenantStatus, revocations), AuthorizationFilter.class);
        http.addFilterAfter(new TenantContextFilter(), AuthorizationFilter.class);
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.oauth2LoginPage("/oauth2/authorization/" + REGISTRATION, "{baseUrl}")
                        // Unknown paths reach the router, which shows the friendly not-found page.
                        .anyRequest(any -> any.authenticated()));
        return http.build();
    }

    /**
     * The integration API ({@code /api/v1/**}): stateless, Keycloak access tokens as bearer tokens, admitted by the
     * same policy as a portal login; the token's tenant becomes the request's tenant.
     */
    @Bean
    @Order(2)
    SecurityFilterChain integrationApi(
            HttpSecurity http, JwtDecoder jwtDecoder, LoginPolicy policy, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(jwtDecoder)
                                .jwtAuthenticationConverter(LapakJwtAuthentication.converter(policy)))
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(
                                    response,
                                    401,
                                    "Not authenticated",
                                    "Send a valid Keycloak access token as a Bearer token",
                                    "token_invalid");
                        }))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, ex) -> problems.write(
                        response, 403, "Not allowed", "Your role does not allow this request", "forbidden")))
                .addFilterAfter(new TenantContextFilter(), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * No observation per security filter, authentication or authorisation: with one per filter on every request they
     * cost more than they tell (the request itself stays observed by Spring MVC). Turning them off here, rather than
     * with a {@code management.observations.enable} property, also leaves every filter chain unwrapped: the property
     * only mutes the observations, each filter would still be wrapped in a decorator on every request.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Verifies Keycloak access tokens: signature from the realm's keys, issuer as browsers see it, expiry. */
    @Bean
    JwtDecoder jwtDecoder(KeycloakProperties keycloak) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                        keycloak.internalIssuer() + "/protocol/openid-connect/certs")
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.issuer()));
        return decoder;
    }

    /**
     * Built from Keycloak's well-known endpoint paths rather than fetched at start-up, so the portal starts while
     * Keycloak is still starting. The issuer is still checked on every ID token.
     */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(KeycloakProperties keycloak) {
        String issuer = keycloak.issuer();
        String internal = keycloak.internalIssuer();
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("Keycloak")
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/protocol/openid-connect/auth")
                .tokenUri(internal + "/protocol/openid-connect/token")
                .jwkSetUri(internal + "/protocol/openid-connect/certs")
                .userInfoUri(internal + "/protocol/openid-connect/userinfo")
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(
                        Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }
}
