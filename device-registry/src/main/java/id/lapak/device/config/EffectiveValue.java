package id.lapak.device.config;

import tools.jackson.databind.JsonNode;

/** One value of a device's effective configuration and the layer it came from. */
public record EffectiveValue(String key, JsonNode value, ConfigScope source) {}
