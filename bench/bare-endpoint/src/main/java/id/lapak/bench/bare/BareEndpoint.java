package id.lapak.bench.bare;

import java.time.Instant;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yardstick for Lapak's HTTP floor: Spring Boot with Tomcat and Spring MVC, one controller answering the same
 * small JSON as the device API's {@code /time}, nothing else (no security, no filters of its own).
 */
@SpringBootApplication
@RestController
public class BareEndpoint {

    record TimeResponse(Instant serverTime) {}

    @GetMapping(path = "/api/device/v1/time", produces = MediaType.APPLICATION_JSON_VALUE)
    TimeResponse time() {
        return new TimeResponse(Instant.now());
    }

    public static void main(String[] args) {
        SpringApplication.run(BareEndpoint.class, args);
    }
}
