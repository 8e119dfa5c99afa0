package id.lapak.identity;

/**
 * Keycloak could not be reached or did not do what was asked (down, timed out, refused the request). The message
 * is for logs and support; it never carries a password or a token.
 */
public class KeycloakUnavailableException extends RuntimeException {

    private final int status;

    KeycloakUnavailableException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status Keycloak answered with, or 0 when it did not answer at all. */
    public int status() {
        return status;
    }

    /** Keycloak answered and said no (4xx), as opposed to being down. */
    public boolean refused() {
        return status >= 400 && status < 500;
    }
}
