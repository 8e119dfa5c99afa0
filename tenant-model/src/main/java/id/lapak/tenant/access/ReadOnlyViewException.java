package id.lapak.tenant.access;

import org.springframework.security.access.AccessDeniedException;

/** A change was attempted while viewing a tenant read-only. */
public class ReadOnlyViewException extends AccessDeniedException {

    public ReadOnlyViewException() {
        super("Viewing a tenant read-only: changes are not allowed");
    }
}
