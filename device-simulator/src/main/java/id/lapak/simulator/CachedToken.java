package id.lapak.simulator;

import java.time.Instant;

/** An access token kept between runs so each command does not sign a fresh assertion. */
public record CachedToken(String accessToken, Instant expiresAt) {}
