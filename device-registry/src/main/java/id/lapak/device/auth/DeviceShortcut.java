package id.lapak.device.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Answers some device requests once their token is checked and the chain's authorisation rule has let them through,
 * before Spring MVC (decision 0046), with exactly the answer the endpoint behind it would give; any other request is
 * passed on. Runs inside the device's tenant context.
 *
 * <p>A shortcut that must read the body before it knows whether it answers (the body can be read only once) passes
 * on a replacement request that reads the same bytes: the next shortcuts and Spring MVC get the replacement, and
 * answer as if nobody had read the body before them.
 */
public interface DeviceShortcut {

    /**
     * Writes the whole answer and returns {@link Outcome#ANSWERED}, or writes nothing and returns
     * {@link Outcome#PASSED_ON} (nothing read either) or {@link Outcome#passedOn(HttpServletRequest)} with the
     * request to go on with.
     */
    Outcome handle(HttpServletRequest request, HttpServletResponse response, DevicePrincipal device) throws IOException;

    /** What a shortcut did with a request: answered it, or passed it (or a replacement for it) on. */
    final class Outcome {

        /** The shortcut wrote the whole answer. */
        public static final Outcome ANSWERED = new Outcome(true, null);

        /** The shortcut neither wrote nor read anything: the request goes on as it came. */
        public static final Outcome PASSED_ON = new Outcome(false, null);

        private final boolean answered;
        private final HttpServletRequest replacement;

        private Outcome(boolean answered, HttpServletRequest replacement) {
            this.answered = answered;
            this.replacement = replacement;
        }

        /** The shortcut wrote nothing; {@code replacement} goes on in place of the request it was given. */
        public static Outcome passedOn(HttpServletRequest replacement) {
            return new Outcome(false, Objects.requireNonNull(replacement));
        }

        boolean answered() {
            return answered;
        }

        /** The request to go on with after this outcome, {@code given} unless the shortcut replaced it. */
        HttpServletRequest next(HttpServletRequest given) {
            return replacement == null ? given : replacement;
        }
    }
}
