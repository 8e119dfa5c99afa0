package id.lapak.tenant.access;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in {@link LapakUser} from Spring Security. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<LapakUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LapakUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static LapakUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("No signed-in Lapak user"));
    }
}
