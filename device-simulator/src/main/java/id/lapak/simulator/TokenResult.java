package id.lapak.simulator;

import java.time.Instant;

/** The server's answer to a token request; {@code expiresAt} is the device's own clock plus {@code expires_in}. */
public record TokenResult(String accessToken, String tokenType, long expiresIn, Instant expiresAt) {}
