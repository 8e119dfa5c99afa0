package id.lapak.device.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The device API's own security: stateless, no cookies, no CSRF (no browser), pairing and token exchange open
 * (they carry their own proof), everything else only with a device access token.
 */
@Configuration(proxyBeanMethods = false)
class DeviceSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain deviceApi(
            HttpSecurity http, DeviceTokens tokens, DeviceStateCache states, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/device/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
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
                .addFilterBefore(new DeviceAuthenticationFilter(tokens, states, problems), AuthorizationFilter.class);
        return http.build();
    }
}
