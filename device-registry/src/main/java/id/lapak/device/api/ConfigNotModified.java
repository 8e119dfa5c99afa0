package id.lapak.device.api;

import id.lapak.device.auth.DevicePrincipal;
import id.lapak.device.auth.DeviceShortcut;
import id.lapak.device.config.DeviceConfigService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The configuration pull that changes nothing, the device API's most frequent request: {@code GET /config} with an
 * {@code If-None-Match} naming the device's cached, still current document is answered {@code 304} with its ETag
 * before Spring MVC (decision 0046). Anything else (no header, another ETag, nothing cached) goes on to
 * {@link DeviceApiController#config}, which renders the document and answers the same way.
 */
@Component
class ConfigNotModified implements DeviceShortcut {

    static final String PATH = "/api/device/v1/config";

    private final DeviceConfigService config;

    ConfigNotModified(DeviceConfigService config) {
        this.config = config;
    }

    @Override
    public Outcome handle(HttpServletRequest request, HttpServletResponse response, DevicePrincipal device) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null
                || !"GET".equals(request.getMethod())
                || !PATH.equals(request.getRequestURI()
                        .substring(request.getContextPath().length()))) {
            return Outcome.PASSED_ON;
        }
        var cached = config.cached(device.deviceId(), device.tenantId());
        if (cached.isEmpty() || !cached.get().matches(ifNoneMatch)) {
            return Outcome.PASSED_ON;
        }
        // What MVC's handler lookup would record: request metrics name the endpoint, not UNKNOWN.
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATH));
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        response.setHeader(HttpHeaders.ETAG, cached.get().etag());
        return Outcome.ANSWERED;
    }
}
