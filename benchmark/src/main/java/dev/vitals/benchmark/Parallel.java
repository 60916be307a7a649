package dev.vitals.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the same work on a number of client threads and waits for all of them; the first failure fails the run. */
final class Parallel {

    interface Worker {
        /** @param worker 0 … threads − 1, so workers can split the input @return what the worker counted */
        long run(int worker) throws Exception;
    }

    private Parallel() {
    }

    static void run(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> worker.run(index)));
            }
            for (Future<Long> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
