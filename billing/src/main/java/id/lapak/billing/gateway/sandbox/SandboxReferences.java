package id.lapak.billing.gateway.sandbox;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The acquirer's references and authorization codes. */
final class SandboxReferences {

    private static final char[] AUTH_CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private SandboxReferences() {}

    /**
     * References only have to be unique, not unguessable: a random version-4 UUID from the thread's own generator,
     * which, unlike {@code UUID.randomUUID()}, takes no lock (the shared SecureRandom showed up as contention while
     * an account's monitor was held).
     */
    static String newReference(String kind) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return "SBX" + kind + "-" + new UUID(high, low);
    }

    static String newAuthorizationCode() {
        char[] code = new char[6];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < code.length; i++) {
            code[i] = AUTH_CODE_CHARS[random.nextInt(AUTH_CODE_CHARS.length)];
        }
        return new String(code);
    }
}
