package id.lapak;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Lapak: the back office for merchants taking card payments on mPOS devices. */
@SpringBootApplication
public class LapakApplication {

    public static void main(String[] args) {
        SpringApplication.run(LapakApplication.class, args);
    }

    /** One clock for the whole application, so time-dependent rules can be tested. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
