package id.lapak.simulator;

import java.time.Instant;

/** The server's {@code 202} answer to a heartbeat; pull the configuration when {@code configVersion} changed. */
public record HeartbeatResult(int status, Instant serverTime, long configVersion, String json) {}
