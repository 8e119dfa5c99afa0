package id.lapak.device.auth;

import id.lapak.tenant.context.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every device request after pairing and token exchange: a valid, unexpired access token whose
 * device is still active and whose tenant is not suspended. The device's tenant becomes the request's tenant
 * through the same fail-closed {@link TenantContext} as the portal, cleared when the request ends.
 */
class DeviceAuthenticationFilter extends OncePerRequestFilter {

    static final String DEVICE_AUTHORITY = "ROLE_DEVICE";

    private final DeviceTokens tokens;
    private final DeviceStateCache states;
    private final ProblemWriter problems;

    DeviceAuthenticationFilter(DeviceTokens tokens, DeviceStateCache states, ProblemWriter problems) {
        this.tokens = tokens;
        this.states = states;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/device/v1/pairings")
                || path.equals("/api/device/v1/token")
                || path.equals("/api/device/v1/time");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DevicePrincipal device;
        try {
            device = authenticate(request.getHeader("Authorization"));
        } catch (DeviceAuthenticationException e) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(response, 401, "Device not authenticated", e.getMessage(), e.reason());
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(
                device, null, List.of(new SimpleGrantedAuthority(DEVICE_AUTHORITY)));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        MDC.put("device", device.deviceId().toString());
        try {
            TenantContext.callAs(device.tenantId(), () -> {
                chain.doFilter(request, response);
                return null;
            });
        } finally {
            MDC.remove("device");
            SecurityContextHolder.clearContext();
        }
    }

    DevicePrincipal authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new DeviceAuthenticationException("token_missing", "Send the access token as a Bearer token");
        }
        DevicePrincipal principal = tokens.verify(header.substring(7).strip());
        var state = states.state(principal.deviceId())
                .filter(s -> s.tenantId().equals(principal.tenantId()))
                .orElseThrow(() -> new DeviceAuthenticationException("device_unknown", "No such device"));
        DeviceAuthentication.requireUsable(state.status(), state.tenantActive());
        return principal;
    }
}
