package id.lapak.device.api;

import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceFacts;
import id.lapak.device.DeviceRegistry;
import id.lapak.device.DeviceTimeline;
import id.lapak.device.Heartbeat;
import id.lapak.device.auth.DeviceAuthentication;
import id.lapak.device.auth.DevicePrincipal;
import id.lapak.device.config.DeviceConfigService;
import id.lapak.device.config.RenderedConfig;
import id.lapak.device.keys.ReaderKeyAlgorithm;
import id.lapak.device.keys.ReaderKeyDelivery;
import id.lapak.device.keys.ReaderKeyService;
import id.lapak.device.pairing.Pairing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/device/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Device API",
        description = "What an mPOS device calls: pair, authenticate, pull configuration, report health")
class DeviceApiController {

    record PairingRequest(String code, String publicKey, FactsBody facts) {}

    record FactsBody(
            String model,
            String serialNumber,
            String osVersion,
            String appVersion,
            String readerModel,
            String readerSerial) {}

    record PairingResponse(UUID deviceId, UUID tenantId, UUID storeId, String name, String tokenAudience) {}

    record TokenRequest(String assertion) {}

    record TokenResponse(String access_token, String token_type, long expires_in) {}

    record HeartbeatResponse(Instant serverTime, long configVersion) {}

    record TimeResponse(Instant serverTime) {}

    record ReaderKeyRequest(String readerSerial, String algorithm, String ephemeralPublicKey) {}

    private final Pairing pairing;
    private final DeviceAuthentication authentication;
    private final DeviceConfigService config;
    private final DeviceRegistry registry;
    private final DeviceTimeline timeline;
    private final ReaderKeyService readerKeys;
    private final Clock clock;

    DeviceApiController(
            Pairing pairing,
            DeviceAuthentication authentication,
            DeviceConfigService config,
            DeviceRegistry registry,
            DeviceTimeline timeline,
            ReaderKeyService readerKeys,
            Clock clock) {
        this.readerKeys = readerKeys;
        this.pairing = pairing;
        this.authentication = authentication;
        this.config = config;
        this.registry = registry;
        this.timeline = timeline;
        this.clock = clock;
    }

    @PostMapping(path = "/pairings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Pair a device with a one-time code and its EC P-256 public key")
    ResponseEntity<PairingResponse> pair(@RequestBody PairingRequest body, HttpServletRequest request) {
        if (body == null || body.code() == null || body.publicKey() == null) {
            throw new BadRequestException("body_invalid", "code and publicKey are required");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(body.publicKey().strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("public_key_invalid", "publicKey must be base64");
        }
        FactsBody f = body.facts() == null ? new FactsBody(null, null, null, null, null, null) : body.facts();
        DeviceFacts facts = new DeviceFacts(
                f.model(), f.serialNumber(), f.osVersion(), f.appVersion(), f.readerModel(), f.readerSerial());
        DeviceDetails device = pairing.redeem(body.code(), key, facts, request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new PairingResponse(
                        device.id(), device.tenantId(), device.storeId(), device.name(), authentication.audience()));
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Exchange a signed assertion (ES256, the device's key) for an access token")
    TokenResponse token(@RequestBody TokenRequest body) {
        if (body == null || body.assertion() == null) {
            throw new BadRequestException("body_invalid", "assertion is required");
        }
        var token = authentication.exchange(body.assertion());
        return new TokenResponse(token.token(), "Bearer", token.expiresInSeconds());
    }

    @GetMapping("/time")
    @Operation(summary = "The server's clock, for a device to check its own before signing an assertion")
    TimeResponse time() {
        return new TimeResponse(Instant.now(clock));
    }

    @GetMapping("/config")
    @Operation(
            summary = "The device's effective configuration; send If-None-Match for 304",
            security = @SecurityRequirement(name = "device-token"))
    ResponseEntity<byte[]> config(
            @AuthenticationPrincipal DevicePrincipal device,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        // A cached document's 304 is answered before Spring MVC (ConfigNotModified); here it is rendered first.
        RenderedConfig current = config.forDevice(device.deviceId());
        if (current.matches(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(current.etag())
                    .build();
        }
        timeline.record(device.deviceId(), "CONFIG_FETCHED", "version " + current.version(), "device");
        return ResponseEntity.ok()
                .eTag(current.etag())
                .contentType(MediaType.APPLICATION_JSON)
                .body(current.body());
    }

    @PostMapping(path = "/heartbeats", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Report battery, versions, connectivity and payments waiting to upload",
            security = @SecurityRequirement(name = "device-token"))
    ResponseEntity<HeartbeatResponse> heartbeat(
            @AuthenticationPrincipal DevicePrincipal device, @RequestBody Heartbeat heartbeat) {
        if (heartbeat == null) {
            throw new BadRequestException("body_invalid", "A heartbeat body is required");
        }
        registry.recordHeartbeat(device.deviceId(), heartbeat);
        long version = config.forDevice(device.deviceId()).version();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new HeartbeatResponse(Instant.now(clock), version));
    }

    @PostMapping(path = "/reader-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A DUKPT initial key for the device's reader, in a TR-31 block only the device can open",
            security = @SecurityRequirement(name = "device-token"))
    ReaderKeyDelivery readerKey(@AuthenticationPrincipal DevicePrincipal device, @RequestBody ReaderKeyRequest body) {
        if (body == null || body.readerSerial() == null || body.algorithm() == null) {
            throw new BadRequestException("body_invalid", "readerSerial and algorithm are required");
        }
        if (body.ephemeralPublicKey() != null) {
            // Key agreement uses the key registered at pairing; a key sent here would not be authenticated.
            throw new BadRequestException("ephemeral_key_unsupported", "ephemeralPublicKey is not supported in v1");
        }
        ReaderKeyAlgorithm algorithm;
        try {
            algorithm = ReaderKeyAlgorithm.valueOf(body.algorithm().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("algorithm_unknown", "algorithm is AES128 or TDES");
        }
        return readerKeys.deliver(device.deviceId(), body.readerSerial(), algorithm);
    }
}
