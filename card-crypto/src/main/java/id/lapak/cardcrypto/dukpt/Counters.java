package id.lapak.cardcrypto.dukpt;

/** The counter rules both DUKPT variants share; they differ only in width and in the one-bit limit. */
final class Counters {

    private Counters() {}

    static void checkUsable(long counter, int bits, int maxOneBits, String name) {
        if (counter == 0) {
            throw new InvalidKsnException(name + " counter 0 belongs to the initial key, not to a transaction");
        }
        if (counter >>> bits != 0) {
            throw new InvalidKsnException(name + " counter is wider than " + bits + " bits");
        }
        if (Long.bitCount(counter) > maxOneBits) {
            throw new InvalidKsnException(
                    name + " counter " + Long.toHexString(counter).toUpperCase() + " has more than " + maxOneBits
                            + " one-bits; readers skip it");
        }
    }

    /**
     * The next counter a reader uses after {@code counter}: one up, then, while that has too many one-bits, add its
     * lowest one-bit (the originator's skip in X9.24-1 and X9.24-3).
     */
    static long next(long counter, int bits, int maxOneBits, String name) {
        long limit = 1L << bits;
        long candidate = counter + 1;
        while (candidate < limit && Long.bitCount(candidate) > maxOneBits) {
            candidate += Long.lowestOneBit(candidate);
        }
        if (candidate >= limit) {
            throw new KsnExhaustedException(name + " transaction counter is exhausted after "
                    + Long.toHexString(counter).toUpperCase() + "; the reader needs a new initial key");
        }
        return candidate;
    }
}
