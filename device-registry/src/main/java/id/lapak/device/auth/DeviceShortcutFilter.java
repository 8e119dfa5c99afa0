package id.lapak.device.auth;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The device chain's last filter: gives each {@link DeviceShortcut} an authenticated request before Spring MVC, and
 * continues the chain with the request the last of them passed on (a replacement when one had to read the body).
 */
final class DeviceShortcutFilter implements Filter {

    private final List<DeviceShortcut> shortcuts;

    DeviceShortcutFilter(List<DeviceShortcut> shortcuts) {
        this.shortcuts = List.copyOf(shortcuts);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof DevicePrincipal device
                && request instanceof HttpServletRequest http
                && response instanceof HttpServletResponse answer) {
            HttpServletRequest next = http;
            for (DeviceShortcut shortcut : shortcuts) {
                DeviceShortcut.Outcome outcome = shortcut.handle(next, answer, device);
                if (outcome.answered()) {
                    return;
                }
                next = outcome.next(next);
            }
            chain.doFilter(next, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
