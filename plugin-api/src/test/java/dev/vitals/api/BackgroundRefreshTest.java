package dev.vitals.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundRefreshTest {

    @Test
    void keysAskedForWithinTheSpacingOfARefreshAreRefreshedTogetherInTheNextOne() throws InterruptedException {
        BlockingQueue<List<String>> batches = new LinkedBlockingQueue<>();
        try (BackgroundRefresh refresh = new BackgroundRefresh("test-refresh", Duration.ofMillis(500),
                keys -> batches.add(keys.stream().sorted().toList()))) {
            refresh.request(List.of("a"));
            assertEquals(List.of("a"), batches.poll(30, TimeUnit.SECONDS));

            // The worker is idle again, yet the two requests wait for the spacing and go as one.
            refresh.request(List.of("b"));
            refresh.request(List.of("c", "b"));
            assertEquals(List.of("b", "c"), batches.poll(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aNegativeSpacingIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new BackgroundRefresh("test-refresh", Duration.ofMillis(-1), keys -> { }));
    }
}
