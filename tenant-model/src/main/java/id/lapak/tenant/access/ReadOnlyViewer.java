package id.lapak.tenant.access;

import java.time.Instant;

/**
 * A support person looking at one tenant's portal ("view as tenant"): reads what a merchant admin reads, changes
 * nothing. Every transaction such a user starts is refused unless it is read-only, and read-only transactions are
 * read-only in PostgreSQL too, so no service can forget the rule.
 */
public interface ReadOnlyViewer extends LapakUser {

    /** The support person behind the view. */
    LapakUser viewer();

    String reason();

    Instant expiresAt();
}
