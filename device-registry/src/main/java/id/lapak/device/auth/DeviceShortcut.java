package id.lapak.device.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers some device requests from memory once their token is checked and the chain's authorisation rule has let
 * them through, before Spring MVC (decision 0046), with exactly the answer the endpoint behind it would give; any
 * other request is passed on. Runs inside the device's tenant context.
 */
public interface DeviceShortcut {

    /** Writes the whole answer and returns {@code true}, or writes nothing and returns {@code false}. */
    boolean answered(HttpServletRequest request, HttpServletResponse response, DevicePrincipal device)
            throws IOException;
}
