package id.lapak.identity;

/**
 * A person invited to Lapak: their Keycloak user and the temporary password for their first login, shown once to
 * whoever invited them and never stored or logged by Lapak. At that login Keycloak makes them choose a password,
 * verify their e-mail and (merchant admins) set up a one-time code.
 */
public record Invitation(String userId, String email, String temporaryPassword) {

    @Override
    public String toString() {
        return "Invitation[userId=" + userId + ", email=" + email + "]";
    }
}
