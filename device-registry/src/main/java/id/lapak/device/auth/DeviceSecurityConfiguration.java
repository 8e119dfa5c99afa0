package id.lapak.device.auth;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The device API's own security, matched before any other chain so that a device request never meets the portal's:
 * stateless, no cookies, no CSRF (no browser), pairing, token exchange and the clock open (they carry their own proof
 * or nothing worth protecting), everything else only with a device access token.
 *
 * <p>Only what a token-carrying API needs is in the chain (decision 0043): the security headers, the token check, the
 * refusal answers and the authorisation rule. No session is read or created (a portal session cookie sent along
 * authenticates nothing here), no request is saved for a later login, there is no logout, anonymous principal or
 * servlet-API wrapper. The last filter gives the {@link DeviceShortcut}s an authorised request to answer before Spring
 * MVC (decision 0046).
 */
@Configuration(proxyBeanMethods = false)
class DeviceSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain deviceApi(
            HttpSecurity http,
            DeviceTokens tokens,
            DeviceStateCache states,
            ProblemWriter problems,
            List<DeviceShortcut> shortcuts)
            throws Exception {
        http.securityMatcher("/api/device/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/api/device/v1/pairings", "/api/device/v1/token", "/api/device/v1/time")
                        .permitAll()
                        .anyRequest()
                        .hasRole("DEVICE"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(
                                response,
                                401,
                                "Device not authenticated",
                                "Send the access token as a Bearer token",
                                "token_missing"))
                        .accessDeniedHandler((request, response, ex) -> problems.write(
                                response, 403, "Not allowed", "This request is not allowed for a device", "forbidden")))
                .addFilterBefore(new DeviceAuthenticationFilter(tokens, states, problems), AuthorizationFilter.class)
                .addFilterAfter(new DeviceShortcutFilter(shortcuts), AuthorizationFilter.class);
        return http.build();
    }
}
