package id.lapak.billing.gateway.sandbox;

/** How the sandbox acquirer misbehaves, set by configuration or at runtime through {@link SandboxControls}. */
public enum FailMode {
    /** Answers normally. */
    NONE,
    /** Refuses every call before acting: {@link id.lapak.billing.gateway.GatewayUnavailableException}. */
    UNAVAILABLE,
    /**
     * Acts on the call (holds, moves or returns funds and journals it) but the answer is lost:
     * {@link id.lapak.billing.gateway.GatewayTimeoutException}. Asking again with the same request id gets the answer.
     */
    TIMEOUT
}
