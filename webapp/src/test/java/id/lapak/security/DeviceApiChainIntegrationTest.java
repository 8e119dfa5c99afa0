package id.lapak.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.device.auth.DevicePrincipal;
import id.lapak.testing.IntegrationTest;
import jakarta.servlet.Filter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The device API's security chain is its own: a session (however it came to hold an authentication) opens nothing
 * there, a device request never creates a session, and the security headers are on every answer.
 */
@IntegrationTest
class DeviceApiChainIntegrationTest {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter security;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSessionHoldingAnAuthenticatedDeviceDoesNotAuthenticateADeviceRequest() throws Exception {
        var device = new UsernamePasswordAuthenticationToken(
                new DevicePrincipal(UUID.randomUUID(), UUID.randomUUID()),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_DEVICE")));
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(device));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/device/v1/config");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain controller = new MockFilterChain();

        security.doFilter(request, response, controller);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"reason\":\"token_missing\"");
        assertThat(controller.getRequest()).as("never reaches the controller").isNull();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void aDeviceRequestCreatesNoSessionAndCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/api/device/v1/time", "/api/device/v1/config")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
            MockHttpServletResponse response = new MockHttpServletResponse();

            security.doFilter(request, response, new MockFilterChain());

            assertThat(request.getSession(false)).as(path).isNull();
            assertThat(response.getCookies()).as(path).isEmpty();
            assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.getHeader("Cache-Control")).as(path).contains("no-store");
            assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void aDeviceRequestOverHttpsIsToldToStayOnHttps() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/device/v1/time");
        request.setSecure(true);
        request.setScheme("https");
        MockHttpServletResponse response = new MockHttpServletResponse();

        security.doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader("Strict-Transport-Security")).contains("max-age=");
    }
}
