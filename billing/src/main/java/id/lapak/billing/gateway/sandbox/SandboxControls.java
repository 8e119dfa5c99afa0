package id.lapak.billing.gateway.sandbox;

import id.lapak.billing.gateway.GatewayUnavailableException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runtime switches of the sandbox acquirer: a delay per call ({@code lapak.gateway.sandbox.delay}), a fail mode
 * ({@code lapak.gateway.sandbox.fail-mode}: NONE, UNAVAILABLE, TIMEOUT), a fail mode for the next few calls only,
 * and which issuers are online. Tests and the benchmark set these; nothing in production does.
 */
@Component
public class SandboxControls {

    private final Duration configuredDelay;
    private final FailMode configuredFailMode;
    private volatile Duration delay;
    private volatile FailMode failMode;
    private volatile FailMode nextFailMode = FailMode.NONE;
    private final AtomicInteger nextFailures = new AtomicInteger();
    private final Set<Issuer> offline = EnumSet.noneOf(Issuer.class);

    public SandboxControls(
            @Value("${lapak.gateway.sandbox.delay:0ms}") Duration delay,
            @Value("${lapak.gateway.sandbox.fail-mode:NONE}") FailMode failMode) {
        if (delay.isNegative()) {
            throw new IllegalStateException("lapak.gateway.sandbox.delay must not be negative");
        }
        this.configuredDelay = delay;
        this.configuredFailMode = failMode;
        reset();
    }

    /** Every call waits this long before the acquirer acts. */
    public void setDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }

    /** Every call from now on fails this way (NONE to answer normally again). */
    public void setFailMode(FailMode failMode) {
        this.failMode = failMode;
    }

    public FailMode failMode() {
        return failMode;
    }

    /** Only the next {@code calls} calls fail this way; then the standing fail mode applies again. */
    public void failNext(int calls, FailMode mode) {
        nextFailMode = mode;
        nextFailures.set(calls);
    }

    /** Switches a simulated issuer on or off; an offline issuer's cards get {@code 91}. */
    public void setIssuerOnline(String issuerName, boolean online) {
        Issuer issuer = Issuer.byName(issuerName);
        synchronized (offline) {
            if (online) {
                offline.remove(issuer);
            } else {
                offline.add(issuer);
            }
        }
    }

    /** Back to the configured delay and fail mode, every issuer as at start. */
    public void reset() {
        delay = configuredDelay;
        failMode = configuredFailMode;
        nextFailures.set(0);
        nextFailMode = FailMode.NONE;
        synchronized (offline) {
            offline.clear();
            for (Issuer issuer : Issuer.values()) {
                if (!issuer.onlineAtStart()) {
                    offline.add(issuer);
                }
            }
        }
    }

    boolean online(Issuer issuer) {
        synchronized (offline) {
            return !offline.contains(issuer);
        }
    }

    /**
     * Called at the start of every acquirer call: waits the delay, refuses the call when the acquirer is
     * unavailable, and says whether the answer will be lost.
     */
    FailMode beforeCall() {
        Duration wait = delay;
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayUnavailableException("Interrupted while calling the sandbox acquirer");
            }
        }
        FailMode mode = failMode;
        if (nextFailures.get() > 0 && nextFailures.getAndDecrement() > 0) {
            mode = nextFailMode;
        }
        if (mode == FailMode.UNAVAILABLE) {
            throw new GatewayUnavailableException("The sandbox acquirer is unavailable");
        }
        return mode;
    }
}
