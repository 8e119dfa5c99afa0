package id.lapak.billing.gateway.sandbox;

import java.util.List;

/**
 * The simulated issuers behind the sandbox acquirer and the BIN prefixes routed to them (longest prefix wins).
 * Bank Gunung starts offline, so its cards get {@code 91} until it is switched on.
 */
enum Issuer {
    NUSANTARA("Bank Nusantara", List.of("4", "5", "2"), true),
    SAMUDRA("Bank Samudra", List.of("34", "35", "37", "62", "9"), true),
    GUNUNG("Bank Gunung", List.of("499999"), false);

    private final String displayName;
    private final List<String> prefixes;
    private final boolean onlineAtStart;

    Issuer(String displayName, List<String> prefixes, boolean onlineAtStart) {
        this.displayName = displayName;
        this.prefixes = prefixes;
        this.onlineAtStart = onlineAtStart;
    }

    String displayName() {
        return displayName;
    }

    boolean onlineAtStart() {
        return onlineAtStart;
    }

    /** The issuer for a PAN, or null when no issuer takes its BIN. */
    static Issuer route(char[] pan) {
        Issuer best = null;
        int bestLength = 0;
        for (Issuer issuer : values()) {
            for (String prefix : issuer.prefixes) {
                if (prefix.length() > bestLength && startsWith(pan, prefix)) {
                    best = issuer;
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }

    static Issuer byName(String displayName) {
        for (Issuer issuer : values()) {
            if (issuer.displayName.equals(displayName)) {
                return issuer;
            }
        }
        throw new IllegalArgumentException("No sandbox issuer " + displayName);
    }

    private static boolean startsWith(char[] pan, String prefix) {
        if (pan.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (pan[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
