package id.lapak.device.api;

import id.lapak.device.pairing.NewPairingCode;
import id.lapak.device.pairing.PairingCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** For integrations (a merchant's own systems): create a pairing code with a Keycloak bearer token. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Integration API", description = "For merchants' systems, authenticated with a Keycloak access token")
class DeviceCodesController {

    record DeviceCodeRequest(UUID storeId, String name) {}

    record DeviceCodeResponse(
            UUID id, String code, String displayCode, UUID storeId, String deviceName, Instant expiresAt) {}

    private final PairingCodes codes;

    DeviceCodesController(PairingCodes codes) {
        this.codes = codes;
    }

    @PostMapping(path = "/device-codes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a one-time pairing code for a store (merchant admin, or manager of that store)",
            security = @SecurityRequirement(name = "keycloak"))
    DeviceCodeResponse create(@RequestBody DeviceCodeRequest body) {
        if (body == null || body.storeId() == null) {
            throw new BadRequestException("body_invalid", "storeId is required");
        }
        NewPairingCode code = codes.create(body.storeId(), body.name());
        return new DeviceCodeResponse(
                code.id(), code.code(), code.displayCode(), code.storeId(), code.deviceName(), code.expiresAt());
    }
}
