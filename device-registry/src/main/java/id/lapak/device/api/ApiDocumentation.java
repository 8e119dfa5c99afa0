package id.lapak.device.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the APIs and their two kinds of bearer token in the OpenAPI description served at /swagger-ui. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI lapakApi() {
        return new OpenAPI()
                .info(new Info().title("Lapak APIs").version("v1").description("""
                        The device API (pairing, token exchange, configuration, heartbeats; errors are \
                        application/problem+json with a stable `reason`) and the integration API for merchants' \
                        systems. See docs/device-api.md for the assertion format."""))
                .components(new Components()
                        .addSecuritySchemes(
                                "device-token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("Device access token from POST /api/device/v1/token"))
                        .addSecuritySchemes(
                                "keycloak",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("Keycloak access token of a merchant user (realm lapak)")));
    }
}
